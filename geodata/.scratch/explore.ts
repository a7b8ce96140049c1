import fs from 'node:fs';
import * as turf from '@turf/turf';
import gcoord from 'gcoord';
const fc = JSON.parse(fs.readFileSync('/work/shared/reference/gaogang-district-boundary.geojson','utf8'));
const w = gcoord.transform(structuredClone(fc), gcoord.GCJ02, gcoord.WGS84) as any;
for (const f of w.features) {
  console.log(f.properties.name, f.properties.adcode, f.geometry.type, f.geometry.coordinates.length, f.geometry.coordinates[0].length, f.geometry.coordinates[0][0].length, (turf.area(f)/1e6).toFixed(2), turf.bbox(f).map((x:number)=>x.toFixed(4)).join(','), turf.booleanValid(f));
}
const hl = w.features.find((f:any)=>f.properties.name==='海陵区');
for (const L of [32.44,32.45,32.46,32.47,32.48]) {
  const box = turf.bboxPolygon([119,30,121,L]);
  const i = turf.intersect(turf.featureCollection([hl, box]));
  console.log(L, (turf.area(i!)/1e6).toFixed(2));
}
const gg = w.features.find((f:any)=>f.properties.name==='高港区');
console.log(JSON.stringify(gg.geometry.coordinates[0][0].map((c:number[])=>c.map(v=>+v.toFixed(4)))));
console.log(JSON.stringify(hl.geometry.coordinates[0][0].map((c:number[])=>c.map(v=>+v.toFixed(4)))));
