/**
 * API keys for other people's apps and the quotas every API caller gets: a key's own per-minute
 * and per-day quota, or a smaller one per client address for anonymous callers. Counts live in
 * PostgreSQL (table {@code api_usage}), so several API instances share them; each instance adds
 * what it counted about once a second and decides between syncs from its own counts plus the
 * last shared total. Every API answer carries the IETF {@code RateLimit-Policy} and
 * {@code RateLimit} fields.
 */
@NullMarked
package org.yizhan.locator.apikey;

import org.jspecify.annotations.NullMarked;
