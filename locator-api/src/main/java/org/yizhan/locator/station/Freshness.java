package org.yizhan.locator.station;

import java.time.Duration;
import java.time.Instant;

/**
 * When a station's listing can no longer be trusted. A station is stale when no union has
 * confirmed it for {@link #UNVERIFIED_AFTER} (counted from its creation if never verified), or
 * when three or more unresolved "closed when it should be open" reports arrived within
 * {@link #CLOSED_REPORT_WINDOW} since it was last verified. Computed from the row and "now" only,
 * so nearest results served from memory carry it at no extra cost.
 */
public final class Freshness {

    public static final Duration UNVERIFIED_AFTER = Duration.ofDays(180);
    public static final Duration CLOSED_REPORT_WINDOW = Duration.ofDays(7);
    public static final int CLOSED_REPORTS_FOR_STALE = 3;

    private Freshness() {}

    public static boolean stale(StationRow row, Instant now) {
        Instant verified = row.lastVerifiedAt() != null ? row.lastVerifiedAt() : row.createdAt();
        if (verified.isBefore(now.minus(UNVERIFIED_AFTER))) return true;
        Instant alarm = row.closedAlarmAt();
        return alarm != null && alarm.isAfter(now.minus(CLOSED_REPORT_WINDOW));
    }
}
