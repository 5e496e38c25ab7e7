package org.yizhan.locator.map;

import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.yizhan.geo.LatLng;
import org.yizhan.locator.support.TestStations;

/**
 * The browser tests' own stations around Xilinhot (锡林浩特市, 152502), far from every other
 * test's data. Each test class has a square of its own inside that area, a few kilometres from
 * the others, and clears what earlier tests left first, so reruns start from the same state.
 */
final class XilinhotStations {

    static final String XILINHOT = "152502";

    private XilinhotStations() {}

    /**
     * Removes the stations earlier browser tests inserted (Xilinhot codes from the TestStations
     * sequence range), so that a rerun on the same database neither meets old stations nor
     * collides with their codes. Only these tests use that division and range.
     */
    static void clearPrevious(JdbcClient jdbc) {
        // TestStations writes every station with host '测试工会'; the register's own stations are never touched.
        jdbc.sql("DELETE FROM station WHERE adcode = :adcode AND host_organisation = '测试工会'")
                .param("adcode", XILINHOT)
                .update();
    }

    static TestStations.Spec openAllHours(LatLng at, String name, List<String> amenities) {
        return new TestStations.Spec(at, XILINHOT, "active", "24/7", true, amenities, name);
    }

    /** Open for half an hour starting two hours from now (Asia/Shanghai), so closed while the test runs. */
    static TestStations.Spec closedNow(LatLng at, String name, List<String> amenities) {
        int from = (ZonedDateTime.now(ZoneId.of("Asia/Shanghai")).getHour() + 2) % 24;
        String hours = String.format("Mo-Su %02d:00-%02d:30", from, from);
        return new TestStations.Spec(at, XILINHOT, "active", hours, false, amenities, name);
    }

    /** A point the given metres north and east of the origin (small distances only). */
    static LatLng offset(LatLng origin, double northMeters, double eastMeters) {
        double dLat = northMeters / 111_320.0;
        double dLng = eastMeters / (111_320.0 * Math.cos(Math.toRadians(origin.lat())));
        return new LatLng(origin.lat() + dLat, origin.lng() + dLng);
    }
}
