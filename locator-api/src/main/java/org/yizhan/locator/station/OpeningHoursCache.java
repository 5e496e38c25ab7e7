package org.yizhan.locator.station;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;
import java.time.Instant;
import java.time.ZoneId;
import org.springframework.stereotype.Component;
import org.yizhan.geo.hours.OpenState;
import org.yizhan.geo.hours.OpeningHours;
import org.yizhan.locator.config.YizhanProperties;

/**
 * Parsed opening hours by their text. A register repeats a few dozen distinct values across
 * thousands of stations, so parsing once per value keeps "open now" cheap on the hot path.
 */
@Component
public class OpeningHoursCache {

    private final LoadingCache<String, OpeningHours> parsed =
            Caffeine.newBuilder().maximumSize(10_000).build(OpeningHours::parse);
    /** Opening hours change on whole minutes, so one evaluation per value and minute serves every request. */
    private final LoadingCache<Minute, OpenState> states = Caffeine.newBuilder()
            .maximumSize(50_000)
            .expireAfterWrite(java.time.Duration.ofMinutes(2))
            .build(m -> parsed.get(m.hours())
                    .stateAt(Instant.ofEpochSecond(m.epochMinute() * 60)
                            .atZone(zone())
                            .toLocalDateTime()));

    private record Minute(String hours, long epochMinute) {}

    private final ZoneId zone;

    OpeningHoursCache(YizhanProperties properties) {
        this.zone = properties.timeZone();
    }

    public ZoneId zone() {
        return zone;
    }

    /** State at an instant, in the stations' zone. Values in the register were validated on write. */
    public OpenState stateAt(String openingHours, Instant at) {
        return states.get(new Minute(openingHours, Math.floorDiv(at.getEpochSecond(), 60)));
    }
}
