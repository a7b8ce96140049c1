import type { Attrs, Column } from './attributes.js';

const esc = (s: string) => s.replace(/[<>&"']/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&apos;' })[c]!);
// XML 1.0 forbids most control characters even escaped.
const clean = (s: string) => [...s].filter((c) => c >= ' ' || c === '\t' || c === '\n' || c === '\r').join('');
const KML_TYPE: Record<Column['kind'], string> = { string: 'string', integer: 'int', real: 'double', boolean: 'bool' };
const NCNAME = /^[A-Za-z_][A-Za-z0-9_.-]*$/;

/**
 * A KML 2.2 document: one Placemark per feature, named by name_zh, with every attribute as typed
 * SchemaData, geometry from PostGIS ST_AsKML. Always WGS 84 longitude/latitude: the KML standard
 * (OGC 07-147r2) allows no other CRS.
 */
export function writeKml(opts: { name: string; columns: Column[]; features: Array<{ kml: string; attrs: Attrs }> }): string {
  const schemaId = 'atlas';
  const out: string[] = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<kml xmlns="http://www.opengis.net/kml/2.2">',
    `<Document id="root"><name>${esc(clean(opts.name))}</name>`,
    '<description>产业空间一张图 export. Coordinates are WGS 84 longitude,latitude (EPSG:4326), as the KML 2.2 standard requires.</description>',
    `<Schema name="${schemaId}" id="${schemaId}">`,
    ...opts.columns.map((c) => `<SimpleField name="${esc(c.name)}" type="${KML_TYPE[c.kind]}"></SimpleField>`),
    '</Schema>',
    `<Folder><name>${esc(clean(opts.name))}</name>`,
  ];
  for (const f of opts.features) {
    const id = String(f.attrs.id);
    out.push(`<Placemark${NCNAME.test(id) ? ` id="${esc(id)}"` : ''}><name>${esc(clean(String(f.attrs.name_zh ?? '')))}</name>`);
    out.push(`<ExtendedData><SchemaData schemaUrl="#${schemaId}">`);
    for (const c of opts.columns) {
      const v = f.attrs[c.name];
      if (v === null || v === undefined) continue;
      out.push(`<SimpleData name="${esc(c.name)}">${esc(clean(String(v)))}</SimpleData>`);
    }
    out.push('</SchemaData></ExtendedData>', f.kml, '</Placemark>');
  }
  out.push('</Folder></Document></kml>', '');
  return out.join('\n');
}
