#!/bin/sh
# Regenerates the GIS fixtures from wuhai-stations.geojson with GDAL's ogr2ogr (Debian package
# gdal-bin; GDAL 3.6.2 made the checked-in files). GDAL/PROJ do the forward projections, so the
# tests check our readers and proj4j's inverse against an independent implementation.
set -eu
cd "$(dirname "$0")"
src=wuhai-stations.geojson
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
zh="SELECT code AS \"站点编码\", name AS \"站点名称\", address AS \"地址\", adcode AS \"行政区划代码\", hostType AS \"建设方式\",
    hostOrganisation AS \"依托单位\", contactPerson AS \"负责人\", contactPhone AS \"联系电话\", openingHours AS \"开放时间\",
    amenities AS \"服务设施\", status AS \"状态\", floorArea AS \"面积\" FROM stations"

# A: Chinese field names in GBK without a .cpg, CGCS2000 GK zone 35 with prefix (EPSG:4523).
mkdir "$tmp/a"
ogr2ogr -f "ESRI Shapefile" -lco ENCODING=GBK -s_srs EPSG:4490 -t_srs EPSG:4523 -sql "$zh" -nln 乌海驿站 "$tmp/a/乌海驿站.shp" "$src"
rm "$tmp/a/乌海驿站.cpg"
(cd "$tmp/a" && zip -q ../a.zip 乌海驿站.*)
cp "$tmp/a.zip" wuhai-gk35-gbk.zip

# B: English keys (cut to 10 characters) in UTF-8 with a .cpg, CM 105E without prefix (EPSG:4544), in a folder.
mkdir -p "$tmp/b/layers"
ogr2ogr -f "ESRI Shapefile" -lco ENCODING=UTF-8 -s_srs EPSG:4490 -t_srs EPSG:4544 -nln stations "$tmp/b/layers/stations.shp" "$src"
(cd "$tmp/b" && zip -q -r ../b.zip layers)
cp "$tmp/b.zip" wuhai-cm105-utf8.zip

# C: CGCS2000 geographic (EPSG:4490), Chinese names, .cpg saying 936.
mkdir "$tmp/c"
ogr2ogr -f "ESRI Shapefile" -lco ENCODING=CP936 -s_srs EPSG:4490 -t_srs EPSG:4490 -sql "$zh" -nln stations "$tmp/c/stations.shp" "$src"
printf '936' > "$tmp/c/stations.cpg"
(cd "$tmp/c" && zip -q ../c.zip stations.*)
cp "$tmp/c.zip" wuhai-cgcs2000.zip

# D: a GeoPackage written by GDAL (not by the NGA library the export uses), GK zone 35 with prefix.
rm -f wuhai-gk35.gpkg
ogr2ogr -f GPKG -s_srs EPSG:4490 -t_srs EPSG:4523 -nln stations wuhai-gk35.gpkg "$src"
