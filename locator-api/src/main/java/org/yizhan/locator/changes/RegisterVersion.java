package org.yizhan.locator.changes;

import java.time.Instant;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The register's version: the position of the last committed change and when it was made.
 * Every change to a public field moves it, so it validates anything built from public fields
 * (the open-data files) without building them.
 */
@Component
public class RegisterVersion {

    /** @param position the last change's position in the feed; 0 before any change */
    public record Version(long position, Instant changedAt) {}

    private final JdbcClient jdbc;

    RegisterVersion(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Version current() {
        return jdbc.sql("SELECT position, changed_at FROM station_feed_clock")
                .query((rs, n) -> new Version(rs.getLong(1), rs.getTimestamp(2).toInstant()))
                .single();
    }
}
