package org.yizhan.geo.exchange;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.apache.poi.util.XMLHelper;
import org.jspecify.annotations.Nullable;
import org.yizhan.geo.station.StationRecord;

/**
 * Writes stations as a register file, one station at a time. Coordinates are WGS-84 in every
 * format. The output stream is flushed but not closed, so a servlet response can be passed in.
 */
public final class RegisterExport {

    private static final String KML_NS = "http://www.opengis.net/kml/2.2";

    private RegisterExport() {}

    /** Writes {@code stations} in {@code format}. */
    public static void write(
            Stream<StationRecord> stations, RegisterFormat format, ExportOptions options, OutputStream out)
            throws IOException {
        switch (format) {
            case CSV -> csv(stations, options, out);
            case XLSX -> xlsx(stations, options, out);
            case GEOJSON -> geoJson(stations, options, out);
            case KML -> kml(stations, options, out);
            case GEOPACKAGE -> GeoPackageExport.write(stations, options, GeoPackageExport.Srs.WGS84, out);
            case SHAPEFILE -> throw new IllegalArgumentException("Shapefiles are read only; export a GeoPackage");
        }
    }

    /**
     * CSV for spreadsheets and programs ({@link SpreadsheetWriter#csv}): numbers written plainly,
     * risky text neutralised.
     */
    public static void csv(Stream<StationRecord> stations, ExportOptions options, OutputStream out) throws IOException {
        TabularLayout layout = new TabularLayout(options);
        try (SpreadsheetWriter csv = SpreadsheetWriter.csv(out, layout.header())) {
            for (Iterator<StationRecord> it = stations.iterator(); it.hasNext(); ) {
                csv.row(layout.row(it.next()));
            }
        }
    }

    /**
     * An {@code .xlsx} workbook with one sheet, streamed. Latitude, longitude and floor area are
     * numeric cells; everything else is text, so codes and phone numbers keep their digits.
     */
    public static void xlsx(Stream<StationRecord> stations, ExportOptions options, OutputStream out)
            throws IOException {
        TabularLayout layout = new TabularLayout(options);
        List<Integer> widths =
                layout.columns().stream().map(RegisterTemplate::width).toList();
        try (SpreadsheetWriter xlsx =
                SpreadsheetWriter.xlsx(out, RegisterTemplate.SHEET_NAME, layout.header(), widths)) {
            for (Iterator<StationRecord> it = stations.iterator(); it.hasNext(); ) {
                xlsx.row(layout.row(it.next()));
            }
        }
    }

    /**
     * An RFC 7946 FeatureCollection: one Point feature per station, {@code [lng, lat]}, the station's
     * fields as properties with their English keys and amenities as an array of keys.
     */
    public static void geoJson(Stream<StationRecord> stations, ExportOptions options, OutputStream out) {
        try (GeoJson.PointWriter features = GeoJson.writer(out)) {
            for (Iterator<StationRecord> it = stations.iterator(); it.hasNext(); ) {
                StationRecord s = it.next();
                features.point(s.code(), s.lng(), s.lat(), properties(s, options));
            }
        }
    }

    private static Map<String, @Nullable Object> properties(StationRecord s, ExportOptions options) {
        Map<String, @Nullable Object> p = new LinkedHashMap<>();
        p.put("code", s.code());
        p.put("name", s.name());
        p.put("nameEn", s.nameEn());
        p.put("address", s.address());
        p.put("adcode", s.adcode());
        p.put("hostType", s.hostType());
        p.put("hostOrganisation", s.hostOrganisation());
        if (options.audience() == ExportOptions.Audience.REGISTER) {
            p.put("contactPerson", s.contactPerson());
        }
        p.put("contactPhone", s.contactPhone());
        p.put("openingHours", s.openingHours());
        p.put("amenities", s.amenities());
        p.put("status", s.status());
        p.put("floorArea", s.floorArea());
        return p;
    }

    /**
     * KML 2.2 for Google Earth and GIS tools: a Placemark per station with its name, a readable
     * description, the fields as ExtendedData and a Point {@code lng,lat}.
     */
    public static void kml(Stream<StationRecord> stations, ExportOptions options, OutputStream out) throws IOException {
        try {
            XMLStreamWriter xml = XMLHelper.newXMLOutputFactory().createXMLStreamWriter(out, "UTF-8");
            xml.writeStartDocument("UTF-8", "1.0");
            xml.writeStartElement("kml");
            xml.writeDefaultNamespace(KML_NS);
            xml.writeStartElement("Document");
            element(xml, "name", "工会户外劳动者服务站点");
            for (Iterator<StationRecord> it = stations.iterator(); it.hasNext(); ) {
                StationRecord s = it.next();
                xml.writeStartElement("Placemark");
                if (s.code() != null) {
                    xml.writeAttribute("id", "s" + s.code());
                }
                element(xml, "name", s.name());
                element(xml, "description", description(s));
                xml.writeStartElement("ExtendedData");
                data(xml, "code", s.code());
                data(xml, "address", s.address());
                data(xml, "adcode", s.adcode());
                data(xml, "hostType", s.hostType());
                data(xml, "hostOrganisation", s.hostOrganisation());
                if (options.audience() == ExportOptions.Audience.REGISTER) {
                    data(xml, "contactPerson", s.contactPerson());
                }
                data(xml, "contactPhone", s.contactPhone());
                data(xml, "openingHours", s.openingHours());
                data(xml, "amenities", String.join(",", s.amenities()));
                data(xml, "status", s.status());
                xml.writeEndElement();
                xml.writeStartElement("Point");
                element(xml, "coordinates", plain(s.lng()) + "," + plain(s.lat()));
                xml.writeEndElement();
                xml.writeEndElement();
            }
            xml.writeEndElement();
            xml.writeEndElement();
            xml.writeEndDocument();
            xml.flush();
            xml.close(); // does not close the underlying stream
        } catch (XMLStreamException e) {
            throw new IOException(e);
        }
        out.flush();
    }

    private static String description(StationRecord s) {
        StringBuilder d = new StringBuilder(s.address());
        d.append("\n电话 ").append(s.contactPhone()).append("\n开放时间 ").append(s.openingHours());
        if (!s.amenities().isEmpty()) {
            d.append("\n设施 ")
                    .append(String.join(
                            "、",
                            s.amenities().stream().map(AmenityLabels::label).toList()));
        }
        return d.toString();
    }

    private static void element(XMLStreamWriter xml, String name, String text) throws XMLStreamException {
        xml.writeStartElement(name);
        xml.writeCharacters(text);
        xml.writeEndElement();
    }

    private static void data(XMLStreamWriter xml, String name, @Nullable String value) throws XMLStreamException {
        if (value == null) {
            return;
        }
        xml.writeStartElement("Data");
        xml.writeAttribute("name", name);
        element(xml, "value", value);
        xml.writeEndElement();
    }

    private static String plain(double d) {
        return SpreadsheetWriter.plain(d);
    }
}
