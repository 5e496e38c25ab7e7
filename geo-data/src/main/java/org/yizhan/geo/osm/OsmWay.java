package org.yizhan.geo.osm;

import java.util.List;
import java.util.Map;

/** An OSM way: an ordered list of node ids with tags ({@code highway=residential}, {@code access=private}). */
public record OsmWay(long id, List<Long> nodes, Map<String, String> tags) {

    public OsmWay {
        nodes = List.copyOf(nodes);
        tags = Map.copyOf(tags);
    }
}
