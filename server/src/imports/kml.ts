import { DOMParser } from '@xmldom/xmldom';
import { kml } from '@tmcw/togeojson';
import { toItem, type Budget, type ParsedFile } from './parsed.js';
import { homogenise } from './geometry.js';
import { parseSourceCrs } from './source-crs.js';
import { unprocessable } from './problems.js';

/** togeojson's styling and display properties: not data. */
const STYLE_KEYS = ['styleUrl', 'styleHash', 'styleMap', 'stroke', 'stroke-opacity', 'stroke-width', 'fill', 'fill-opacity', 'icon', 'icon-scale',
  'icon-color', 'icon-opacity', 'label-scale', 'label-color', 'label-opacity', 'visibility', 'timespan', 'timestamp', 'icon-offset', 'icon-offset-units', 'icon-heading'];

// KML is the one import format not read through GDAL: the KML driver in gdal3.js (built without
// libkml) reads only <name> and <description> and drops every ExtendedData attribute. togeojson
// (Mapbox's KML library) reads them all.

/**
 * Reads KML 2.2 (or the doc.kml of a KMZ). KML coordinates are WGS 84 longitude/latitude by the standard
 * (OGC 07-147r2 §6.2); a file drawn on a Chinese web map may still be declared GCJ-02 or BD-09. Entities are
 * never expanded (xmldom does not), so an XML bomb is inert.
 */
export function readKml(buf: Buffer, file: string, budget: Budget, format: 'kml' | 'kmz' = 'kml'): ParsedFile {
  const text = buf.toString('utf8').replace(/^\uFEFF/, '');
  if (!/^\s*(<\?xml[^>]*>\s*)?(<!--[\s\S]*?-->\s*)*<(\w+:)?kml[\s>]/.test(text)) throw unprocessable(`${file} is not KML: it does not start with a <kml> element.`);
  let doc;
  try {
    doc = new DOMParser({
      onError: (level, msg) => {
        if (level === 'fatalError') throw new Error(msg);
      },
    }).parseFromString(text, 'text/xml');
  } catch (e) {
    throw unprocessable(`${file} is not well-formed XML: ${(e as Error).message.split('\n')[0].slice(0, 160)}`);
  }
  const fc = kml(doc as never);
  const items = fc.features.map((f, i) => {
    const props = { ...(f.properties ?? {}) } as Record<string, unknown>;
    const geometry = f.geometry ? homogenise(f.geometry) : null;
    budget.add(geometry, `Placemark ${i + 1}`);
    const drop = [...STYLE_KEYS];
    // <name> doubles the name_zh field in files this atlas wrote.
    if (props.name_zh !== undefined && props.name !== undefined) drop.push('name');
    if (props.description === '') drop.push('description');
    return toItem(props, geometry, { id: props.id ?? f.id, drop });
  });
  return { format, items, crs: { crs: parseSourceCrs('EPSG:4326'), from: 'the KML 2.2 standard (always WGS 84 longitude/latitude)' }, warnings: [], geographicOnly: true };
}
