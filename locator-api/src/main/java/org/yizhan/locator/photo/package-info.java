/** Station photos: upload (re-encoded, metadata stripped), storage in PostgreSQL, cacheable reads. */
@NullMarked
package org.yizhan.locator.photo;

import org.jspecify.annotations.NullMarked;
