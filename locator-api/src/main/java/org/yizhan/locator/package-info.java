/** The Yizhan locator service, packaged by feature. */
@NullMarked
package org.yizhan.locator;

import org.jspecify.annotations.NullMarked;
