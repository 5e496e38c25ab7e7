package org.yizhan.geo.planning;

import java.util.Objects;
import org.yizhan.geo.LatLng;

/**
 * An existing station or a candidate location for a new one.
 *
 * @param id caller's key (station code, candidate name); not interpreted
 * @param at WGS-84 position
 */
public record Site(String id, LatLng at) {

    public Site {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(at, "at");
    }
}
