package org.yizhan.geo.exchange;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Stream;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.jspecify.annotations.Nullable;
import org.yizhan.geo.station.StationRecord;
import tools.jackson.core.JsonEncoding;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.ObjectWriteContext;
import tools.jackson.core.json.JsonFactory;

/**
 * Writes stations as a register file, one station at a time. Coordinates are WGS-84 in every
 * format. The output stream is flushed but not closed, so a servlet response can be passed in.
 */
public final class RegisterExport {

  private static final JsonFactory JSON = new JsonFactory();
  /** SXSSF keeps this many rows in memory and flushes older ones to a temporary file. */
  private static final int XLSX_WINDOW = 200;
  private static final String KML_NS = "http://www.opengis.net/kml/2.2";

  private RegisterExport() {}

  /** Writes {@code stations} in {@code format}. */
  public static void write(Stream<StationRecord> stations, RegisterFormat format, ExportOptions options,
      OutputStream out) throws IOException {
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
   * RFC 4180 CSV in UTF-8 with a byte-order mark, without which Excel reads UTF-8 as the local
   * code page and garbles Chinese. Numbers are written plainly; risky text is neutralised.
   */
  public static void csv(Stream<StationRecord> stations, ExportOptions options, OutputStream out) throws IOException {
    TabularLayout layout = new TabularLayout(options);
    Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
    writer.write('\uFEFF');
    CSVPrinter printer = new CSVPrinter(writer, CSVFormat.RFC4180);
    printer.printRecord(layout.header());
    for (Iterator<StationRecord> it = stations.iterator(); it.hasNext(); ) {
      List<@Nullable Object> row = layout.row(it.next());
      for (Object cell : row) {
        printer.print(cell instanceof Double d ? plain(d) : cell);
      }
      printer.println();
    }
    printer.flush();
  }

  /**
   * An {@code .xlsx} workbook with one sheet, streamed with SXSSF. Latitude, longitude and floor
   * area are numeric cells; everything else is text, so codes and phone numbers keep their digits.
   */
  public static void xlsx(Stream<StationRecord> stations, ExportOptions options, OutputStream out) throws IOException {
    TabularLayout layout = new TabularLayout(options);
    SXSSFWorkbook wb = new SXSSFWorkbook(XLSX_WINDOW);
    try (wb) {
      wb.setCompressTempFiles(true);
      Sheet sheet = wb.createSheet(RegisterTemplate.SHEET_NAME);
      CellStyle bold = wb.createCellStyle();
      Font font = wb.createFont();
      font.setBold(true);
      bold.setFont(font);
      RegisterTemplate.writeHeader(sheet, layout.header(), layout.columns(), bold);
      int r = 1;
      for (Iterator<StationRecord> it = stations.iterator(); it.hasNext(); ) {
        Row row = sheet.createRow(r++);
        List<@Nullable Object> cells = layout.row(it.next());
        for (int c = 0; c < cells.size(); c++) {
          Object value = cells.get(c);
          if (value instanceof Double d) {
            row.createCell(c).setCellValue(d);
          } else if (value != null) {
            row.createCell(c).setCellValue((String) value);
          }
        }
      }
      wb.write(out);
    } finally {
      wb.dispose(); // close() alone leaves the flushed rows' temporary file behind
    }
    out.flush();
  }

  /**
   * An RFC 7946 FeatureCollection: one Point feature per station, {@code [lng, lat]}, the station's
   * fields as properties with their English keys and amenities as an array of keys.
   */
  public static void geoJson(Stream<StationRecord> stations, ExportOptions options, OutputStream out) {
    try (JsonGenerator g = JSON.createGenerator(ObjectWriteContext.empty(), new NonClosing(out), JsonEncoding.UTF8)) {
      g.writeStartObject();
      g.writeStringProperty("type", "FeatureCollection");
      g.writeName("features");
      g.writeStartArray();
      for (Iterator<StationRecord> it = stations.iterator(); it.hasNext(); ) {
        StationRecord s = it.next();
        g.writeStartObject();
        g.writeStringProperty("type", "Feature");
        if (s.code() != null) {
          g.writeStringProperty("id", s.code());
        }
        g.writeName("geometry");
        g.writeStartObject();
        g.writeStringProperty("type", "Point");
        g.writeName("coordinates");
        g.writeStartArray();
        g.writeNumber(s.lng());
        g.writeNumber(s.lat());
        g.writeEndArray();
        g.writeEndObject();
        g.writeName("properties");
        writeProperties(g, s, options);
        g.writeEndObject();
      }
      g.writeEndArray();
      g.writeEndObject();
    }
  }

  private static void writeProperties(JsonGenerator g, StationRecord s, ExportOptions options) {
    g.writeStartObject();
    g.writeStringProperty("code", s.code());
    g.writeStringProperty("name", s.name());
    g.writeStringProperty("nameEn", s.nameEn());
    g.writeStringProperty("address", s.address());
    g.writeStringProperty("adcode", s.adcode());
    g.writeStringProperty("hostType", s.hostType());
    g.writeStringProperty("hostOrganisation", s.hostOrganisation());
    if (options.audience() == ExportOptions.Audience.REGISTER) {
      g.writeStringProperty("contactPerson", s.contactPerson());
    }
    g.writeStringProperty("contactPhone", s.contactPhone());
    g.writeStringProperty("openingHours", s.openingHours());
    g.writeName("amenities");
    g.writeStartArray();
    for (String a : s.amenities()) {
      g.writeString(a);
    }
    g.writeEndArray();
    g.writeStringProperty("status", s.status());
    if (s.floorArea() == null) {
      g.writeNullProperty("floorArea");
    } else {
      g.writeNumberProperty("floorArea", s.floorArea());
    }
    g.writeEndObject();
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
      d.append("\n设施 ").append(String.join("、", s.amenities().stream().map(AmenityLabels::label).toList()));
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

  /** The shortest text that reads back as the same double, never in E notation. */
  static String plain(double d) {
    return BigDecimal.valueOf(d).toPlainString();
  }

  /** Lets a generator that closes its target write to a stream the caller owns. */
  private static final class NonClosing extends java.io.FilterOutputStream {
    NonClosing(OutputStream out) {
      super(out);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      out.write(b, off, len);
    }

    @Override
    public void close() throws IOException {
      flush();
    }
  }

}
