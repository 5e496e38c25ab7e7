/**
 * Union accounts: admins, region-scoped editors and viewers; sign-in, throttling, and the
 * {@link org.yizhan.locator.account.Actor} that every write carries.
 */
@NullMarked
package org.yizhan.locator.account;

import org.jspecify.annotations.NullMarked;
