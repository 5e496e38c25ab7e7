package org.yizhan.geo.exchange;

import com.linuxense.javadbf.DBFReader;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.SimpleDateFormat;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TimeZone;
import org.jspecify.annotations.Nullable;
import org.yizhan.geo.crs.DeclaredCrs;
import org.yizhan.geo.crs.UnsupportedCrsException;

/**
 * A zipped point Shapefile: geometry from the {@code .shp} ({@link ShpPoints}), attributes from the
 * {@code .dbf} (JavaDBF) in the encoding of the {@code .cpg} or, without one, UTF-8 or GBK as the
 * bytes show, and the coordinate system from the {@code .prj} ({@link DeclaredCrs}); without a
 * {@code .prj} the coordinates are longitude/latitude in the import's {@code crs=}. Rows are
 * numbered by record, from 1.
 */
final class ShapefileRowSource implements RowSource {

    private final ShapefileZip zip;
    private final ShpPoints shapes;
    private final InputStream dbfIn;
    private final DBFReader dbf;
    private final FeatureAttributes mapping;
    private final FeaturePoints points;
    private final List<String> fields = new ArrayList<>();
    private final String layer;
    /** The number of the last shape read: records are counted, from 1. */
    private int shapesRead;

    ShapefileRowSource(Path file) throws IOException {
        this(file, ShapefileZip.MAX_EXTRACTED_BYTES);
    }

    ShapefileRowSource(Path file, long maxExtractedBytes) throws IOException {
        zip = ShapefileZip.open(file, maxExtractedBytes);
        layer = zip.layer;
        ShpPoints openedShapes = null;
        InputStream openedDbf = null;
        try {
            DeclaredCrs crs;
            try {
                crs = zip.prj == null ? new DeclaredCrs.Geographic(false) : DeclaredCrs.ofWkt(zip.prj);
            } catch (UnsupportedCrsException e) {
                throw RegisterFormatException.crs(layer, e);
            }
            points = new FeaturePoints(crs, layer);
            Charset charset = zip.dbfCharset();
            openedShapes = new ShpPoints(zip.shp, layer);
            openedDbf = new BufferedInputStream(Files.newInputStream(zip.dbf), 64 * 1024);
            try {
                // Deleted records are shown so that records stay paired with shapes; field 0 is then JavaDBF's
                // "deleted" flag.
                dbf = new DBFReader(openedDbf, charset, true);
                for (int i = 1; i < dbf.getFieldCount(); i++) {
                    fields.add(dbf.getField(i).getName());
                }
            } catch (RuntimeException e) { // as in record(): damage shows as any runtime exception
                throw new RegisterFormatException(
                        FileReason.DBF_UNREADABLE, e, layer, RegisterFormatException.rootDiagnostic(e));
            }
            mapping = new FeatureAttributes(fields);
            shapes = openedShapes;
            dbfIn = openedDbf;
        } catch (IOException | RuntimeException e) {
            if (openedShapes != null) {
                openedShapes.close();
            }
            if (openedDbf != null) {
                openedDbf.close();
            }
            zip.close();
            throw e;
        }
    }

    @Override
    public @Nullable RawRow next() throws IOException {
        while (true) {
            ShpPoints.Shape shape = shapes.next(layer);
            Object[] record = record(shape);
            if (shape != null) {
                shapesRead = shape.number();
            }
            if (shape == null || record == null) {
                if (shape != null) {
                    throw new RegisterFormatException(FileReason.SHP_MORE_SHAPES, layer, shape.number());
                }
                if (record != null) {
                    throw new RegisterFormatException(FileReason.SHP_MORE_RECORDS, layer, shapesRead);
                }
                return null;
            }
            if (!Boolean.TRUE.equals(record[0])) { // a record deleted in dBASE is no station
                return row(shape, record);
            }
        }
    }

    private Object @Nullable [] record(ShpPoints.@Nullable Shape shape) {
        try {
            return dbf.nextRecord();
        } catch (RuntimeException e) {
            // JavaDBF trusts the record's declared lengths: damage shows as any runtime exception
            // (DBFException, IllegalArgumentException, NegativeArraySizeException, …).
            throw new RegisterFormatException(
                    FileReason.DBF_DAMAGED,
                    e,
                    layer,
                    shape == null ? shapesRead + 1 : shape.number(),
                    RegisterFormatException.rootDiagnostic(e));
        }
    }

    private RawRow row(ShpPoints.Shape shape, Object[] record) {
        Map<String, String> values = new HashMap<>();
        for (int i = 0; i < fields.size() && i + 1 < record.length; i++) {
            values.put(fields.get(i), text(record[i + 1]));
        }
        FeatureAttributes.Feature f = mapping.row(shape.number(), name -> values.getOrDefault(name, ""));
        if (shape.refusal() != null) {
            f.problem(RowReason.GEOMETRY_TYPE, shape.refusal());
        } else if (shape.x() == null || shape.y() == null) {
            f.problem(RowReason.GEOMETRY_NONE);
        } else {
            points.add(f, shape.x(), shape.y());
        }
        return f.build();
    }

    private static String text(@Nullable Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof BigDecimal d) {
            return d.stripTrailingZeros().toPlainString();
        }
        if (value instanceof Number n) {
            return GeoPackageRowSource.text(n.doubleValue());
        }
        if (value instanceof Date d) {
            SimpleDateFormat iso = new SimpleDateFormat("yyyy-MM-dd");
            iso.setTimeZone(TimeZone.getTimeZone("UTC"));
            return iso.format(d);
        }
        return value.toString().strip();
    }

    @Override
    public List<String> unknownHeaders() {
        return mapping.unknown();
    }

    @Override
    public void close() throws IOException {
        try {
            shapes.close();
            dbfIn.close();
        } finally {
            zip.close();
        }
    }
}
