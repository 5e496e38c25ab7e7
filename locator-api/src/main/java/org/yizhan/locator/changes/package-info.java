/**
 * The change feed: every change to a station's public fields, numbered in commit order by the
 * database (migration V25), so apps keep a mirror of the register without re-downloading it.
 */
@NullMarked
package org.yizhan.locator.changes;

import org.jspecify.annotations.NullMarked;
