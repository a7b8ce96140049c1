/** A WKT node: KEYWORD[arg, arg, …]. */
interface WktNode {
  keyword: string;
  args: Array<string | number | WktNode>;
}

/** What a .prj (or any WKT CRS definition) says, as far as the importer cares. */
export type PrjVerdict =
  | { ok: true; srid: number; name: string; how: string }
  | { ok: true; srid: null; name: string; how: string }
  | { ok: false; error: string };

function parseWkt(text: string): WktNode {
  let i = 0;
  const s = text.trim();
  const ws = () => {
    while (i < s.length && /\s/.test(s[i])) i++;
  };
  const node = (): WktNode => {
    ws();
    const m = /^[A-Za-z_][A-Za-z0-9_]*/.exec(s.slice(i));
    if (!m) throw new Error(`expected a keyword at character ${i + 1}`);
    i += m[0].length;
    ws();
    const open = s[i];
    if (open !== '[' && open !== '(') throw new Error(`expected "[" after ${m[0]}`);
    const close = open === '[' ? ']' : ')';
    i++;
    const args: WktNode['args'] = [];
    for (;;) {
      ws();
      if (s[i] === '"') {
        let v = '';
        i++;
        for (;;) {
          if (i >= s.length) throw new Error('unterminated string');
          if (s[i] === '"' && s[i + 1] === '"') {
            v += '"';
            i += 2;
          } else if (s[i] === '"') break;
          else v += s[i++];
        }
        i++;
        args.push(v);
      } else if (/[-+.\d]/.test(s[i] ?? '')) {
        const n = /^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?/.exec(s.slice(i));
        if (!n) throw new Error(`bad number at character ${i + 1}`);
        i += n[0].length;
        args.push(Number(n[0]));
      } else if (/[A-Za-z]/.test(s[i] ?? '')) {
        // WKT2 enumerations (AXIS["x", east]) are bare words; anything followed by [ is a node.
        const w = /^[A-Za-z_][A-Za-z0-9_]*/.exec(s.slice(i))![0];
        const j = i + w.length;
        const after = s.slice(j).trimStart()[0];
        if (after === '[' || after === '(') args.push(node());
        else {
          args.push(w);
          i = j;
        }
      } else throw new Error(`unexpected "${s[i] ?? 'end of text'}" at character ${i + 1}`);
      ws();
      if (s[i] === ',') {
        i++;
        continue;
      }
      if (s[i] === close || s[i] === ']' || s[i] === ')') {
        i++;
        return { keyword: m[0].toUpperCase(), args };
      }
      throw new Error(`expected "," or "${close}" at character ${i + 1}`);
    }
  };
  const root = node();
  ws();
  if (i < s.length) throw new Error('text after the end of the definition');
  return root;
}

const children = (n: WktNode, ...kw: string[]) => n.args.filter((a): a is WktNode => typeof a === 'object' && kw.includes(a.keyword));
const child = (n: WktNode, ...kw: string[]) => children(n, ...kw)[0];
const nameOf = (n: WktNode | undefined) => (n && typeof n.args[0] === 'string' ? n.args[0] : '');
const squash = (s: string) => s.toLowerCase().replace(/[^a-z0-9]/g, '');

/** The EPSG code in AUTHORITY["EPSG","n"] (WKT1) or ID["EPSG",n] (WKT2) directly on this node. */
function epsgAuthority(n: WktNode): number | null {
  const a = child(n, 'AUTHORITY', 'ID');
  if (!a || String(a.args[0]).toUpperCase() !== 'EPSG') return null;
  const code = Number(a.args[1]);
  return Number.isInteger(code) ? code : null;
}

/** 4326 or 4490 when a geographic CRS node is WGS 84 or CGCS2000 in degrees, else null. */
function geographic(g: WktNode): number | null {
  const auth = epsgAuthority(g);
  if (auth === 4326 || auth === 4490) return auth;
  const datum = child(g, 'DATUM', 'GEODETICDATUM', 'TRF');
  const sph = datum && child(datum, 'SPHEROID', 'ELLIPSOID');
  const invf = sph ? Number(sph.args[2]) : NaN;
  const a = sph ? Number(sph.args[1]) : NaN;
  const unit = child(g, 'UNIT', 'ANGLEUNIT');
  const degrees = !unit || Math.abs(Number(unit.args[1]) - Math.PI / 180) < 1e-12;
  const dn = squash(nameOf(datum));
  if (!degrees || a !== 6378137) return null;
  if (Math.abs(invf - 298.257223563) < 1e-9 && /wgs(19)?84/.test(dn)) return 4326;
  if (Math.abs(invf - 298.257222101) < 1e-6 && /china2000|cgcs2000|chinageodeticcoordinatesystem2000/.test(dn)) return 4490;
  return null;
}

/** A projection parameter by any of its ESRI / OGC / WKT2 names (case- and punctuation-insensitive). */
function param(p: WktNode, ...names: string[]): number | null {
  const want = names.map(squash);
  const hit = children(p, 'PARAMETER').find((x) => want.includes(squash(nameOf(x))));
  return hit ? Number(hit.args[1]) : null;
}

/**
 * Recognises a WKT CRS (ESRI .prj, OGC WKT1 or WKT2): WGS 84 geographic (4326), CGCS2000 geographic
 * (4490) and CGCS2000 / 3-degree Gauss-Kruger CM 120E without zone prefix (4549), by EPSG authority
 * when present, else by datum, ellipsoid and projection parameters (names vary between ArcGIS,
 * QGIS and Chinese CAD/GIS software). Anything else is srid null (ask the user); text that is not
 * WKT at all is ok: false.
 */
export function readPrj(text: string): PrjVerdict {
  let root: WktNode;
  try {
    root = parseWkt(text.replace(/^\uFEFF/, ''));
  } catch (e) {
    return { ok: false, error: `not a WKT coordinate system definition (${(e as Error).message})` };
  }
  const kw = root.keyword;
  const name = nameOf(root);
  if (['GEOGCS', 'GEOGCRS', 'GEODCRS', 'GEOGRAPHICCRS', 'GEODETICCRS'].includes(kw)) {
    const srid = geographic(root);
    return { ok: true, srid, name, how: srid ? 'datum and units' : 'unrecognised geographic CRS' };
  }
  if (['PROJCS', 'PROJCRS', 'PROJECTEDCRS'].includes(kw)) {
    const auth = epsgAuthority(root);
    if (auth) return { ok: true, srid: auth, name, how: 'EPSG authority code' };
    const base = child(root, 'GEOGCS', 'BASEGEOGCRS', 'BASEGEODCRS', 'GEOGCRS');
    const conv = child(root, 'CONVERSION') ?? root;
    const method = squash(nameOf(child(conv, 'PROJECTION', 'METHOD')));
    const unit = child(root, 'UNIT', 'LENGTHUNIT');
    const metres = !unit || Number(unit.args[1]) === 1;
    const tm = ['transversemercator', 'gausskruger', 'gausskrueger', 'gaussboagaz'].includes(method);
    const cm = param(conv, 'central_meridian', 'longitude_of_natural_origin', 'longitude_of_origin');
    const fe = param(conv, 'false_easting');
    const fn = param(conv, 'false_northing') ?? 0;
    const k = param(conv, 'scale_factor', 'scale_factor_at_natural_origin') ?? 1;
    const lat0 = param(conv, 'latitude_of_origin', 'latitude_of_natural_origin') ?? 0;
    if (base && geographic(base) === 4490 && tm && metres && cm === 120 && fe === 500000 && fn === 0 && k === 1 && lat0 === 0) {
      return { ok: true, srid: 4549, name, how: 'datum and projection parameters' };
    }
    const hint = base && geographic(base) === 4490 && tm && cm === 120 && fe === 40500000 ? ' (this is the zone-prefixed grid, EPSG:4528)' : '';
    return { ok: true, srid: null, name, how: `unrecognised projected CRS${hint}` };
  }
  const auth = epsgAuthority(root);
  if (auth) return { ok: true, srid: auth, name, how: 'EPSG authority code' };
  return { ok: true, srid: null, name, how: `unsupported CRS kind ${kw}` };
}
