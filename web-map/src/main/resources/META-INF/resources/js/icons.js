// Icons from the page's own SVG sprite (/icons.svg, built from lucide-static), never emoji:
// phones without a colour-emoji font draw those as empty boxes.
const SVG = 'http://www.w3.org/2000/svg';
const SPRITE = '/icons.svg';
// Amenity keys the sprite has a symbol for; a key added to the vocabulary later gets a plain dot.
const AMENITIES = new Set(['drinking_water', 'kettle', 'microwave', 'refrigerator', 'first_aid', 'seating',
  'phone_charging', 'ebike_charging', 'air_conditioning', 'umbrella', 'books', 'tool_cabinet', 'toilet', 'wifi',
  'summer_supplies']);

/**
 * An icon. With `label` it is an image with that text alternative; without, it is decoration
 * next to text that says the same, hidden from screen readers.
 */
export function icon(name, { label, className = '' } = {}) {
  const svg = document.createElementNS(SVG, 'svg');
  svg.setAttribute('class', `icon icon-${name} ${className}`.trim());
  svg.setAttribute('focusable', 'false');
  if (label) {
    svg.setAttribute('role', 'img');
    svg.setAttribute('aria-label', label);
    const title = document.createElementNS(SVG, 'title');
    title.textContent = label;
    svg.append(title);
  } else {
    svg.setAttribute('aria-hidden', 'true');
  }
  const use = document.createElementNS(SVG, 'use');
  use.setAttribute('href', `${SPRITE}#${name}`);
  svg.append(use);
  return svg;
}

export function amenityIcon(key, options) {
  return icon(`amenity-${AMENITIES.has(key) ? key : 'other'}`, options);
}
