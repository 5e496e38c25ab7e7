/**
 * Who may call what: the Spring Security filter chain (sessions, CSRF, HTTP Basic, method
 * security), CORS and the framing headers. It wires filters from {@code account} and problem
 * writers from {@code web}; nothing depends on it, so it sits on top of both.
 */
@NullMarked
package org.yizhan.locator.security;

import org.jspecify.annotations.NullMarked;
