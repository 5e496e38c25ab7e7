#!/usr/bin/env node
// Development-time step 1 of 2 for the division boundaries (step 2: BoundariesGenerator.java).
// Reads the per-province GeoJSON maps of echarts 4 (map/json/province/*.json: a province's cities,
// or a municipality's districts), decodes echarts' compressed coordinates ("UTF8Encoding": true),
// resolves the code of features that lack an id by name (against divisions.tsv), and prints one
// line per division: code, name, WKT (source coordinates, GCJ-02 degrees). Usage, from geo-data/:
//   (cd /tmp && npm pack echarts@4.9.0 && mkdir ec4 && tar xzf echarts-4.9.0.tgz -C ec4)
//   node tools/boundaries-extract.js /tmp/ec4/package/map/json/province \
//     src/main/resources/org/yizhan/geo/division/divisions.tsv > /tmp/divisions-gcj.tsv
'use strict'
const fs = require('fs')
const path = require('path')
const [dir, divisionsTsv] = process.argv.slice(2)
if (!dir || !divisionsTsv) {
  console.error('usage: boundaries-extract.js <geojson dir> <divisions.tsv>'); process.exit(2)
}

// Hong Kong, Macao and Taiwan have no GB/T 2260 county codes and no union stations here.
const SKIP = /^(taiwan|xianggang|aomen)/

const divisions = fs.readFileSync(divisionsTsv, 'utf8').trim().split('\n').slice(1)
  .map(l => l.split('\t')).filter(f => f[2] !== 'province')

// echarts 4 src/coord/geo/parseGeoJson.js: each ring is a string of character pairs, each char
// (code - 64) a zigzag-encoded delta from the previous point, in units of 1/UTF8Scale degree,
// starting from the ring's encodeOffsets.
function decodeRing (s, offsets, scale) {
  const ring = []
  let x = offsets[0]; let y = offsets[1]
  for (let i = 0; i < s.length; i += 2) {
    let dx = s.charCodeAt(i) - 64; let dy = s.charCodeAt(i + 1) - 64
    dx = (dx >> 1) ^ (-(dx & 1)); dy = (dy >> 1) ^ (-(dy & 1))
    x += dx; y += dy
    ring.push([x / scale, y / scale])
  }
  return ring
}

function polygons (geometry, encoded, scale) {
  const polys = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates
  const offs = geometry.type === 'Polygon' ? [geometry.encodeOffsets] : geometry.encodeOffsets
  return polys.map((rings, p) => rings
    .map((r, k) => encoded ? decodeRing(r, offs[p][k], scale) : r)
    .filter(r => r.length >= 4))
    .filter(rings => rings.length > 0)
}

const wkt = polys => 'MULTIPOLYGON(' + polys.map(rings => '(' + rings.map(r => {
  const closed = r[0][0] === r[r.length - 1][0] && r[0][1] === r[r.length - 1][1] ? r : r.concat([r[0]])
  return '(' + closed.map(c => c[0] + ' ' + c[1]).join(',') + ')'
}).join(',') + ')').join(',') + ')'

for (const file of fs.readdirSync(dir).sort()) {
  if (SKIP.test(file)) continue
  const json = JSON.parse(fs.readFileSync(path.join(dir, file), 'utf8'))
  const scale = json.UTF8Scale || 1024
  const features = json.features.filter(f => f.geometry)
  const codeOf = new Map()
  for (const f of features) {
    if (/^\d{6}$/.test(String(f.id))) codeOf.set(f, String(f.id))
  }
  // Features without an id: match the name among cities and counties, preferring the file's city prefix.
  const prefixes = [...codeOf.values()].map(c => c.slice(0, 4))
  for (const f of features) {
    if (codeOf.has(f)) continue
    let hits = divisions.filter(c => c[1] === f.properties.name)
    if (hits.length > 1 && prefixes.length) hits = hits.filter(c => prefixes.includes(c[0].slice(0, 4)))
    if (hits.length === 1) {
      codeOf.set(f, hits[0][0])
      prefixes.push(hits[0][0].slice(0, 4))
    } else {
      console.error(`${file}: no unique code for ${f.properties.name} (${hits.map(h => h[0]).join(' ')})`)
    }
  }
  for (const f of features) {
    const code = codeOf.get(f)
    if (!code) continue
    const polys = polygons(f.geometry, json.UTF8Encoding, scale)
    if (polys.length) process.stdout.write(`${code}\t${f.properties.name}\t${wkt(polys)}\n`)
  }
}
