/** Loads the demo register on first start. */
@NullMarked
package org.yizhan.locator.demo;

import org.jspecify.annotations.NullMarked;
