// Builds META-INF/resources/icons.svg, one <symbol> per icon, from the npm package lucide-static
// (ISC). Run after `npm pack lucide-static@<version>` and unpacking it:
//   node web-map/icons/build-sprite.mjs /path/to/package > web-map/src/main/resources/META-INF/resources/icons.svg
// The symbol ids are what the pages use (<use href="/icons.svg#amenity-microwave">); amenity ids
// are the vocabulary keys of /api/v1/amenities.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const ICONS = {
  // Amenities (vocabulary keys).
  'amenity-drinking_water': 'glass-water',
  'amenity-kettle': 'coffee',
  'amenity-microwave': 'microwave',
  'amenity-refrigerator': 'refrigerator',
  'amenity-first_aid': 'briefcase-medical',
  'amenity-seating': 'armchair',
  'amenity-phone_charging': 'smartphone-charging',
  'amenity-ebike_charging': 'bike',
  'amenity-air_conditioning': 'air-vent',
  'amenity-umbrella': 'umbrella',
  'amenity-books': 'book-open',
  'amenity-tool_cabinet': 'toolbox',
  'amenity-toilet': 'toilet',
  'amenity-wifi': 'wifi',
  'amenity-summer_supplies': 'thermometer-sun',
  // An amenity key added after this sprite was built.
  'amenity-other': 'circle-small',
  // Page furniture.
  'logo': 'house',
  'verified': 'circle-check',
  'warning': 'triangle-alert',
  'check': 'check',
  'clock': 'clock',
  'moon': 'moon',
  'filter': 'sliders-horizontal',
  'locate': 'locate-fixed',
  'back': 'arrow-left',
  'star': 'star',
  'close': 'x',
  'expand': 'chevron-down',
  'collapse': 'chevron-up',
  'offline': 'wifi-off',
  'photo': 'image',
  'printer': 'printer',
  'upload': 'upload',
  'trash': 'trash-2',
  'down': 'arrow-down',
  'route': 'route',
  'undo': 'undo-2',
};

const root = process.argv[2];
const version = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).version;
const symbols = Object.entries(ICONS).map(([id, name]) => {
  const svg = readFileSync(join(root, 'icons', `${name}.svg`), 'utf8');
  const body = svg.slice(svg.indexOf('>', svg.indexOf('<svg')) + 1, svg.lastIndexOf('</svg>'))
    .split('\n').map((l) => l.trim()).filter(Boolean).join('');
  return `<symbol id="${id}" viewBox="0 0 24 24">${body}</symbol>`;
});
process.stdout.write(`<svg xmlns="http://www.w3.org/2000/svg">
<!-- Icons from lucide-static ${version} (ISC licence, https://lucide.dev); built by web-map/icons/build-sprite.mjs.
     Stroke styles come from the page's CSS (.icon), so one symbol serves every colour. -->
${symbols.join('\n')}
</svg>
`);
