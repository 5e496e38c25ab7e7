/** The courier's map: the routes that serve the static page and the tile configuration it reads. */
@NullMarked
package org.yizhan.locator.map;

import org.jspecify.annotations.NullMarked;
