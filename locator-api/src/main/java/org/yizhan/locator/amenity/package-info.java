/** The controlled amenity vocabulary, loaded from the database. */
@NullMarked
package org.yizhan.locator.amenity;

import org.jspecify.annotations.NullMarked;
