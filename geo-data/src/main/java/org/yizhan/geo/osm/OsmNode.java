package org.yizhan.geo.osm;

import java.util.Map;
import org.yizhan.geo.LatLng;

/** An OSM node: a position with tags (barriers carry tags; street corners have none). */
public record OsmNode(long id, LatLng at, Map<String, String> tags) {

    public OsmNode {
        tags = Map.copyOf(tags);
    }
}
