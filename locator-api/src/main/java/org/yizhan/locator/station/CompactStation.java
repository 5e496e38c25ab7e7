package org.yizhan.locator.station;

import io.swagger.v3.oas.annotations.media.Schema;
import org.jspecify.annotations.Nullable;

/** What a list view needs of a station ({@code view=compact}): about a tenth of the full answer. */
@Schema(name = "CompactStation")
public record CompactStation(
        @Schema(example = "150302-00017-4") String code,
        @Schema(example = "海勃湾区新华街道爱心驿站") String name,
        StationResponse.Location location,
        boolean openNow,

        @Schema(description = "Geodesic distance on the WGS-84 ellipsoid, in nearest results") @Nullable
        Double distanceMeters) {}
