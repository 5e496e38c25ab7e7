package org.yizhan.locator.planning;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.yizhan.locator.support.Accounts;
import org.yizhan.locator.support.ApiIT;

/** Uploaded sets can be renamed and deleted by their union's editors (and admins), by nobody else. */
class PlanningSetsIT extends ApiIT {

    private static long upload(String editor) {
        return Accounts.as(editor)
                .multiPart(
                        "file",
                        "demand.csv",
                        "纬度,经度,权重\n39.65,106.82,2\n39.66,106.83,1\n".getBytes(StandardCharsets.UTF_8))
                .queryParam("kind", "demand")
                .queryParam("name", "试传 11月")
                .queryParam("region", "1503")
                .post("/api/v1/planning/sets")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getLong("id");
    }

    private String storedName(long id) {
        return jdbc.sql("SELECT name FROM demand_set WHERE id = :id")
                .param("id", id)
                .query(String.class)
                .single();
    }

    private long storedPoints(long id) {
        return jdbc.sql("SELECT count(*) FROM demand_point WHERE set_id = :id")
                .param("id", id)
                .query(Long.class)
                .single();
    }

    @Test
    void anEditorRenamesAndDeletesHerUnionsSetAndNobodyElseMay() {
        String editor = Accounts.create("editor", List.of("1503"));
        String elsewhere = Accounts.create("editor", List.of("4203"));
        String viewer = Accounts.create("viewer", List.of("1503"));
        long id = upload(editor);

        Accounts.as(editor)
                .contentType("application/json")
                .body(Map.of("name", "  海勃湾区外卖热点 11月 "))
                .patch("/api/v1/planning/sets/{id}", id)
                .then()
                .statusCode(200)
                .body("name", org.hamcrest.Matchers.equalTo("海勃湾区外卖热点 11月"));
        assertThat(storedName(id)).isEqualTo("海勃湾区外卖热点 11月");
        assertThat(Accounts.as(editor)
                        .get("/api/v1/planning/sets")
                        .then()
                        .extract()
                        .jsonPath()
                        .getString("find { it.id == " + id + " }.name"))
                .isEqualTo("海勃湾区外卖热点 11月");

        Accounts.as(editor)
                .contentType("application/json")
                .body(Map.of("name", " "))
                .patch("/api/v1/planning/sets/{id}", id)
                .then()
                .statusCode(400)
                .contentType("application/problem+json");
        for (String other : List.of(elsewhere, viewer)) {
            Accounts.as(other)
                    .contentType("application/json")
                    .body(Map.of("name", "别人的名字"))
                    .patch("/api/v1/planning/sets/{id}", id)
                    .then()
                    .statusCode(403)
                    .contentType("application/problem+json");
            Accounts.as(other).delete("/api/v1/planning/sets/{id}", id).then().statusCode(403);
        }
        assertThat(storedName(id)).isEqualTo("海勃湾区外卖热点 11月");
        assertThat(storedPoints(id)).isEqualTo(2);

        Accounts.as(editor).delete("/api/v1/planning/sets/{id}", id).then().statusCode(204);
        assertThat(storedPoints(id)).isZero();
        assertThat(Accounts.as(editor)
                        .get("/api/v1/planning/sets")
                        .then()
                        .extract()
                        .jsonPath()
                        .getList("id", Long.class))
                .doesNotContain(id);
        Accounts.as(editor)
                .queryParam("demand", id)
                .get("/api/v1/planning/coverage")
                .then()
                .statusCode(404)
                .contentType("application/problem+json");
        Accounts.as(editor).delete("/api/v1/planning/sets/{id}", id).then().statusCode(404);
    }
}
