/**
 * The union register as files: import from {@code .xlsx}, {@code .csv} (UTF-8 or GBK) and GeoJSON
 * with per-row problems, export to CSV, XLSX, GeoJSON and KML, and the blank template. Everything
 * streams: neither direction holds more than a row (plus an XLSX file's shared strings) in memory.
 */
@org.jspecify.annotations.NullMarked
package org.yizhan.geo.exchange;
