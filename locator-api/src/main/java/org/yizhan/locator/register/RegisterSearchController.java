package org.yizhan.locator.register;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.yizhan.geo.LatLng;
import org.yizhan.geo.crs.CoordinateSystem;
import org.yizhan.geo.division.Divisions;
import org.yizhan.locator.account.SignedInUser;
import org.yizhan.locator.amenity.AmenityVocabulary;
import org.yizhan.locator.station.Freshness;
import org.yizhan.locator.station.StationRow;
import org.yizhan.locator.web.ApiException;
import org.yizhan.locator.web.GeoParams;

/**
 * The register as union staff look through it: every station the account may read, wherever it
 * lies (not only those on the map), found by code, name, address or district, filtered, sorted and
 * paged. {@code GET /api/v1/register/export} takes the same filter parameters, so the file holds
 * exactly what the list shows.
 */
@RestController
class RegisterSearchController {

    static final int DEFAULT_SIZE = 50;
    static final int MAX_SIZE = 200;

    /** Sort keys and their SQL; names and addresses in pinyin order (ICU), ties broken by code. */
    private static final Map<String, String> SORTS = Map.of(
            "code", "s.code",
            "name", "s.name COLLATE \"zh-x-icu\"",
            "address", "s.address COLLATE \"zh-x-icu\"",
            "district", "s.adcode",
            "status", "s.status",
            "updated", "s.updated_at");

    private final JdbcClient jdbc;
    private final AmenityVocabulary vocabulary;
    private final Clock clock;
    private final Divisions divisions = Divisions.standard();

    RegisterSearchController(JdbcClient jdbc, AmenityVocabulary vocabulary, Clock clock) {
        this.jdbc = jdbc;
        this.vocabulary = vocabulary;
        this.clock = clock;
    }

    record Item(
            @Schema(example = "150302-00017-4") String code,
            String name,
            String address,
            @Schema(example = "150302") String adcode,
            @Schema(example = "海勃湾区") String district,
            @Schema(example = "active") String status,
            double lat,
            double lng,
            List<String> amenities,
            String openingHours,
            String contactPerson,
            String contactPhone,

            @Schema(
                    description =
                            "The listing needs checking: not confirmed for 180 days, or reported closed from three networks")
            boolean needsChecking,

            @Schema(description = "Problem reports not yet resolved")
            int openReports,

            @Nullable Instant lastVerifiedAt,
            Instant updatedAt) {}

    record Page(
            @Schema(description = "Stations matching, over all pages")
            long total,

            int page,
            int size,
            @Schema(example = "name") String sort,
            @Schema(example = "asc") String order,
            List<Item> items) {}

    @Operation(
            summary = "Search the register the account may read (staff)",
            description =
                    "q: words that must each match the code (with or without hyphens, by prefix), the name, address "
                            + "or district name; district: a division-code prefix inside the account's regions; status: comma-separated "
                            + "(default all); amenities: comma-separated, all required; needsChecking: true|false; "
                            + "sort: code|name|address|district|status|updated, order: asc|desc; page from 1, size 1-"
                            + MAX_SIZE
                            + ". The register export takes the same filters.")
    @SecurityRequirement(name = "basic")
    @GetMapping("/api/v1/register/search")
    Page search(
            @RequestParam(defaultValue = "") String q,
            @RequestParam(defaultValue = "") String district,
            @RequestParam(required = false) @Nullable String status,
            @RequestParam(required = false) @Nullable String amenities,
            @RequestParam(required = false) @Nullable Boolean needsChecking,
            @RequestParam(defaultValue = "code") String sort,
            @RequestParam(defaultValue = "asc") String order,
            @RequestParam(defaultValue = "1") @Parameter(description = "1-based") int page,
            @RequestParam(required = false) @Nullable Integer size,
            @RequestParam(required = false) @Nullable String crs,
            @AuthenticationPrincipal SignedInUser user) {
        CoordinateSystem system = GeoParams.crs(crs);
        RegisterFilter filter = RegisterFilter.of(q, district, status, amenities, needsChecking, vocabulary);
        String orderBy = SORTS.get(sort);
        if (orderBy == null) throw ApiException.invalid("sort", "register.sort");
        if (!order.equals("asc") && !order.equals("desc")) throw ApiException.invalid("order", "register.order");
        if (page < 1 || page > 100_000) throw ApiException.invalid("page", "register.page");
        int pageSize = GeoParams.limit(size, DEFAULT_SIZE, MAX_SIZE);
        Instant now = clock.instant();
        RegisterFilter.Sql where = filter.toSql(user.actor(), now);

        long total = jdbc.sql("SELECT count(*) FROM station s WHERE " + where.where())
                .params(where.params())
                .query(Long.class)
                .single();
        List<Item> items = jdbc.sql("SELECT " + StationRow.COLUMNS + """
                        , (SELECT count(*) FROM station_report r WHERE r.station_id = s.id AND r.status <> 'resolved') AS open_reports
                          FROM station s WHERE """ + " " + where.where()
                        + " ORDER BY " + orderBy + " " + order + ", s.code " + order + " LIMIT :limit OFFSET :offset")
                .params(where.params())
                .param("limit", pageSize)
                .param("offset", (long) (page - 1) * pageSize)
                .query((rs, n) -> item(StationRow.map(rs, n), rs.getInt("open_reports"), system, now))
                .list();
        return new Page(total, page, pageSize, sort, order, items);
    }

    private Item item(StationRow r, int openReports, CoordinateSystem system, Instant now) {
        LatLng at = system.fromWgs84(new LatLng(r.lat(), r.lng()));
        String district = divisions.find(r.adcode()).map(d -> d.name()).orElse(r.adcode());
        return new Item(
                r.code(),
                r.name(),
                r.address(),
                r.adcode(),
                district,
                r.status(),
                at.lat(),
                at.lng(),
                r.amenities(),
                r.openingHours(),
                r.contactPerson(),
                r.contactPhone(),
                Freshness.stale(r, now),
                openReports,
                r.lastVerifiedAt(),
                r.updatedAt());
    }
}
