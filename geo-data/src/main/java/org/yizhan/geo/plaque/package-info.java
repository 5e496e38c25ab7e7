/**
 * Printable plaques for the street-facing wall of a station: union, station name, the code in large
 * type, amenities and a QR code to the station's public page, as an A4 PDF with an embedded CJK font.
 */
@org.jspecify.annotations.NullMarked
package org.yizhan.geo.plaque;
