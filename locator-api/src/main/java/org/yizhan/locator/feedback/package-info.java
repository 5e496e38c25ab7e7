/**
 * Worker feedback without accounts (ratings, problem reports, check-ins), the unions' inbox and
 * satisfaction dashboard, and station freshness. Workers stay anonymous: a device is kept only as
 * a daily HMAC for the one-per-day rules, and rate-limit state lives in memory and expires.
 */
@NullMarked
package org.yizhan.locator.feedback;

import org.jspecify.annotations.NullMarked;
