import { $ } from '../dom.js';

export const PAGE_SIZE = 100;

/**
 * The register search's parameters as the toolbar shows them: text, district, status, amenity,
 * needs checking, sort and page. The same object (without paging) names the export.
 */
export function searchQuery({ district, page, crs }) {
  const [sort, order] = ($('filter-sort').value || 'code asc').split(' ');
  return {
    q: $('filter-text').value.trim(),
    district,
    status: $('filter-status').value,
    amenities: $('filter-amenity').value,
    needsChecking: $('filter-check').checked ? 'true' : null,
    sort, order, page, size: PAGE_SIZE, crs,
  };
}

/** How many filters narrow the list (the text aside), for the filters' summary. */
export function activeFilters(query) {
  return [query.district, query.status, query.amenities, query.needsChecking].filter(Boolean).length;
}

/** The number of pages of `total` stations, at least one. */
export function pageCount(total, size = PAGE_SIZE) {
  return Math.max(1, Math.ceil(total / size));
}
