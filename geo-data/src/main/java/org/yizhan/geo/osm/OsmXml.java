package org.yizhan.geo.osm;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Map;
import java.util.TreeMap;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/** Writes nodes and ways as OSM XML 0.6, the format every OSM reader accepts besides PBF. */
public final class OsmXml {

    private OsmXml() {}

    public static void write(GeneratedCity city, OutputStream out) throws IOException {
        try {
            XMLStreamWriter xml = XMLOutputFactory.newInstance().createXMLStreamWriter(out, "UTF-8");
            xml.writeStartDocument("UTF-8", "1.0");
            xml.writeCharacters("\n");
            xml.writeStartElement("osm");
            xml.writeAttribute("version", "0.6");
            xml.writeAttribute("generator", "yizhan GeneratedCity seed " + city.seed());
            xml.writeCharacters("\n");
            for (OsmNode node : city.nodes()) {
                xml.writeStartElement("node");
                xml.writeAttribute("id", Long.toString(node.id()));
                xml.writeAttribute("version", "1");
                xml.writeAttribute(
                        "lat",
                        String.format(java.util.Locale.ROOT, "%.7f", node.at().lat()));
                xml.writeAttribute(
                        "lon",
                        String.format(java.util.Locale.ROOT, "%.7f", node.at().lng()));
                tags(xml, node.tags());
                xml.writeEndElement();
                xml.writeCharacters("\n");
            }
            for (OsmWay way : city.ways()) {
                xml.writeStartElement("way");
                xml.writeAttribute("id", Long.toString(way.id()));
                xml.writeAttribute("version", "1");
                for (long ref : way.nodes()) {
                    xml.writeEmptyElement("nd");
                    xml.writeAttribute("ref", Long.toString(ref));
                }
                tags(xml, way.tags());
                xml.writeEndElement();
                xml.writeCharacters("\n");
            }
            xml.writeEndElement();
            xml.writeEndDocument();
            xml.flush();
        } catch (XMLStreamException e) {
            throw new IOException("could not write OSM XML", e);
        }
    }

    private static void tags(XMLStreamWriter xml, Map<String, String> tags) throws XMLStreamException {
        // Sorted so the same seed gives byte-identical files.
        for (Map.Entry<String, String> tag : new TreeMap<>(tags).entrySet()) {
            xml.writeEmptyElement("tag");
            xml.writeAttribute("k", tag.getKey());
            xml.writeAttribute("v", tag.getValue());
        }
    }
}
