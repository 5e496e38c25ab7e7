// The base map comes from configuration. If no tile has loaded a while after the first
// failure (offline, blocked), the map keeps a plain background and the page says so.
const GIVE_UP_MS = 6000;

export function pickTiles(config, requested) {
  return config.tiles.find((s) => s.id === requested) || config.tiles.find((s) => s.id === config.defaultTiles) || config.tiles[0];
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
