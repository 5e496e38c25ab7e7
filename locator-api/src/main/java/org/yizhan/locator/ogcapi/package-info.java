/**
 * OGC API – Features (Part 1 Core, GeoJSON, HTML, OpenAPI 3.0; Part 2 CRS) and OGC API – Tiles
 * vector tiles over the station register, mounted at {@code /ogcapi} for GIS clients (QGIS,
 * ArcGIS, MapLibre). Public fields only; the same reads as the rest of the public API.
 */
@NullMarked
package org.yizhan.locator.ogcapi;

import org.jspecify.annotations.NullMarked;
