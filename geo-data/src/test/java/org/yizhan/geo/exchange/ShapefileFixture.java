package org.yizhan.geo.exchange;

import com.linuxense.javadbf.DBFDataType;
import com.linuxense.javadbf.DBFField;
import com.linuxense.javadbf.DBFWriter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** Builds small point Shapefiles in zips, whole or broken on purpose, for the import tests. */
final class ShapefileFixture {

    static final String WGS84_PRJ =
            "GEOGCS[\"GCS_WGS_1984\",DATUM[\"D_WGS_1984\",SPHEROID[\"WGS_1984\",6378137.0,298.257223563]],"
                    + "PRIMEM[\"Greenwich\",0.0],UNIT[\"Degree\",0.0174532925199433]]";

    private ShapefileFixture() {}

    /** A valid layer of Haibowan stations at these lng/lat points, as a zip in a temporary file. */
    static Path points(List<double[]> xy, String prj) throws IOException {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        entries.put("s.shp", shp(1, xy));
        entries.put("s.dbf", dbf(xy.size(), StandardCharsets.UTF_8));
        entries.put("s.prj", prj.getBytes(StandardCharsets.US_ASCII));
        entries.put("s.cpg", "UTF-8".getBytes(StandardCharsets.US_ASCII));
        return zip(entries, StandardCharsets.UTF_8);
    }

    static Path zip(Map<String, byte[]> entries, Charset names) throws IOException {
        Path file = Files.createTempFile("shapefile-fixture-", ".zip");
        file.toFile().deleteOnExit();
        try (OutputStream out = Files.newOutputStream(file);
                ZipOutputStream z = new ZipOutputStream(out, names)) {
            for (Map.Entry<String, byte[]> e : entries.entrySet()) {
                z.putNextEntry(new ZipEntry(e.getKey()));
                z.write(e.getValue());
                z.closeEntry();
            }
        }
        return file;
    }

    /** A .shp of the given shape type whose records are points (x, y) as type 1 content. */
    static byte[] shp(int headerType, List<double[]> xy) {
        int recordBytes = 8 + 20;
        ByteBuffer b = ByteBuffer.allocate(100 + recordBytes * xy.size());
        b.order(ByteOrder.BIG_ENDIAN).putInt(0, 9994).putInt(24, b.capacity() / 2);
        b.order(ByteOrder.LITTLE_ENDIAN).putInt(28, 1000).putInt(32, headerType);
        int at = 100;
        for (int i = 0; i < xy.size(); i++) {
            b.order(ByteOrder.BIG_ENDIAN).putInt(at, i + 1).putInt(at + 4, 10);
            b.order(ByteOrder.LITTLE_ENDIAN)
                    .putInt(at + 8, 1)
                    .putDouble(at + 12, xy.get(i)[0])
                    .putDouble(at + 20, xy.get(i)[1]);
            at += recordBytes;
        }
        return b.array();
    }

    /** A .dbf of {@code n} valid Haibowan station rows with English keys. */
    static byte[] dbf(int n, Charset charset) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        DBFWriter w = new DBFWriter(out, charset);
        String[] names = {
            "name", "address", "adcode", "hostType", "hostOrgani", "contactPer", "contactPho", "openingHou"
        };
        DBFField[] fields = new DBFField[names.length];
        for (int i = 0; i < names.length; i++) {
            fields[i] = new DBFField(names[i], DBFDataType.CHARACTER, 100);
        }
        w.setFields(fields);
        for (int i = 0; i < n; i++) {
            w.addRecord(new Object[] {
                "新华街驿站" + (i + 1), "海勃湾区新华街" + (i + 1) + "号", "150302", "自建", "新华街社区", "张红", "0473-2012345", "24/7"
            });
        }
        w.close();
        return out.toByteArray();
    }
}
