package org.yizhan.locator.account;

import io.restassured.response.Response;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Who may do what: every operation of the OpenAPI document, one line each, with the expected
 * outcome for each role in and out of its region. {@link AuthorisationMatrixIT} fails when an
 * operation of {@code /v3/api-docs} has no line here, and runs every line.
 *
 * <p>Outcomes, in the order "anonymous | viewer in, out | editor in, out | admin":
 * <ul>
 *   <li>{@code ok}: 2xx;
 *   <li>{@code full}: 2xx, and the answer shows the non-public marker of the region's fixture
 *       (a responsible person, report text, set name);
 *   <li>{@code filtered}: 2xx, and the answer does not show that marker (public fields only, or
 *       the account's own regions only);
 *   <li>a status code ({@code 401}, {@code 403}, {@code 404}, {@code 422}): that status as a problem
 *       detail; for a write, nothing in the database changed.
 * </ul>
 * "In region" runs the request against fixtures in Haibowan, Wuhai (the viewer's and editor's
 * region 1503); "out of region" against fixtures in Zhangwan, Shiyan (4203). Admins run both.
 * A new endpoint needs one line: its operation, its outcomes, and how to call it from a {@link MatrixCase}.
 */
final class AuthorisationMatrix {

    private AuthorisationMatrix() {}

    record Row(String operation, String outcomes, Function<MatrixCase, Response> request) {}

    private static Row row(String operation, String outcomes, Function<MatrixCase, Response> request) {
        return new Row(operation.replaceAll("\\s+", " ").trim(), outcomes, request);
    }

    static final List<Row> ROWS = List.of(
            //  operation                                         anon       viewer in/out       editor in/out
            // admin      request
            // Public reads: the same for everyone; the responsible person only for accounts of the station's region.
            row(
                    "GET  /api/v1/stations/nearest",
                    "ok       | ok ok             | ok ok             | ok",
                    c -> c.as().get("/api/v1/stations/nearest?lat={lat}&lng={lng}", c.lat(), c.lng())),
            row(
                    "GET  /api/v1/stations/{code}",
                    "filtered | full filtered     | full filtered     | full",
                    c -> c.as().get("/api/v1/stations/{code}", c.station())),
            row(
                    "GET  /api/v1/stations",
                    "filtered | filtered filtered | filtered filtered | filtered",
                    c -> c.having(c.station()).get("/api/v1/stations?bbox={b}", c.bbox())),
            row(
                    "GET  /api/v1/stations/clusters",
                    "ok       | ok ok             | ok ok             | ok",
                    c -> c.as().get("/api/v1/stations/clusters?bbox={b}", c.bbox())),
            row(
                    "GET  /api/v1/stations/duplicates",
                    "filtered | filtered filtered | filtered filtered | filtered",
                    c -> c.having(c.station())
                            .get("/api/v1/stations/duplicates?lat={lat}&lng={lng}&name=x", c.lat(), c.lng())),
            row(
                    "GET  /api/v1/stations/{code}/feedback",
                    "ok       | ok ok             | ok ok             | ok",
                    c -> c.as().get("/api/v1/stations/{code}/feedback", c.station())),
            row(
                    "GET  /api/v1/amenities",
                    "ok       | ok ok             | ok ok             | ok",
                    c -> c.as().get("/api/v1/amenities")),
            row(
                    "GET  /api/v1/regions/{prefix}",
                    "ok       | ok ok             | ok ok             | ok",
                    c -> c.as().get("/api/v1/regions/{p}", c.region())),
            row(
                    "GET  /api/v1/opening-hours",
                    "ok       | ok ok             | ok ok             | ok",
                    c -> c.as().get("/api/v1/opening-hours?text=周一至周六 7:30-19:30")),
            row(
                    "GET  /api/v1/regions",
                    "ok       | ok ok             | ok ok             | ok",
                    c -> c.as().get("/api/v1/regions")),
            row(
                    "GET  /api/v1/divisions/at",
                    "ok       | ok ok             | ok ok             | ok",
                    c -> c.as().get("/api/v1/divisions/at?lat={lat}&lng={lng}", c.lat(), c.lng())),
            row(
                    "GET  /api/v1/map-config",
                    "ok       | ok ok             | ok ok             | ok",
                    c -> c.as().get("/api/v1/map-config")),
            row(
                    "GET  /api/v1/open-data/stations.{extension}",
                    "filtered | filtered filtered | filtered filtered | filtered",
                    c -> c.having(c.station()).get("/api/v1/open-data/stations.csv")),
            row(
                    "GET  /api/v1/register/template.xlsx",
                    "ok       | ok ok             | ok ok             | ok",
                    c -> c.as().get("/api/v1/register/template.xlsx")),
            row(
                    "GET  /api/v1/changes",
                    "filtered | filtered filtered | filtered filtered | filtered",
                    c -> c.having(c.station()).get("/api/v1/changes?limit=1000")),
            // OGC API - Features and Tiles: public reads for GIS clients, public fields only.
            row("GET  /ogcapi", "ok       | ok ok             | ok ok             | ok", c -> c.as().get("/ogcapi")),
            row("GET  /ogcapi/", "ok       | ok ok             | ok ok             | ok", c -> c.as().get("/ogcapi/")),
            row(
                    "GET  /ogcapi/api",
                    "ok       | ok ok             | ok ok             | ok",
                    c -> c.as().get("/ogcapi/api")),
            row(
                    "GET  /ogcapi/conformance",
                    "ok       | ok ok             | ok ok             | ok",
                    c -> c.as().get("/ogcapi/conformance")),
            row(
                    "GET  /ogcapi/collections",
                    "ok       | ok ok             | ok ok             | ok",
                    c -> c.as().get("/ogcapi/collections")),
            row(
                    "GET  /ogcapi/collections/{collectionId}",
                    "ok       | ok ok             | ok ok             | ok",
                    c -> c.as().get("/ogcapi/collections/stations")),
            row(
                    "GET  /ogcapi/collections/{collectionId}/queryables",
                    "ok  | ok ok             | ok ok             | ok",
                    c -> c.as().get("/ogcapi/collections/stations/queryables")),
            row(
                    "GET  /ogcapi/collections/{collectionId}/items",
                    "filtered | filtered filtered | filtered filtered | filtered",
                    c -> c.having(c.station()).get("/ogcapi/collections/stations/items?bbox={b}", c.bbox())),
            row(
                    "GET  /ogcapi/collections/{collectionId}/items/{featureId}",
                    "filtered | filtered filtered | filtered filtered | filtered",
                    c -> c.as().get("/ogcapi/collections/stations/items/{code}", c.station())),
            row(
                    "GET  /ogcapi/collections/{collectionId}/tiles",
                    "ok       | ok ok             | ok ok             | ok",
                    c -> c.as().get("/ogcapi/collections/stations/tiles")),
            row(
                    "GET  /ogcapi/collections/{collectionId}/tiles/WebMercatorQuad",
                    "ok | ok ok       | ok ok             | ok",
                    c -> c.as().get("/ogcapi/collections/stations/tiles/WebMercatorQuad")),
            row(
                    "GET  /ogcapi/collections/{collectionId}/tiles/WebMercatorQuad/{tileMatrix}/{tileRow}/{tileCol}",
                    "ok | ok ok | ok ok | ok",
                    c -> c.as().get("/ogcapi/collections/stations/tiles/WebMercatorQuad/0/0/0")),
            // Worker feedback: anonymous by design, each post with a token fetched from its network.
            row(
                    "GET  /api/v1/feedback-token",
                    "ok       | ok ok             | ok ok             | ok",
                    c -> c.as().get("/api/v1/feedback-token")),
            row(
                    "POST /api/v1/stations/{code}/ratings",
                    "ok       | ok ok             | ok ok             | ok",
                    c -> c.worker().body(Map.of("stars", 4)).post("/api/v1/stations/{code}/ratings", c.station())),
            row(
                    "POST /api/v1/stations/{code}/reports",
                    "ok       | ok ok             | ok ok             | ok",
                    c -> c.worker()
                            .body(Map.of("reason", "cannot_find"))
                            .post("/api/v1/stations/{code}/reports", c.station())),
            row(
                    "POST /api/v1/stations/{code}/checkins",
                    "ok       | ok ok             | ok ok             | ok",
                    c -> c.worker().post("/api/v1/stations/{code}/checkins", c.station())),
            // Station photos: anyone sees them; editors add and remove them in their regions.
            row(
                    "GET  /api/v1/stations/{code}/photos",
                    "ok       | ok ok             | ok ok             | ok",
                    c -> c.as().get("/api/v1/stations/{code}/photos", c.station())),
            row(
                    "GET  /api/v1/stations/{code}/photos/{id}",
                    "ok       | ok ok             | ok ok             | ok",
                    c -> c.as().get("/api/v1/stations/{code}/photos/{id}", c.station(), c.photo())),
            row(
                    "GET  /api/v1/stations/{code}/photos/{id}/thumbnail",
                    "ok  | ok ok             | ok ok             | ok",
                    c -> c.as().get("/api/v1/stations/{code}/photos/{id}/thumbnail", c.station(), c.photo())),
            row(
                    "POST /api/v1/stations/{code}/photos",
                    "401      | 403 403           | ok 403            | ok",
                    c -> c.as().multiPart("file", "photo.png", MatrixCase.picture(), "image/png")
                            .post("/api/v1/stations/{code}/photos", c.station())),
            row(
                    "DELETE /api/v1/stations/{code}/photos/{id}",
                    "401      | 403 403           | ok 403            | ok",
                    c -> c.as().delete("/api/v1/stations/{code}/photos/{id}", c.station(), c.photo())),
            // Accounts.
            row(
                    "GET  /api/v1/session",
                    "ok       | ok ok             | ok ok             | ok",
                    c -> c.as().get("/api/v1/session")),
            row(
                    "GET  /api/v1/me",
                    "401      | ok ok             | ok ok             | ok",
                    c -> c.as().get("/api/v1/me")),
            row(
                    "GET  /api/v1/accounts",
                    "401      | 403 403           | 403 403           | ok",
                    c -> c.as().get("/api/v1/accounts")),
            row(
                    "POST /api/v1/accounts",
                    "401      | 403 403           | 403 403           | ok",
                    c -> c.json().body(c.newAccount()).post("/api/v1/accounts")),
            row(
                    "PUT  /api/v1/accounts/{username}",
                    "401      | 403 403           | 403 403           | ok",
                    c -> c.json().body(c.accountChange()).put("/api/v1/accounts/{u}", c.account())),
            // API keys of other people's apps: administrators only.
            row(
                    "GET  /api/v1/api-keys",
                    "401      | 403 403           | 403 403           | ok",
                    c -> c.as().get("/api/v1/api-keys")),
            row(
                    "POST /api/v1/api-keys",
                    "401      | 403 403           | 403 403           | ok",
                    c -> c.json().body(c.apiKeyForm()).post("/api/v1/api-keys")),
            row(
                    "POST /api/v1/api-keys/{id}/revoke",
                    "401      | 403 403           | 403 403           | ok",
                    c -> c.as().post("/api/v1/api-keys/{id}/revoke", c.apiKey())),
            // Along-route search: a public read, sent as POST because a route is too long for a URL;
            // with its detour order and limit (by=walk|ride needs a road graph this context has not).
            row(
                    "POST /api/v1/stations/along-route",
                    "ok       | ok ok             | ok ok             | ok",
                    c -> c.json().body(c.route()).post("/api/v1/stations/along-route?order=detour&maxDetour=2000")),
            // The register: editors inside their regions; personal data only to accounts of the region.
            row(
                    "POST /api/v1/stations",
                    "401      | 403 403           | ok 403            | ok",
                    c -> c.json().body(c.stationForm()).post("/api/v1/stations")),
            row(
                    "PUT  /api/v1/stations/{code}",
                    "401      | 403 403           | ok 403            | ok",
                    c -> c.json().body(c.stationUpdate()).put("/api/v1/stations/{code}", c.station())),
            row(
                    "POST /api/v1/stations/{code}/status",
                    "401      | 403 403           | ok 403            | ok",
                    c -> c.json()
                            .body(Map.of("status", "suspended", "reason", "装修", "version", 0))
                            .post("/api/v1/stations/{code}/status", c.station())),
            row(
                    "POST /api/v1/stations/bulk-status",
                    "401      | 403 403           | ok 403            | ok",
                    c -> c.json()
                            .body(Map.of("codes", List.of(c.station()), "status", "closed", "reason", "误建"))
                            .post("/api/v1/stations/bulk-status")),
            row(
                    "GET  /api/v1/stations/{code}/history",
                    "401      | full 403          | full 403          | full",
                    c -> c.as().get("/api/v1/stations/{code}/history", c.station())),
            row(
                    "POST /api/v1/stations/{code}/verify",
                    "401      | 403 403           | ok 403            | ok",
                    c -> c.as().post("/api/v1/stations/{code}/verify", c.station())),
            row(
                    "POST /api/v1/register/imports",
                    "401      | 403 403           | ok 422            | ok",
                    c -> c.as().multiPart("file", "register.csv", c.registerCsv())
                            .post("/api/v1/register/imports?dryRun=false")),
            row(
                    "GET  /api/v1/register/search",
                    "401      | full filtered     | full filtered     | full",
                    c -> c.having(c.station()).get("/api/v1/register/search?q={code}", c.station())),
            row(
                    "GET  /api/v1/register/export",
                    "401      | full filtered     | full filtered     | full",
                    c -> c.having(c.station()).get("/api/v1/register/export?format=csv")),
            row(
                    "GET  /api/v1/plaques",
                    "401      | ok ok             | ok ok             | ok",
                    c -> c.as().get("/api/v1/plaques?codes={code}", c.station())),
            row(
                    "GET  /api/v1/plaques/preview",
                    "401      | ok ok             | ok ok             | ok",
                    c -> c.as().get("/api/v1/plaques/preview?codes={code}", c.station())),
            // Union side of feedback: the account's regions.
            row(
                    "GET  /api/v1/feedback/inbox",
                    "401      | full filtered     | full filtered     | full",
                    c -> c.having(c.report()).get("/api/v1/feedback/inbox?status=open&limit=500")),
            row(
                    "POST /api/v1/feedback/reports/{id}/acknowledge",
                    "401      | 404 404           | ok 404            | ok",
                    c -> c.as().post("/api/v1/feedback/reports/{id}/acknowledge", c.report())),
            row(
                    "POST /api/v1/feedback/reports/{id}/resolve",
                    "401      | 404 404           | ok 404            | ok",
                    c -> c.json()
                            .body(Map.of("note", "已处理"))
                            .post("/api/v1/feedback/reports/{id}/resolve", c.report())),
            row(
                    "POST /api/v1/feedback/reports/{id}/reopen",
                    "401      | 404 404           | ok 404            | ok",
                    c -> c.as().post("/api/v1/feedback/reports/{id}/reopen", c.resolvedReport())),
            row(
                    "POST /api/v1/feedback/reports/bulk",
                    "401      | 404 404           | ok 404            | ok",
                    c -> c.json()
                            .body(Map.of("ids", List.of(c.report()), "action", "acknowledge"))
                            .post("/api/v1/feedback/reports/bulk")),
            row(
                    "GET  /api/v1/feedback/dashboard",
                    "401      | ok 403            | ok 403            | ok",
                    c -> c.as().get("/api/v1/feedback/dashboard?region={r}", c.region())),
            row(
                    "GET  /api/v1/feedback/export",
                    "401      | full filtered     | full filtered     | full",
                    c -> c.having(c.report()).get("/api/v1/feedback/export?format=csv")),
            // Planning: sets belong to their union's regions; viewers read, editors and admins add.
            row(
                    "POST /api/v1/planning/sets",
                    "401      | 403 403           | ok 403            | ok",
                    c -> c.as().multiPart("file", "demand.csv", c.pointsCsv())
                            .post("/api/v1/planning/sets?kind=demand&region={r}", c.region())),
            row(
                    "GET  /api/v1/planning/sets",
                    "401      | full filtered     | full filtered     | full",
                    c -> c.having(c.demandSet()).get("/api/v1/planning/sets")),
            row(
                    "PATCH /api/v1/planning/sets/{id}",
                    "401      | 403 403           | ok 403            | ok",
                    c -> c.json()
                            .body(java.util.Map.of("name", "改名 " + c.marker))
                            .patch("/api/v1/planning/sets/{id}", c.demandSet())),
            row(
                    "DELETE /api/v1/planning/sets/{id}",
                    "401      | 403 403           | ok 403            | ok",
                    c -> c.as().delete("/api/v1/planning/sets/{id}", c.demandSet())),
            row(
                    "GET  /api/v1/planning/query-demand",
                    "401      | ok ok             | ok ok             | ok",
                    c -> c.as().get("/api/v1/planning/query-demand")),
            row(
                    "GET  /api/v1/planning/coverage",
                    "401      | ok 403            | ok 403            | ok",
                    c -> c.as().get("/api/v1/planning/coverage?demand={d}", c.demandSet())),
            row(
                    "GET  /api/v1/planning/catchments",
                    "401      | ok ok             | ok ok             | ok",
                    c -> c.as().get("/api/v1/planning/catchments?codes={code}", c.station())),
            row(
                    "GET  /api/v1/planning/gaps",
                    "401      | ok 403            | ok 403            | ok",
                    c -> c.as().get("/api/v1/planning/gaps?demand={d}", c.demandSet())),
            row(
                    "GET  /api/v1/planning/suggestions",
                    "401      | ok 403            | ok 403            | ok",
                    c -> c.as().get(
                                    "/api/v1/planning/suggestions?demand={d}&candidates={s}&k=1",
                                    c.demandSet(),
                                    c.candidateSet())),
            row(
                    "GET  /api/v1/planning/full-cover",
                    "401      | ok 403            | ok 403            | ok",
                    c -> c.as().get(
                                    "/api/v1/planning/full-cover?demand={d}&candidates={s}",
                                    c.demandSet(),
                                    c.candidateSet())),
            row(
                    "GET  /api/v1/planning/redundancy",
                    "401      | ok 403            | ok 403            | ok",
                    c -> c.as().get("/api/v1/planning/redundancy?demand={d}", c.demandSet())));
}
