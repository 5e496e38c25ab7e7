/** Administrative divisions (GB/T 2260) as the workspace needs them: names of a region and its county-level areas. */
@NullMarked
package org.yizhan.locator.division;

import org.jspecify.annotations.NullMarked;
