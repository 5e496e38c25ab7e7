/** Configuration: settings, security, OpenAPI. */
@NullMarked
package org.yizhan.locator.config;

import org.jspecify.annotations.NullMarked;
