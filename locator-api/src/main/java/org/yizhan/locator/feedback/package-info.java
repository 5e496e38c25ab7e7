/**
 * Worker feedback without accounts (ratings, problem reports, check-ins), the unions' inbox and
 * satisfaction dashboard, and station freshness. Workers stay anonymous: a device is kept only as
 * a daily HMAC for the one-per-day rules, a network (IPv4 /24, IPv6 /64) only as a keyed HMAC for
 * the rules a union relies on (counted from the rows), and token buckets live in memory and expire.
 */
@NullMarked
package org.yizhan.locator.feedback;

import org.jspecify.annotations.NullMarked;
