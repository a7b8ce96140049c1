"""Opens the atlas's layers in QGIS itself (PyQGIS, headless), the way a planner would.

Run by test/qgis/run.sh against a running server (ATLAS_URL): the OGC API Features collection through
QGIS's OAPIF provider, the vector tiles through its vectortile provider, and a GeoPackage export in
EPSG:4549 through OGR. Each check compares what QGIS reads with what the API serves, and the script
exits non-zero on the first difference. Needs python3-qgis and qgis-providers (Debian).
"""
import json
import os
import sys
import tempfile
import urllib.request

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
from qgis.core import (  # noqa: E402
    QgsApplication, QgsCoordinateReferenceSystem, QgsFeatureRequest, QgsRectangle, QgsVectorLayer, QgsVectorTileLayer,
)

BASE = os.environ.get("ATLAS_URL", "http://127.0.0.1:3000").rstrip("/")
failures = []


def check(ok, what):
    print(("  ok   " if ok else "  FAIL ") + what)
    if not ok:
        failures.append(what)


def get_json(path):
    with urllib.request.urlopen(BASE + path) as r:
        return json.load(r)


app = QgsApplication([], False)
app.initQgis()
from qgis.core import Qgis  # noqa: E402
print(f"QGIS {Qgis.QGIS_VERSION} against {BASE}")

# 1. OGC API Features: every collection opens, with the API's feature count, ids and names.
collections = get_json("/ogc/collections")["collections"]
check(len(collections) > 0, f"{len(collections)} collections listed")
for c in collections:
    cid = c["id"]
    layer = QgsVectorLayer(f"url='{BASE}/ogc' typename='{cid}' restrictToRequestBBOX='0'", cid, "OAPIF")
    check(layer.isValid(), f"OAPIF layer {cid} is valid")
    if not layer.isValid():
        continue
    api = get_json(f"/ogc/collections/{cid}/items?limit=10000")
    feats = list(layer.getFeatures(QgsFeatureRequest()))
    check(len(feats) == len(api["features"]), f"{cid}: QGIS reads {len(feats)} features, the API serves {len(api['features'])}")
    names = layer.fields().names()
    if "name_zh" in names:
        qgis_names = sorted(str(f["name_zh"]) for f in feats)
        api_names = sorted(str(f["properties"].get("name_zh")) for f in api["features"])
        check(qgis_names == api_names, f"{cid}: Chinese names identical in QGIS and the API")
    if cid == "parks":
        ext = layer.extent()
        check(119.7 < ext.xMinimum() < ext.xMaximum() < 120.2 and 32.1 < ext.yMinimum() < ext.yMaximum() < 32.7,
              f"parks: extent {ext.toString(4)} lies in 高港区 (lon/lat)")

# 2. Vector tiles through TileJSON's template: QGIS's vectortile provider decodes a tile with the parks in it.
tj = get_json("/tiles/parks.json")
template = tj["tiles"][0]
if template.startswith("/"):
    template = BASE + template
vt = QgsVectorTileLayer(f"type=xyz&url={template}&zmin={tj.get('minzoom', 0)}&zmax={tj.get('maxzoom', 16)}", "parks tiles")
check(vt.isValid(), f"vector tile layer from {template} is valid")
if vt.isValid():
    # Draw the tiles over 生物医药产业园 in pure red with QGIS's own renderer and count red pixels.
    from qgis.core import QgsCoordinateTransform, QgsMapRendererSequentialJob, QgsMapSettings, QgsProject, QgsVectorTileBasicRenderer
    from qgis.PyQt.QtCore import QSize
    from qgis.PyQt.QtGui import QColor
    red = QColor(255, 0, 0)
    renderer = QgsVectorTileBasicRenderer()
    renderer.setStyles(QgsVectorTileBasicRenderer.simpleStyle(red, red, 0.5, red, 0.5, red, red, 2))
    vt.setRenderer(renderer)
    park = get_json("/ogc/collections/parks/items/park-biomed")
    rings = park["geometry"]["coordinates"] if park["geometry"]["type"] == "Polygon" else [r for poly in park["geometry"]["coordinates"] for r in poly]
    lons, lats = [c[0] for r in rings for c in r], [c[1] for r in rings for c in r]
    merc = QgsCoordinateReferenceSystem("EPSG:3857")
    to_merc = QgsCoordinateTransform(QgsCoordinateReferenceSystem("EPSG:4326"), merc, QgsProject.instance())
    settings = QgsMapSettings()
    settings.setLayers([vt])
    settings.setDestinationCrs(merc)
    settings.setExtent(to_merc.transformBoundingBox(QgsRectangle(min(lons), min(lats), max(lons), max(lats))))
    settings.setOutputSize(QSize(256, 256))
    settings.setBackgroundColor(QColor(255, 255, 255))
    job = QgsMapRendererSequentialJob(settings)
    job.start()
    job.waitForFinished()
    img = job.renderedImage()
    reds = sum(1 for yy in range(0, 256, 4) for xx in range(0, 256, 4)
               if QColor(img.pixel(xx, yy)).red() > 200 and QColor(img.pixel(xx, yy)).green() < 120)
    check(reds > 400, f"QGIS draws the park tiles: {reds} of 4096 sampled pixels are the park's red fill")

# 3. A GeoPackage export in CGCS2000 / 3-degree GK CM 120E opens with that CRS and the same features.
with urllib.request.urlopen(f"{BASE}/api/export?layer=parks&format=gpkg&crs=EPSG:4549") as r:
    data = r.read()
path = os.path.join(tempfile.mkdtemp(), "parks.gpkg")
with open(path, "wb") as fh:
    fh.write(data)
gp = QgsVectorLayer(path, "parks gpkg", "ogr")
check(gp.isValid(), "GeoPackage export is a valid layer")
if gp.isValid():
    check(gp.crs().authid() == "EPSG:4549", f"GeoPackage CRS is {gp.crs().authid()} (want EPSG:4549)")
    ext = gp.extent()
    check(ext.xMinimum() > 400000 and ext.xMaximum() < 600000 and ext.yMinimum() > 3500000, f"GeoPackage extent {ext.toString(0)} is in GK metres")
    check(gp.featureCount() == len(get_json("/api/layers/parks")["features"]), f"GeoPackage has {gp.featureCount()} parks")

# os._exit: QGIS 3.22's teardown (exitQgis) segfaults headless after network providers ran; the verdict is already printed.
sys.stdout.flush()
if failures:
    print(f"{len(failures)} check(s) failed", flush=True)
    os._exit(1)
print("all QGIS checks passed", flush=True)
os._exit(0)
