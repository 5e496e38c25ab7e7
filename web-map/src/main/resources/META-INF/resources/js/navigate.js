import { t } from './i18n.js';

// Each app gets the station in its own datum: GCJ-02 for Amap and Tencent, BD-09 for Baidu,
// WGS-84 for the rest. The coordinates come from the API (?crs=), not from a JS port.
const fixed = (n) => Number(n).toFixed(6);

export function directionLinks(name, { wgs84, gcj02, bd09 }) {
  const n = encodeURIComponent(name);
  const links = [];
  if (gcj02) {
    links.push({ id: 'amap', href: `https://uri.amap.com/navigation?to=${fixed(gcj02.lng)},${fixed(gcj02.lat)},${n}&mode=ride&coordinate=gaode&callnative=1&src=yizhan` });
  }
  if (bd09) {
    links.push({ id: 'baidu', href: `https://api.map.baidu.com/marker?location=${fixed(bd09.lat)},${fixed(bd09.lng)}&title=${n}&content=${n}&coord_type=bd09ll&output=html&src=webapp.yizhan.map` });
  }
  if (gcj02) {
    links.push({ id: 'tencent', href: `https://apis.map.qq.com/uri/v1/routeplan?type=bike&to=${n}&tocoord=${fixed(gcj02.lat)},${fixed(gcj02.lng)}&referer=yizhan` });
  }
  if (wgs84) {
    const ll = `${fixed(wgs84.lat)},${fixed(wgs84.lng)}`;
    links.push({ id: 'apple', href: `https://maps.apple.com/?daddr=${ll}&q=${n}&dirflg=w` });
    links.push({ id: 'osm', href: `https://www.openstreetmap.org/directions?engine=fossgis_osrm_bike&route=%3B${encodeURIComponent(ll)}` });
    links.push({ id: 'google', href: `https://www.google.com/maps/dir/?api=1&destination=${encodeURIComponent(ll)}&travelmode=bicycling` });
  }
  return links.map((link) => ({ ...link, label: t(`nav.${link.id}`), ariaLabel: t('nav.label', { app: t(`nav.${link.id}`), name }) }));
}
