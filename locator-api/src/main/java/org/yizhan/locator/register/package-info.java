/** Finding stations in the register for union staff: search, filters, sorting, paging, and the same filter for exports. */
@NullMarked
package org.yizhan.locator.register;

import org.jspecify.annotations.NullMarked;
