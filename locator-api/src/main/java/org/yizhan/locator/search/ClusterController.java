package org.yizhan.locator.search;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.yizhan.geo.crs.CoordinateSystem;
import org.yizhan.locator.amenity.AmenityVocabulary;
import org.yizhan.locator.web.ApiException;
import org.yizhan.locator.web.GeoParams;
import org.yizhan.locator.web.Gzip;
import org.yizhan.locator.web.HttpCaching;

/**
 * Server-side clusters for zoomed-out maps: a country-wide view of a million stations becomes
 * a few hundred counted points instead of a million markers. The cells are {@link ClusterGrid}'s.
 */
@RestController
class ClusterController {

    /**
     * What fixes an answer: the cells, the filter, the coordinate system and the index's version.
     * Boxes are not part of it: every map view with the same cells (the web map snaps its boxes
     * per zoom) shares one written answer until a station changes.
     */
    private record Key(ClusterGrid.Cells cells, long amenities, CoordinateSystem system, long version) {}

    private final StationIndex index;
    private final AmenityVocabulary vocabulary;
    /** Written answers by their bytes: a country view is ~50 KB, a 256-column city view a few hundred KB. */
    private final Cache<Key, Written> answers = Caffeine.newBuilder()
            .maximumWeight(32L << 20)
            .weigher((Key key, Written written) -> written.body.length)
            .build();

    /**
     * An answer and its validator. The ETag hashes the bytes rather than naming the index version:
     * versions are one instance's own counter, and behind a load balancer another instance may hold
     * the same number for other stations, while equal bytes are the same answer everywhere. The
     * gzip-compressed bytes are made when a client first asks for them, and kept (about a fifth of
     * the body, not counted in the cache's weight).
     */
    private static final class Written {
        final byte[] body;
        final String etag;
        private volatile byte @Nullable [] gzipped;

        Written(byte[] body) {
            this.body = body;
            this.etag = HttpCaching.weakEtag(body);
        }

        /** Two threads asking at once may both compress; either result is the same bytes. */
        byte[] gzipped() {
            byte[] g = gzipped;
            if (g == null) gzipped = g = Gzip.compress(body);
            return g;
        }
    }

    /** How long a client or shared cache may use an answer before revalidating: edits show within this. */
    private static final CacheControl CACHE_CONTROL =
            CacheControl.maxAge(Duration.ofSeconds(5)).cachePublic();

    ClusterController(StationIndex index, AmenityVocabulary vocabulary) {
        this.index = index;
        this.vocabulary = vocabulary;
    }

    @Operation(
            summary = "Active stations counted per grid cell, for the cells meeting a box (GeoJSON points with count)",
            description = "For zoomed-out views. The cells are a fixed grid: squares of 2^e degrees aligned to"
                    + " multiples of their size, e the smallest with at most `columns` + 1 cells along the box's"
                    + " longer side (`columns` 8-256, default 64). Every cell that meets the box is counted whole,"
                    + " so clusters do not move while the map pans. Each point is its cell's centre of mass."
                    + " Carries a weak ETag (If-None-Match gives 304) and Cache-Control: max-age=5.")
    @GetMapping(
            value = "/api/v1/stations/clusters",
            produces = {"application/geo+json", "application/json"})
    ResponseEntity<byte[]> clusters(
            @RequestParam(required = false) @Parameter(description = "minLng,minLat,maxLng,maxLat in crs") @Nullable
                    String bbox,
            @RequestParam(defaultValue = "64") int columns,
            @RequestParam(required = false) @Nullable String amenities,
            @RequestParam(required = false) @Nullable String crs,
            HttpServletRequest request) {
        if (columns < 8 || columns > 256) throw ApiException.invalid("columns", "number.between", "columns", 8, 256);
        if (!index.ready()) {
            throw ApiException.of(HttpStatus.SERVICE_UNAVAILABLE, "index.loading");
        }
        CoordinateSystem system = GeoParams.crs(crs);
        Bbox box = Bbox.parse(bbox).toWgs84(system);
        List<String> keys =
                amenities == null ? List.of() : vocabulary.validate("amenities", Arrays.asList(amenities.split(",")));
        ClusterGrid.Cells cells = ClusterGrid.Cells.of(box.minLat(), box.minLng(), box.maxLat(), box.maxLng(), columns);
        Key key = new Key(cells, index.amenityBits(keys), system, index.version());
        Written written = answers.get(
                key, k -> new Written(ClusterJson.write(index.clusters(k.cells(), k.amenities()), k.system())));
        // Public whoever asks (counts only); Spring answers If-None-Match with 304 from the ETag.
        ResponseEntity.BodyBuilder answer = ResponseEntity.ok()
                .contentType(ViewportController.GEO_JSON)
                .eTag(written.etag)
                .cacheControl(CACHE_CONTROL)
                .varyBy(HttpHeaders.ACCEPT_ENCODING);
        if (Gzip.accepted(request)) {
            return answer.header(HttpHeaders.CONTENT_ENCODING, "gzip").body(written.gzipped());
        }
        return answer.body(written.body);
    }
}
