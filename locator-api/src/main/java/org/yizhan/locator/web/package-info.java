/** Cross-cutting HTTP concerns: problem details, request limits, language and coordinate parameters. */
@NullMarked
package org.yizhan.locator.web;

import org.jspecify.annotations.NullMarked;
