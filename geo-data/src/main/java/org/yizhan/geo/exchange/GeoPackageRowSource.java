package org.yizhan.geo.exchange;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import mil.nga.geopackage.GeoPackage;
import mil.nga.geopackage.GeoPackageManager;
import mil.nga.geopackage.features.user.FeatureDao;
import mil.nga.geopackage.features.user.FeatureResultSet;
import mil.nga.geopackage.features.user.FeatureRow;
import mil.nga.geopackage.geom.GeoPackageGeometryData;
import mil.nga.geopackage.srs.SpatialReferenceSystem;
import mil.nga.sf.Geometry;
import mil.nga.sf.GeometryType;
import mil.nga.sf.MultiPoint;
import mil.nga.sf.Point;
import org.jspecify.annotations.Nullable;
import org.yizhan.geo.crs.DeclaredCrs;
import org.yizhan.geo.crs.UnsupportedCrsException;

/**
 * The point layer of an OGC GeoPackage (read with NGA's library over SQLite): one row per feature,
 * numbered by its {@code fid} as QGIS shows it; attributes named like register columns or their
 * English keys, as {@link RegisterExport#geoPackage} writes them. The layer's {@code srs} must be
 * WGS 84, CGCS2000 or a CGCS2000 Gauss–Krüger zone ({@link DeclaredCrs}).
 *
 * <p>The file is checked with SQLite's {@code quick_check} before anything is read, so a truncated
 * or tampered file is refused as a whole rather than half-way through.
 */
final class GeoPackageRowSource implements RowSource {

    private final GeoPackage gpkg;
    private final FeatureResultSet features;
    private final String table;
    private final FeaturePoints points;
    private final List<String> attributes = new ArrayList<>();
    private final FeatureAttributes mapping;

    GeoPackageRowSource(Path file) {
        try {
            gpkg = GeoPackageManager.open(file.toFile(), true);
        } catch (RuntimeException e) {
            throw new RegisterFormatException(
                    FileReason.GPKG_NOT_GEOPACKAGE, e, RegisterFormatException.rootDiagnostic(e));
        }
        try {
            Object check = gpkg.getConnection().querySingleResult("PRAGMA quick_check", null, 0, null);
            if (!"ok".equals(check)) {
                throw new RegisterFormatException(FileReason.GPKG_DAMAGED, String.valueOf(check));
            }
            table = pointTable(gpkg);
            FeatureDao dao = gpkg.getFeatureDao(table);
            points = new FeaturePoints(declared(dao.getSrs(), table), table);
            for (String column : dao.getColumnNames()) {
                if (!column.equals(dao.getGeometryColumnName()) && !column.equals(dao.getPkColumnName())) {
                    attributes.add(column);
                }
            }
            mapping = new FeatureAttributes(attributes);
            features = dao.query((String) null, (String[]) null, null, null, dao.getPkColumnName());
        } catch (RuntimeException e) {
            gpkg.close();
            throw e instanceof RegisterFormatException r
                    ? r
                    : new RegisterFormatException(
                            FileReason.GPKG_UNREADABLE, e, RegisterFormatException.rootDiagnostic(e));
        }
    }

    /** The one feature table of points; several are refused by name rather than guessed between. */
    private static String pointTable(GeoPackage gpkg) {
        List<String> pointTables = new ArrayList<>();
        List<String> others = new ArrayList<>();
        for (String t : gpkg.getFeatureTables()) {
            GeometryType type = gpkg.getFeatureDao(t).getGeometryType();
            if (type == GeometryType.POINT || type == GeometryType.MULTIPOINT) {
                pointTables.add(t);
            } else {
                others.add(t + " (" + (type == null ? "?" : type.getName().toLowerCase(Locale.ROOT)) + ")");
            }
        }
        if (pointTables.size() == 1) {
            return pointTables.get(0);
        }
        if (pointTables.isEmpty()) {
            throw others.isEmpty()
                    ? new RegisterFormatException(FileReason.GPKG_NO_LAYER)
                    : new RegisterFormatException(FileReason.GPKG_NO_POINT_LAYER, String.join(", ", others));
        }
        throw new RegisterFormatException(FileReason.GPKG_SEVERAL_POINT_LAYERS, String.join(", ", pointTables));
    }

    private static DeclaredCrs declared(SpatialReferenceSystem srs, String table) {
        if (srs == null) {
            throw new RegisterFormatException(FileReason.CRS_NONE, table);
        }
        try {
            if ("EPSG".equalsIgnoreCase(srs.getOrganization())) {
                return DeclaredCrs.ofEpsg((int) srs.getOrganizationCoordsysId());
            }
            return DeclaredCrs.ofWkt(srs.getDefinition());
        } catch (UnsupportedCrsException e) {
            throw RegisterFormatException.crs(table, e);
        }
    }

    @Override
    public @Nullable RawRow next() {
        try {
            if (!features.moveToNext()) {
                return null;
            }
            FeatureRow row = features.getRow();
            int number = Math.toIntExact(row.getId());
            FeatureAttributes.Feature raw = mapping.row(number, name -> text(row.getValue(name)));
            GeoPackageGeometryData data = row.getGeometry();
            Geometry g = data == null ? null : data.getGeometry();
            if (g instanceof MultiPoint m && m.numPoints() == 1) {
                g = m.getPoint(0);
            }
            if (g instanceof Point p) {
                points.add(raw, p.getX(), p.getY());
            } else {
                if (g == null) raw.problem(RowReason.GEOMETRY_NONE);
                else raw.problem(RowReason.GEOMETRY_TYPE, g.getGeometryType().getName());
            }
            return raw.build();
        } catch (RuntimeException e) {
            if (e instanceof RegisterFormatException r) {
                throw r;
            }
            throw new RegisterFormatException(
                    FileReason.GPKG_LAYER_UNREADABLE, e, table, RegisterFormatException.rootDiagnostic(e));
        }
    }

    /** Attribute values as text: whole numbers without ".0" (a phone or division code stored as REAL). */
    static String text(@Nullable Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof Double d && d == Math.rint(d) && Math.abs(d) < 1e15) {
            return Long.toString(d.longValue());
        }
        if (value instanceof byte[]) {
            return "";
        }
        return value.toString();
    }

    @Override
    public List<String> unknownHeaders() {
        return mapping.unknown();
    }

    @Override
    public void close() {
        try {
            if (features != null) {
                features.close();
            }
        } finally {
            gpkg.close();
        }
    }
}
