/** Configuration every feature may read: settings, the clock, scheduling, OpenAPI. It imports no feature. */
@NullMarked
package org.yizhan.locator.config;

import org.jspecify.annotations.NullMarked;
