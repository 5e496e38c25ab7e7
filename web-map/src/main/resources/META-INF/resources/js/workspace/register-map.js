import { $, h, clear } from '../dom.js';
import { t } from '../i18n.js';
import { CHINA, addBaseLayer } from '../tiles.js';

const MARKER_CLASS = { active: 'is-open', suspended: 'is-suspended' };

/**
 * The register's map: base tiles, the stations as clustered markers, and the pin of the
 * station being edited. Starts at `start` (a point and zoom from the URL) or over China.
 */
export function createRegisterMap({ tiles, start }) {
  const map = L.map('map', { center: start ? [start.lat, start.lng] : CHINA.center, zoom: start?.zoom ?? (start ? 16 : CHINA.zoom) });
  map.attributionControl.setPrefix('<a href="https://leafletjs.com">Leaflet</a>');
  addBaseLayer(map, tiles, (available) => {
    clear($('map-notices'));
    if (!available) $('map-notices').append(h('p', { class: 'notice notice-tiles' }, t('tiles.offline')));
  });
  const cluster = L.markerClusterGroup({ showCoverageOnHover: false, maxClusterRadius: 40, disableClusteringAtZoom: 15 });
  map.addLayer(cluster);

  /** One marker per station ({code, name, status, lat, lng}); a click calls onClick(station, latlng). */
  function showStations(items, onClick) {
    cluster.clearLayers();
    cluster.addLayers(items.map((p) => {
      const marker = L.marker([p.lat, p.lng], {
        icon: L.divIcon({ className: `station-marker ${MARKER_CLASS[p.status] || 'is-closed-down'}`, iconSize: [24, 24], iconAnchor: [12, 12] }),
        title: `${p.name} · ${p.code}`, alt: p.name, keyboard: true,
      });
      marker.on('click', (e) => onClick(p, e.latlng));
      return marker;
    }));
  }

  /** Shows every station of the list (nothing changes for an empty list). */
  function fitItems(items) {
    if (!items.length) return;
    const bounds = L.latLngBounds(items.map((p) => [p.lat, p.lng]));
    map.fitBounds(bounds.pad(0.1), { maxZoom: 15, animate: false });
  }

  /** Shows the regions' extents. */
  function fitRegions(regions) {
    const boxes = regions.filter((r) => r.extent).map((r) => r.extent);
    if (!boxes.length) return;
    const bounds = L.latLngBounds(boxes.flatMap(([w, s, e, n]) => [[s, w], [n, e]]));
    map.fitBounds(bounds.pad(0.05), { maxZoom: 15 });
  }

  return { map, showStations, fitItems, fitRegions, pin: editPin(map) };
}

/** The pin of the station being edited; `onDragged(latlng)` gets where it was dragged to. */
function editPin(map) {
  let marker = null;
  let onDragged = () => {};
  return {
    place(point, { draggable }) {
      if (!marker) {
        marker = L.marker([point.lat, point.lng], {
          icon: L.divIcon({ className: 'edit-marker', iconSize: [30, 30], iconAnchor: [15, 15] }),
          draggable, zIndexOffset: 2000, keyboard: false, title: t('field.location'), alt: t('field.location'),
        }).addTo(map);
        marker.on('dragend', () => onDragged(marker.getLatLng()));
      } else {
        marker.setLatLng([point.lat, point.lng]);
      }
      if (draggable) marker.dragging?.enable();
      else marker.dragging?.disable();
      if (!map.getBounds().pad(-0.1).contains([point.lat, point.lng])) map.panTo([point.lat, point.lng]);
    },
    clear() {
      marker?.remove();
      marker = null;
    },
    onDrag(callback) {
      onDragged = callback;
    },
  };
}
