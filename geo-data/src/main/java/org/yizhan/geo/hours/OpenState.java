package org.yizhan.geo.hours;

import java.time.LocalDateTime;
import org.jspecify.annotations.Nullable;

/**
 * Whether a station is open at a local wall-clock time, and when that next changes.
 *
 * @param open       open at the queried minute
 * @param nextChange the first local time after the query at which {@code open} flips (closing time if open,
 *                   opening time if closed); null if it does not flip within the next 8 days
 */
public record OpenState(boolean open, @Nullable LocalDateTime nextChange) {}
