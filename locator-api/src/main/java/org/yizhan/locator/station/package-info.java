/** The station register: one station by code, and writes (create, update, status) with code assignment. Writes go through JPA for validation and optimistic locking; reads are SQL projections. */
@NullMarked
package org.yizhan.locator.station;

import org.jspecify.annotations.NullMarked;
