/** Station codes: county division code, sequence and ISO 7064 MOD 11-2 check character. */
@NullMarked
package org.yizhan.geo.code;

import org.jspecify.annotations.NullMarked;
