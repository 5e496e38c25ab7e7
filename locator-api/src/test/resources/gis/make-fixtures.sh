#!/bin/sh
# Regenerates GisImportIT's fixtures from wuhai-import.geojson with GDAL's ogr2ogr (Debian
# gdal-bin; GDAL 3.6.2 made the checked-in files): a zipped Shapefile with Chinese field names in
# GBK and no .cpg, and a GeoPackage, both in CGCS2000 GK zone 35 with prefix (EPSG:4523).
set -eu
cd "$(dirname "$0")"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
zh="SELECT name AS \"站点名称\", address AS \"地址\", adcode AS \"行政区划代码\", hostType AS \"建设方式\",
    hostOrganisation AS \"依托单位\", contactPerson AS \"负责人\", contactPhone AS \"联系电话\", openingHours AS \"开放时间\",
    amenities AS \"服务设施\", status AS \"状态\", floorArea AS \"面积\" FROM stations"
ogr2ogr -f "ESRI Shapefile" -lco ENCODING=GBK -s_srs EPSG:4490 -t_srs EPSG:4523 -sql "$zh" -nln 驿站 "$tmp/驿站.shp" wuhai-import.geojson
rm "$tmp/驿站.cpg"
rm -f wuhai-gk35.zip
(cd "$tmp" && zip -q "$OLDPWD/wuhai-gk35.zip" 驿站.*)
rm -f wuhai-gk35.gpkg
ogr2ogr -f GPKG -s_srs EPSG:4490 -t_srs EPSG:4523 -nln stations wuhai-gk35.gpkg wuhai-import.geojson
