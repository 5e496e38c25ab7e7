/**
 * Importing the register from the unions' spreadsheets: a dry run that reports per row what
 * would happen and why, then an atomic commit (one bad row, nothing written) that is idempotent.
 */
@NullMarked
package org.yizhan.locator.importing;

import org.jspecify.annotations.NullMarked;
