/**
 * A peer beside us: MapServer 8 (Debian's cgi-mapserver, run as FastCGI under spawn-fcgi behind nginx)
 * serving the same PostGIS table as OGC API – Features and as Mapbox Vector Tiles, so the benchmark can
 * send the same requests to both in one run. Nothing here is part of the product: it is started in a
 * throw-away directory for the benchmark and stopped after it.
 *
 * The mapfile reads the same rows our API reads (`features` where layer_id = the layer) with the same
 * attributes our tiles carry, in EPSG:4326, and writes MVT with the same extent (4096) and buffer (64).
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

const MAPSERV = '/usr/lib/cgi-bin/mapserv';
const APT_PACKAGES = ['cgi-mapserver', 'mapserver-bin', 'spawn-fcgi', 'nginx-light'];

export interface MapServerPeer {
  /** OGC API items URL of the collection (append `&bbox=…&limit=…`). */
  itemsUrl: string;
  /** MVT tile URL for z/x/y. */
  tileUrl(z: number, x: number, y: number): string;
  version: string;
  close(): Promise<void>;
}

const has = (cmd: string) => spawnSync('sh', ['-c', `command -v ${cmd}`]).status === 0;

/** Makes sure mapserv, spawn-fcgi and nginx are installed (from apt when root); returns why not, or null. */
export function ensureMapServer(): string | null {
  const ok = () => fs.existsSync(MAPSERV) && has('spawn-fcgi') && has('nginx');
  if (ok()) return null;
  if (process.getuid?.() !== 0) return `MapServer is not installed and this is not root: apt-get install -y ${APT_PACKAGES.join(' ')}`;
  console.log(`[bench] installing ${APT_PACKAGES.join(' ')} from apt for the MapServer comparison`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  spawnSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
  const r = spawnSync('apt-get', ['install', '-y', '-qq', ...APT_PACKAGES], { stdio: 'inherit', env });
  // The package starts the system nginx on port 80; we run our own instance instead.
  spawnSync('sh', ['-c', 'service nginx stop >/dev/null 2>&1 || true']);
  if (r.status !== 0 || !ok()) return `apt-get install ${APT_PACKAGES.join(' ')} failed (exit ${r.status})`;
  return null;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as net.AddressInfo).port;
      s.close(() => resolve(port));
    });
  });
}

/** A libpq keyword string for the mapfile's CONNECTION (values quoted as libpq wants). */
function libpq(url: string): string {
  const u = new URL(url);
  const q = (v: string) => `'${v.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
  const parts = [`host=${q(u.hostname)}`, `port=${q(u.port || '5432')}`, `dbname=${q(decodeURIComponent(u.pathname.slice(1)))}`, `user=${q(decodeURIComponent(u.username || 'postgres'))}`];
  if (u.password) parts.push(`password=${q(decodeURIComponent(u.password))}`);
  return parts.join(' ');
}

/**
 * Starts MapServer on `databaseUrl` for layer `layer` of table `features`, with `attributes` (scalar
 * property keys) as columns beside id/name_zh/name_en/accuracy/parent_id. `processes` FastCGI workers.
 */
export async function startMapServer(databaseUrl: string, layer: string, attributes: string[], processes = os.cpus().length): Promise<MapServerPeer> {
  if (!/^[a-z0-9-]+$/.test(layer) || attributes.some((a) => !/^[a-z_][a-z0-9_]*$/.test(a))) throw new Error('layer or attribute name not safe for a mapfile');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'atlas-mapserver-'));
  const httpPort = await freePort();
  const fcgiPorts: number[] = [];
  for (let i = 0; i < processes; i++) fcgiPorts.push(await freePort());
  const cols = ['id', 'name_zh', 'name_en', 'accuracy', 'parent_id', ...attributes.map((a) => `properties->>'${a}' AS ${a}`)].join(', ');
  fs.writeFileSync(path.join(dir, 'atlas.map'), `MAP
  NAME "atlas"
  EXTENT -180 -85 180 85
  SIZE 512 512
  PROJECTION "init=epsg:4326" END
  WEB
    METADATA
      "ows_enable_request" "*"
      "oga_enable_request" "*"
      "ows_title" "atlas benchmark peer"
      "ows_srs" "EPSG:4326 EPSG:3857"
      "oga_onlineresource" "http://127.0.0.1:${httpPort}/ms/atlas/ogcapi"
      "oga_html_template_directory" "/usr/share/mapserver/ogcapi/templates/html-plain/"
    END
  END
  OUTPUTFORMAT
    NAME "mvt"
    DRIVER MVT
    FORMATOPTION "EXTENT=4096"
    FORMATOPTION "EDGE_BUFFER=64"
  END
  LAYER
    NAME "parcels"
    TYPE POLYGON
    STATUS ON
    CONNECTIONTYPE POSTGIS
    CONNECTION "${libpq(databaseUrl).replace(/"/g, '\\"')}"
    PROCESSING "CLOSE_CONNECTION=DEFER"
    DATA "geom FROM (SELECT ${cols}, geom FROM features WHERE layer_id = '${layer}') AS sub USING UNIQUE id USING SRID=4326"
    PROJECTION "init=epsg:4326" END
    TEMPLATE "none"
    METADATA
      "ows_title" "${layer}"
      "gml_include_items" "all"
      "gml_featureid" "id"
      "gml_types" "auto"
      "oga_max_limit" "10000"
    END
  END
END
`);
  fs.writeFileSync(path.join(dir, 'mapserver.conf'), `CONFIG
  ENV
    MS_MAP_NO_PATH "1"
  END
  MAPS
    "atlas" "${path.join(dir, 'atlas.map')}"
  END
END
`);
  const tmp = (n: string) => path.join(dir, n);
  fs.writeFileSync(path.join(dir, 'nginx.conf'), `daemon off;
worker_processes 1;
pid ${tmp('nginx.pid')};
error_log ${tmp('nginx-error.log')};
events { worker_connections 1024; }
http {
  access_log off;
  # Compressed as our API compresses (zlib level 6 from 1 KB): the same work on both sides of the comparison.
  gzip on; gzip_comp_level 6; gzip_min_length 1024; gzip_proxied any;
  gzip_types application/json application/geo+json application/vnd.mapbox-vector-tile application/x-protobuf;
  client_body_temp_path ${tmp('body')}; fastcgi_temp_path ${tmp('fcgi')}; proxy_temp_path ${tmp('proxy')};
  uwsgi_temp_path ${tmp('uwsgi')}; scgi_temp_path ${tmp('scgi')};
  upstream mapserv { ${fcgiPorts.map((p) => `server 127.0.0.1:${p};`).join(' ')} keepalive 8; }
  server {
    listen 127.0.0.1:${httpPort};
    location /ms {
      fastcgi_pass mapserv;
      fastcgi_keep_conn on;
      include /etc/nginx/fastcgi_params;
      fastcgi_split_path_info ^(/ms)(.*)$;
      fastcgi_param SCRIPT_NAME $fastcgi_script_name;
      fastcgi_param PATH_INFO $fastcgi_path_info;
      fastcgi_param MAPSERVER_CONFIG_FILE ${tmp('mapserver.conf')};
    }
  }
}
`);
  const env = { ...process.env, MAPSERVER_CONFIG_FILE: tmp('mapserver.conf') };
  // One FastCGI worker per port, each under its own `spawn-fcgi -n` (in the foreground, so it goes when
  // killed; -n allows one child only), and nginx balancing over them: `processes` workers in all.
  const procs: ChildProcess[] = fcgiPorts.map((p) => spawn('spawn-fcgi', ['-n', '-a', '127.0.0.1', '-p', String(p), '--', MAPSERV], { env, stdio: 'ignore' }));
  const nginx = spawn('nginx', ['-c', tmp('nginx.conf'), '-p', dir], { stdio: 'ignore' });
  procs.push(nginx);
  const base = `http://127.0.0.1:${httpPort}/ms`;
  const version = spawnSync(MAPSERV, ['-v'], { encoding: 'utf8' }).stdout.trim().split(' ').slice(0, 3).join(' ');
  const peer: MapServerPeer = {
    itemsUrl: `${base}/atlas/ogcapi/collections/parcels/items?f=json`,
    tileUrl: (z, x, y) => `${base}?map=atlas&mode=tile&tilemode=gmap&tile=${x}+${y}+${z}&layers=parcels&map.imagetype=mvt`,
    version,
    async close() {
      // mapserv (spawn-fcgi -n execs it) does not leave on SIGTERM while it waits for FastCGI requests.
      // nginx itself stops its worker on SIGTERM (a SIGKILL would orphan it).
      for (const p of procs) p.kill(p === nginx ? 'SIGTERM' : 'SIGKILL');
      await Promise.all(procs.map((p) => (p.exitCode !== null ? Promise.resolve() : new Promise((r) => p.once('exit', r)))));
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
  // Ready when the collection answers.
  const t0 = performance.now();
  for (;;) {
    const ok = await fetch(`${base}/atlas/ogcapi/collections/parcels?f=json`).then((r) => r.ok, () => false);
    if (ok) break;
    if (performance.now() - t0 > 15_000) {
      const log = fs.existsSync(tmp('nginx-error.log')) ? fs.readFileSync(tmp('nginx-error.log'), 'utf8').slice(-2000) : '';
      await peer.close();
      throw new Error(`MapServer did not answer in 15 s\n${log}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  return peer;
}
