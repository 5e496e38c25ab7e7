/** The register out of the system: exports for unions, the public open-data dump, printable plaques. */
@NullMarked
package org.yizhan.locator.exporting;

import org.jspecify.annotations.NullMarked;
