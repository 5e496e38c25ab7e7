package org.yizhan.locator.routing;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings under {@code yizhan.routing.*}; application.yaml carries a commented example.
 *
 * @param osmFile OpenStreetMap extract ({@code .osm.pbf} or {@code .osm}, env
 *     {@code YIZHAN_ROUTING_OSM_FILE}); empty means no road graph, so straight-line distance only
 * @param graphDir where the built graph is kept; rebuilt when the extract changes
 * @param maxSnapMeters a point farther than this from any usable road is "not on the network"
 */
@ConfigurationProperties("yizhan.routing")
public record RoutingProperties(
        @DefaultValue("") String osmFile,
        @DefaultValue(".data/graph") String graphDir,
        @DefaultValue("200") double maxSnapMeters) {}
