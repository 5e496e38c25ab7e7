import { api } from './api.js';

// The base map comes from configuration. If no tile has loaded a while after the first
// failure (offline, blocked), the map keeps a plain background and the page says so.
const GIVE_UP_MS = 6000;
// When the configuration cannot be had: OpenStreetMap's own tiles (WGS-84).
const FALLBACK_CONFIG = { defaultTiles: 'osm', tiles: [{ id: 'osm', url: 'https://tile.openstreetmap.org/{z}/{x}/{y}.png', attribution: '&copy; OpenStreetMap contributors', crs: 'wgs84', maxZoom: 19 }] };

/** The whole country: where a map starts that has no better place. */
export const CHINA = { center: [35.0, 105.0], zoom: 4 };

export function pickTiles(config, requested) {
  return config.tiles.find((s) => s.id === requested) || config.tiles.find((s) => s.id === config.defaultTiles) || config.tiles[0];
}

/**
 * The tile source to show: `requested` (the URL's tiles=) or the configured default, from
 * /api/v1/map-config; the fallback when that fails, after telling `onUnavailable` why.
 * `onConfig` gets the whole answer (it also says whether walking distances can be had).
 */
export async function chooseTiles(requested, onUnavailable = () => {}, onConfig = () => {}) {
  let config = FALLBACK_CONFIG;
  try {
    config = await api.mapConfig();
  } catch (e) {
    onUnavailable(e);
  }
  onConfig(config);
  return pickTiles(config, requested);
}

/** The system the map's coordinates are in: that of its tiles (GCJ-02 for Amap's), else WGS-84. */
export function mapCrsOf(tiles) {
  return tiles.crs === 'gcj02' ? 'gcj02' : 'wgs84';
}

export function addBaseLayer(map, source, onAvailability) {
  const layer = L.tileLayer(source.url, {
    attribution: source.attribution,
    subdomains: source.subdomains || 'abc',
    maxZoom: source.maxZoom,
  });
  let loaded = 0;
  let offline = false;
  const report = (value) => {
    if (offline !== value) {
      offline = value;
      map.getContainer().classList.toggle('tiles-offline', value);
      onAvailability(!value);
    }
  };
  layer.on('tileload', () => {
    loaded += 1;
    report(false);
  });
  layer.on('tileerror', () => {
    if (loaded === 0) report(true);
  });
  setTimeout(() => {
    if (loaded === 0) report(true);
  }, GIVE_UP_MS);
  return layer.addTo(map);
}
