package org.yizhan.geo.exchange;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Stream;
import mil.nga.geopackage.BoundingBox;
import mil.nga.geopackage.GeoPackage;
import mil.nga.geopackage.GeoPackageManager;
import mil.nga.geopackage.contents.Contents;
import mil.nga.geopackage.contents.ContentsDao;
import mil.nga.geopackage.db.GeoPackageDataType;
import mil.nga.geopackage.extension.rtree.RTreeIndexExtension;
import mil.nga.geopackage.features.columns.GeometryColumns;
import mil.nga.geopackage.features.user.FeatureColumn;
import mil.nga.geopackage.features.user.FeatureTableMetadata;
import mil.nga.geopackage.geom.GeoPackageGeometryData;
import mil.nga.geopackage.srs.SpatialReferenceSystem;
import mil.nga.geopackage.srs.SpatialReferenceSystemDao;
import mil.nga.sf.GeometryType;
import mil.nga.sf.Point;
import org.jspecify.annotations.Nullable;
import org.yizhan.geo.station.StationRecord;

/**
 * The register as an OGC GeoPackage that QGIS and ArcGIS open directly: one point layer,
 * {@code stations}, with the register's fields under their English keys (so the file imports again
 * unchanged), amenities as one comma-separated text, an R-tree spatial index and the layer's
 * extent. Written with NGA's library into a temporary SQLite file, which is then copied to the
 * output and deleted; a GeoPackage cannot be streamed.
 */
public final class GeoPackageExport {

    /** The layer's table name, also its name in QGIS. */
    public static final String TABLE = "stations";

    static final String GEOMETRY_COLUMN = "geom";
    private static final int ROWS_PER_TRANSACTION = 10_000;
    private static final int BATCH = 500;
    private static final int GEOPACKAGE_1_3 = 10300;

    /** The coordinate system the file declares; coordinates are the register's WGS-84 values in both. */
    public enum Srs {
        /** EPSG:4326, what every GIS expects. */
        WGS84(4326),
        /** EPSG:4490, for a GIS department whose layers are all CGCS2000 (within a metre of WGS-84). */
        CGCS2000(4490);

        private final int epsg;

        Srs(int epsg) {
            this.epsg = epsg;
        }

        public int epsg() {
            return epsg;
        }
    }

    private static final String CGCS2000_WKT = "GEOGCS[\"China Geodetic Coordinate System 2000\",DATUM[\"China_2000\","
            + "SPHEROID[\"CGCS2000\",6378137,298.257222101,AUTHORITY[\"EPSG\",\"1024\"]],AUTHORITY[\"EPSG\",\"1043\"]],"
            + "PRIMEM[\"Greenwich\",0,AUTHORITY[\"EPSG\",\"8901\"]],UNIT[\"degree\",0.0174532925199433,AUTHORITY[\"EPSG\",\"9122\"]],"
            + "AUTHORITY[\"EPSG\",\"4490\"]]";

    private GeoPackageExport() {}

    /** Writes {@code stations} as a GeoPackage to {@code out}, which is flushed but not closed. */
    public static void write(Stream<StationRecord> stations, ExportOptions options, Srs srs, OutputStream out)
            throws IOException {
        Path dir = Files.createTempDirectory("yizhan-gpkg-");
        Path file = dir.resolve("stations.gpkg");
        try {
            writeFile(stations, options, srs, file);
            Files.copy(file, out);
            out.flush();
        } finally {
            Files.deleteIfExists(file);
            Files.deleteIfExists(dir.resolve("stations.gpkg-journal"));
            Files.deleteIfExists(dir);
        }
    }

    static void writeFile(Stream<StationRecord> stations, ExportOptions options, Srs srs, Path file)
            throws IOException {
        GeoPackageManager.create(file.toFile());
        GeoPackage gp = GeoPackageManager.open(file.toFile());
        try {
            SpatialReferenceSystem system = srs == Srs.WGS84
                    ? gp.getSpatialReferenceSystemDao().getOrCreateCode("EPSG", 4326)
                    : cgcs2000(gp.getSpatialReferenceSystemDao());
            GeometryColumns geometry = new GeometryColumns();
            geometry.setTableName(TABLE);
            geometry.setColumnName(GEOMETRY_COLUMN);
            geometry.setGeometryType(GeometryType.POINT);
            geometry.setZ((byte) 0);
            geometry.setM((byte) 0);
            geometry.setSrs(system);
            List<FeatureColumn> columns = columns(options);
            gp.createFeatureTable(FeatureTableMetadata.create(geometry, columns));
            Extent extent = insert(gp.getConnection().getConnection(), stations, columns, system.getSrsId());
            setExtent(gp.getContentsDao(), extent);
            new RTreeIndexExtension(gp).create(gp.getFeatureDao(TABLE).getTable());
            // The library stamps 1.4; GDAL 3.6 (QGIS 3.28 LTR) warns on it. Nothing here needs more than 1.3.
            gp.getConnection().execSQL("PRAGMA user_version = " + GEOPACKAGE_1_3);
        } catch (SQLException e) {
            throw new IOException("Writing the GeoPackage failed", e);
        } finally {
            gp.close();
        }
    }

    /**
     * Rows go in through one prepared statement in JDBC batches, committed every 10,000: the
     * library's row-at-a-time insert took 47 s for 100,000 stations on the shared machine.
     */
    private static Extent insert(Connection db, Stream<StationRecord> stations, List<FeatureColumn> columns, long srsId)
            throws SQLException, IOException {
        StringBuilder sql = new StringBuilder("INSERT INTO \"" + TABLE + "\" (\"" + GEOMETRY_COLUMN + "\"");
        for (FeatureColumn c : columns) {
            sql.append(", \"").append(c.getName()).append('"');
        }
        sql.append(") VALUES (?").append(", ?".repeat(columns.size())).append(')');
        Extent extent = new Extent();
        boolean autoCommit = db.getAutoCommit();
        db.setAutoCommit(false);
        try (PreparedStatement insert = db.prepareStatement(sql.toString())) {
            int n = 0;
            for (Iterator<StationRecord> it = stations.iterator(); it.hasNext(); ) {
                StationRecord s = it.next();
                insert.setBytes(
                        1,
                        GeoPackageGeometryData.create(srsId, new Point(s.lng(), s.lat()))
                                .toBytes());
                int i = 2;
                for (FeatureColumn c : columns) {
                    insert.setObject(
                            i++, value(RegisterColumn.forHeader(c.getName()).orElseThrow(), s));
                }
                insert.addBatch();
                extent.add(s.lng(), s.lat());
                if (++n % BATCH == 0) {
                    insert.executeBatch();
                }
                if (n % ROWS_PER_TRANSACTION == 0) {
                    db.commit();
                }
            }
            insert.executeBatch();
            db.commit();
        } catch (SQLException | IOException | RuntimeException e) {
            db.rollback();
            throw e;
        } finally {
            db.setAutoCommit(autoCommit);
        }
        return extent;
    }

    private static @Nullable Object value(RegisterColumn column, StationRecord s) {
        return switch (column) {
            case CODE -> s.code();
            case NAME -> s.name();
            case NAME_EN -> s.nameEn();
            case ADDRESS -> s.address();
            case ADCODE -> s.adcode();
            case HOST_TYPE -> s.hostType();
            case HOST_ORGANISATION -> s.hostOrganisation();
            case CONTACT_PERSON -> s.contactPerson();
            case CONTACT_PHONE -> s.contactPhone();
            case OPENING_HOURS -> s.openingHours();
            case AMENITIES -> String.join(",", s.amenities());
            case STATUS -> s.status();
            case FLOOR_AREA -> s.floorArea();
            case LAT, LNG, CRS -> throw new IllegalArgumentException(column + " is the geometry's");
        };
    }

    private static SpatialReferenceSystem cgcs2000(SpatialReferenceSystemDao dao) throws SQLException {
        SpatialReferenceSystem existing = dao.queryForOrganizationCoordsysId("EPSG", Srs.CGCS2000.epsg);
        if (existing != null) {
            return existing;
        }
        SpatialReferenceSystem s = new SpatialReferenceSystem();
        s.setSrsName("China Geodetic Coordinate System 2000");
        s.setSrsId(Srs.CGCS2000.epsg);
        s.setOrganization("EPSG");
        s.setOrganizationCoordsysId(Srs.CGCS2000.epsg);
        s.setDefinition(CGCS2000_WKT);
        s.setDescription("CGCS2000 geographic, EPSG:4490");
        dao.create(s);
        return s;
    }

    private static List<FeatureColumn> columns(ExportOptions options) {
        List<FeatureColumn> columns = new ArrayList<>();
        for (RegisterColumn c : RegisterColumn.values()) {
            if (c == RegisterColumn.LAT
                    || c == RegisterColumn.LNG
                    || c == RegisterColumn.CRS
                    || (c == RegisterColumn.CONTACT_PERSON && options.audience() == ExportOptions.Audience.PUBLIC)) {
                continue; // coordinates and their system are the geometry's
            }
            columns.add(FeatureColumn.createColumn(
                    c.key(), c == RegisterColumn.FLOOR_AREA ? GeoPackageDataType.REAL : GeoPackageDataType.TEXT));
        }
        return columns;
    }

    private static void setExtent(ContentsDao contents, Extent e) throws SQLException {
        if (e.empty()) {
            return;
        }
        Contents c = contents.queryForId(TABLE);
        c.setBoundingBox(new BoundingBox(e.minX, e.minY, e.maxX, e.maxY));
        contents.update(c);
    }

    private static final class Extent {
        double minX = Double.POSITIVE_INFINITY;
        double minY = Double.POSITIVE_INFINITY;
        double maxX = Double.NEGATIVE_INFINITY;
        double maxY = Double.NEGATIVE_INFINITY;

        void add(double x, double y) {
            minX = Math.min(minX, x);
            minY = Math.min(minY, y);
            maxX = Math.max(maxX, x);
            maxY = Math.max(maxY, y);
        }

        boolean empty() {
            return minX > maxX;
        }
    }
}
