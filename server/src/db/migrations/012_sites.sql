-- 012: the sites and buildings inventory (招商载体库). A site is a plot (地块) or floor space in a building;
-- it lives in its own table with typed, checked columns and its own history (docs/life-of-a-site.md).
-- The rows of layer 'sites' in `features` become the site table's map projection: written only by the
-- trigger below (so layers, tiles, OGC API, search and the printed map keep reading one table), refused
-- to every other writer with SQLSTATE AT409 (a 409 problem, see http/problem.ts).

-- 《国土空间调查、规划、用途管制用地用海分类指南》 classes a site may carry (loaded from
-- seeds/land-use-classes.json by the seed; the file names its source).
CREATE TABLE IF NOT EXISTS land_use_classes (
  code        text PRIMARY KEY CHECK (code ~ '^[0-9]{2}([0-9]{2}([0-9]{2})?)?$'),
  level       integer NOT NULL CHECK (level IN (1, 2, 3)),
  parent_code text REFERENCES land_use_classes(code),
  name_zh     text NOT NULL,
  name_en     text NOT NULL,
  aliases     text[] NOT NULL DEFAULT '{}',
  sort        integer NOT NULL DEFAULT 0
);

CREATE TABLE IF NOT EXISTS sites (
  id                   text PRIMARY KEY CHECK (id ~ '^[a-z0-9][a-z0-9_-]{0,79}$'),
  park_id              text,                               -- a feature of layer 'parks'; null = not known
  zone_id              text,                               -- a point site's mapped polygon (e.g. zone-southwest), drawn as its extent
  name_zh              text NOT NULL CHECK (length(btrim(name_zh)) BETWEEN 1 AND 200),
  name_en              text CHECK (name_en IS NULL OR length(btrim(name_en)) BETWEEN 1 AND 200),
  kind                 text NOT NULL CHECK (kind IN ('land', 'factory', 'office', 'warehouse')),
  geom                 geometry(Geometry, 4326) NOT NULL CHECK (ST_IsValid(geom))
                         CHECK (GeometryType(geom) IN ('POINT', 'POLYGON', 'MULTIPOLYGON')),
  accuracy             text NOT NULL CHECK (accuracy IN ('surveyed', 'digitised', 'schematic')),
  method               text,                               -- how the geometry was made
  area_m2              numeric CHECK (area_m2 >= 0),       -- the stated area (document, sheet, staff); null = not stated
  floor_area_m2        numeric CHECK (floor_area_m2 >= 0),
  floors               integer CHECK (floors BETWEEN 1 AND 300),
  floor_load_kn_m2     numeric CHECK (floor_load_kn_m2 >= 0),
  clear_height_m       numeric CHECK (clear_height_m >= 0),
  status               text CHECK (status IN ('available', 'reserved', 'planned', 'occupied')),
  status_as_of         date,
  land_use_code        text REFERENCES land_use_classes(code),
  land_use_note        text,                               -- the use as a document words it, when it gives no class
  plot_ratio_min       numeric CHECK (plot_ratio_min >= 0),
  plot_ratio_max       numeric CHECK (plot_ratio_max >= 0),
  height_max_m         numeric CHECK (height_max_m >= 0),
  green_ratio_min_pct  numeric CHECK (green_ratio_min_pct BETWEEN 0 AND 100),
  green_ratio_max_pct  numeric CHECK (green_ratio_max_pct BETWEEN 0 AND 100),
  price_value          numeric CHECK (price_value >= 0),
  price_unit           text CHECK (price_unit IN ('万元/亩', '元/m²/月', '元/m²')),
  price_note           text,
  utility_power_kva    numeric CHECK (utility_power_kva >= 0),
  utility_water        boolean,
  utility_gas          boolean,
  utility_steam        boolean,
  utility_wastewater   boolean,
  utility_5g           boolean,
  utilities_note       text,
  restrictions         text,
  chains               text[] NOT NULL DEFAULT '{}',       -- chain ids, checked against chains by the service
  contact_unit         text,
  contact_name         text,
  contact_phone        text,
  contact_email        text,
  photo_ids            text[] NOT NULL DEFAULT '{}',       -- site_photos shown, in order (versioned with the site)
  notes                text,
  source_kind          text NOT NULL CHECK (source_kind IN ('document', 'staff', 'demo')),
  citation_id          text REFERENCES citations(id),      -- document: the verbatim quote
  source_by            text,                               -- staff: who entered or imported it
  source_at            timestamptz,                        -- staff: when
  source_note          text,                               -- e.g. the imported file; demo: the 示例/DEMO label
  external_key         text UNIQUE CHECK (external_key IS NULL OR length(external_key) BETWEEN 1 AND 200),
  demo                 boolean NOT NULL DEFAULT false,
  seed_hash            text,
  version              integer NOT NULL DEFAULT 1,
  created_at           timestamptz NOT NULL DEFAULT now(),
  updated_at           timestamptz NOT NULL DEFAULT now(),
  updated_by           text NOT NULL DEFAULT 'system',
  CHECK (plot_ratio_min IS NULL OR plot_ratio_max IS NULL OR plot_ratio_min <= plot_ratio_max),
  CHECK (green_ratio_min_pct IS NULL OR green_ratio_max_pct IS NULL OR green_ratio_min_pct <= green_ratio_max_pct),
  CHECK ((price_value IS NULL) = (price_unit IS NULL)),
  -- Land is priced per 亩, floor space per m² (rent per month or sale).
  CHECK (price_unit IS NULL OR (kind = 'land') = (price_unit = '万元/亩')),
  CHECK (source_kind <> 'document' OR citation_id IS NOT NULL),
  CHECK (source_kind <> 'staff' OR (source_by IS NOT NULL AND source_at IS NOT NULL)),
  CHECK (demo = (source_kind = 'demo'))
);
CREATE INDEX IF NOT EXISTS sites_geom_gix ON sites USING gist (geom);
CREATE INDEX IF NOT EXISTS sites_park_idx ON sites (park_id);
CREATE INDEX IF NOT EXISTS sites_status_kind_idx ON sites (status, kind);
CREATE INDEX IF NOT EXISTS sites_chains_gin ON sites USING gin (chains);
CREATE INDEX IF NOT EXISTS sites_area_idx ON sites (area_m2);

-- Every version of every site: the full row after each insert/update, and the last state on delete
-- (the tombstone). No foreign key: history outlives the site. `data` is to_jsonb(row) without geom.
CREATE TABLE IF NOT EXISTS site_history (
  id          bigserial PRIMARY KEY,
  site_id     text NOT NULL,
  version     integer NOT NULL,
  op          text NOT NULL CHECK (op IN ('insert', 'update', 'delete')),
  data        jsonb NOT NULL,
  geom        geometry(Geometry, 4326) NOT NULL,
  changed_by  text NOT NULL,
  changed_at  timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX IF NOT EXISTS site_history_site_idx ON site_history (site_id, version);

-- Photos, re-encoded without metadata, with a thumbnail. A site shows those in its photo_ids; a photo
-- removed from a site stays here, so reverting the site brings it back.
CREATE TABLE IF NOT EXISTS site_photos (
  id            text PRIMARY KEY CHECK (id ~ '^[a-z0-9]{8,40}$'),
  site_id       text NOT NULL,
  mime          text NOT NULL CHECK (mime IN ('image/jpeg', 'image/png', 'image/webp')),
  width         integer NOT NULL CHECK (width > 0),
  height        integer NOT NULL CHECK (height > 0),
  bytes         bytea NOT NULL,
  thumb         bytea NOT NULL,
  thumb_width   integer NOT NULL,
  thumb_height  integer NOT NULL,
  caption       text,
  created_by    text NOT NULL,
  created_at    timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX IF NOT EXISTS site_photos_site_idx ON site_photos (site_id);

-- Uploaded sheets awaiting review: each row as read (normalised input), where it is, and its errors.
CREATE TABLE IF NOT EXISTS site_import_batches (
  id            text PRIMARY KEY,
  filename      text NOT NULL,
  format        text NOT NULL CHECK (format IN ('xlsx', 'csv')),
  crs           text NOT NULL,
  columns       jsonb NOT NULL,
  status        text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'committed')),
  created_by    text NOT NULL,
  created_at    timestamptz NOT NULL DEFAULT now(),
  committed_by  text,
  committed_at  timestamptz,
  result        jsonb
);
CREATE TABLE IF NOT EXISTS site_import_rows (
  batch_id  text NOT NULL REFERENCES site_import_batches(id) ON DELETE CASCADE,
  line      integer NOT NULL,                 -- the sheet's row number (the header is row 1)
  key       text,
  input     jsonb NOT NULL,
  geom      geometry(Geometry, 4326),
  errors    jsonb NOT NULL DEFAULT '[]',
  PRIMARY KEY (batch_id, line)
);

CREATE OR REPLACE FUNCTION atlas_site_versioning() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  who text := coalesce(nullif(current_setting('atlas.user', true), ''), 'system');
  meta text[] := ARRAY['geom', 'version', 'updated_at', 'updated_by', 'created_at'];
BEGIN
  IF TG_OP = 'DELETE' THEN
    INSERT INTO site_history (site_id, version, op, data, geom, changed_by)
    VALUES (OLD.id, OLD.version + 1, 'delete', to_jsonb(OLD) - 'geom', OLD.geom, who);
    RETURN OLD;
  END IF;
  IF TG_OP = 'INSERT' THEN
    NEW.version := coalesce((SELECT max(h.version) FROM site_history h WHERE h.site_id = NEW.id), 0) + 1;
  ELSE
    IF NEW.id <> OLD.id THEN
      RAISE EXCEPTION 'A site keeps its id.' USING ERRCODE = 'AT422';
    END IF;
    -- An update that changes nothing is no new version (re-imports of an unchanged sheet).
    IF (to_jsonb(NEW) - meta) = (to_jsonb(OLD) - meta) AND ST_AsEWKB(NEW.geom) = ST_AsEWKB(OLD.geom) THEN
      RETURN OLD;
    END IF;
    NEW.version := OLD.version + 1;
    NEW.created_at := OLD.created_at;
  END IF;
  NEW.updated_at := now();
  NEW.updated_by := who;
  INSERT INTO site_history (site_id, version, op, data, geom, changed_by)
  VALUES (NEW.id, NEW.version, lower(TG_OP), to_jsonb(NEW) - 'geom', NEW.geom, who);
  RETURN NEW;
END;
$$;

DROP TRIGGER IF EXISTS sites_versioning ON sites;
CREATE TRIGGER sites_versioning BEFORE INSERT OR UPDATE OR DELETE ON sites
  FOR EACH ROW EXECUTE FUNCTION atlas_site_versioning();

-- The area a site is filtered and matched by (m²): the stated one (document, sheet, staff), else PostGIS on
-- the site's own polygon when it is surveyed or digitised. A schematic polygon measures nothing: null.
CREATE OR REPLACE FUNCTION atlas_site_area_m2(s sites) RETURNS numeric LANGUAGE sql STABLE AS $$
  SELECT round(coalesce(s.area_m2,
    CASE WHEN ST_Dimension(s.geom) = 2 AND s.accuracy <> 'schematic' THEN ST_Area(s.geom::geography)::numeric END), 2)
$$;

-- One site as the GeoJSON Feature of GET /api/sites (the property names issue 14 fixes, then the rest).
-- Unknown values are JSON null, never left out, so a client can say "unknown" for each.
CREATE OR REPLACE FUNCTION atlas_site_json(s sites) RETURNS json LANGUAGE sql STABLE AS $$
  SELECT json_build_object('type', 'Feature', 'id', s.id, 'geometry', ST_AsGeoJSON(s.geom, 7)::json,
    'properties', jsonb_build_object(
      'id', s.id, 'park_id', s.park_id, 'name_zh', s.name_zh, 'name_en', s.name_en, 'kind', s.kind,
      'status', s.status, 'status_as_of', s.status_as_of,
      'area_m2', atlas_site_area_m2(s), 'area_mu', round(atlas_site_area_m2(s) * 15 / 10000, 4),
      'area_ha', round(atlas_site_area_m2(s) / 10000, 4),
      'area_basis', CASE WHEN s.area_m2 IS NOT NULL THEN 'stated' WHEN atlas_site_area_m2(s) IS NOT NULL THEN 'computed' END,
      'floor_area_m2', s.floor_area_m2,
      'land_use_code', s.land_use_code, 'land_use_zh', lu.name_zh, 'land_use_en', lu.name_en, 'land_use_note', s.land_use_note,
      'price_value', s.price_value, 'price_unit', s.price_unit, 'price_note', s.price_note,
      'chains', to_json(s.chains), 'contact_unit', s.contact_unit, 'contact_name', s.contact_name,
      'contact_phone', s.contact_phone, 'contact_email', s.contact_email,
      'source', jsonb_build_object('kind', s.source_kind, 'citation_id', s.citation_id, 'document_id', c.document_id,
        'quote', c.quote, 'by', s.source_by, 'at', s.source_at, 'note', s.source_note),
      'floors', s.floors) || jsonb_build_object('floor_load_kn_m2', s.floor_load_kn_m2, 'clear_height_m', s.clear_height_m,
      'plot_ratio_min', s.plot_ratio_min, 'plot_ratio_max', s.plot_ratio_max, 'height_max_m', s.height_max_m,
      'green_ratio_min_pct', s.green_ratio_min_pct, 'green_ratio_max_pct', s.green_ratio_max_pct,
      'utility_power_kva', s.utility_power_kva, 'utility_water', s.utility_water, 'utility_gas', s.utility_gas,
      'utility_steam', s.utility_steam, 'utility_wastewater', s.utility_wastewater, 'utility_5g', s.utility_5g,
      'utilities_note', s.utilities_note, 'restrictions', s.restrictions, 'photo_ids', to_json(s.photo_ids),
      'notes', s.notes, 'zone_id', s.zone_id, 'accuracy', s.accuracy, 'method', s.method,
      'external_key', s.external_key, 'demo', s.demo, 'version', s.version,
      'updated_at', s.updated_at, 'updated_by', s.updated_by))
  FROM (SELECT 1) one
  LEFT JOIN land_use_classes lu ON lu.code = s.land_use_code
  LEFT JOIN citations c ON c.id = s.citation_id
$$;

-- What the map layer carries of a site (the same names as GET /api/sites; no photos, no contact e-mail).
CREATE OR REPLACE FUNCTION atlas_site_map_properties(s sites) RETURNS jsonb LANGUAGE sql STABLE AS $$
  SELECT jsonb_strip_nulls(jsonb_build_object(
    'site_id', s.id, 'park_id', s.park_id, 'kind', s.kind, 'status', s.status, 'status_as_of', s.status_as_of,
    'area_m2', atlas_site_area_m2(s), 'area_mu', round(atlas_site_area_m2(s) * 15 / 10000, 4),
    'floor_area_m2', s.floor_area_m2, 'land_use_code', s.land_use_code,
    'land_use_zh', (SELECT c.name_zh FROM land_use_classes c WHERE c.code = s.land_use_code),
    'land_use_en', (SELECT c.name_en FROM land_use_classes c WHERE c.code = s.land_use_code),
    'land_use', s.land_use_note, 'price_value', s.price_value, 'price_unit', s.price_unit, 'zone', s.zone_id,
    'chains', to_jsonb(s.chains), 'method', s.method, 'note', s.notes, 'demo', s.demo, 'source_kind', s.source_kind))
$$;

-- The projection: every write of a site rewrites its feature of layer 'sites' (same id, version, who, when,
-- citation) in the same transaction. Feature history is not written for it: site_history is its history.
CREATE OR REPLACE FUNCTION atlas_site_projection() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM set_config('atlas.site_projection', 'on', true);
  IF TG_OP = 'DELETE' THEN
    DELETE FROM features WHERE id = OLD.id AND layer_id = 'sites';
  ELSE
    IF EXISTS (SELECT 1 FROM features f WHERE f.id = NEW.id AND f.layer_id <> 'sites') THEN
      RAISE EXCEPTION 'The id "%" is taken by a feature of another layer.', NEW.id USING ERRCODE = 'AT409';
    END IF;
    INSERT INTO features (id, layer_id, name_zh, name_en, parent_id, geom, accuracy, properties, seed_hash, version, updated_at, updated_by)
    VALUES (NEW.id, 'sites', NEW.name_zh, coalesce(NEW.name_en, NEW.name_zh), NEW.park_id, NEW.geom, NEW.accuracy,
            atlas_site_map_properties(NEW), NULL, NEW.version, NEW.updated_at, NEW.updated_by)
    ON CONFLICT (id) DO UPDATE SET layer_id = EXCLUDED.layer_id, name_zh = EXCLUDED.name_zh, name_en = EXCLUDED.name_en,
      parent_id = EXCLUDED.parent_id, geom = EXCLUDED.geom, accuracy = EXCLUDED.accuracy, properties = EXCLUDED.properties,
      seed_hash = NULL, version = EXCLUDED.version, updated_at = EXCLUDED.updated_at, updated_by = EXCLUDED.updated_by;
    DELETE FROM feature_citations WHERE feature_id = NEW.id AND citation_id IS DISTINCT FROM NEW.citation_id;
    IF NEW.citation_id IS NOT NULL THEN
      INSERT INTO feature_citations (feature_id, citation_id) VALUES (NEW.id, NEW.citation_id) ON CONFLICT DO NOTHING;
    END IF;
  END IF;
  PERFORM set_config('atlas.site_projection', 'off', true);
  RETURN NULL;
END;
$$;

DROP TRIGGER IF EXISTS sites_projection ON sites;
CREATE TRIGGER sites_projection AFTER INSERT OR UPDATE OR DELETE ON sites
  FOR EACH ROW EXECUTE FUNCTION atlas_site_projection();

-- Feature versioning, as in 001/008, except for the projection's own writes: those keep the site's
-- version, who and when, and leave feature_history alone; data versions are bumped as for any write.
CREATE OR REPLACE FUNCTION atlas_feature_versioning() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  who text := coalesce(nullif(current_setting('atlas.user', true), ''), 'system');
BEGIN
  IF current_setting('atlas.site_projection', true) = 'on' THEN
    PERFORM atlas_bump_version('layer:' || CASE WHEN TG_OP = 'DELETE' THEN OLD.layer_id ELSE NEW.layer_id END);
    PERFORM atlas_bump_version('all');
    IF TG_OP = 'DELETE' THEN RETURN OLD; END IF;
    RETURN NEW;
  END IF;
  IF TG_OP = 'DELETE' THEN
    INSERT INTO feature_history (feature_id, version, op, layer_id, name_zh, name_en, parent_id, geom, accuracy, properties, changed_by)
    VALUES (OLD.id, OLD.version + 1, 'delete', OLD.layer_id, OLD.name_zh, OLD.name_en, OLD.parent_id, OLD.geom, OLD.accuracy, OLD.properties, who);
    PERFORM atlas_bump_version('layer:' || OLD.layer_id);
    PERFORM atlas_bump_version('all');
    RETURN OLD;
  END IF;
  IF TG_OP = 'INSERT' THEN
    NEW.version := coalesce((SELECT max(h.version) FROM feature_history h WHERE h.feature_id = NEW.id), 0) + 1;
  ELSE
    NEW.version := OLD.version + 1;
    IF OLD.layer_id <> NEW.layer_id THEN
      PERFORM atlas_bump_version('layer:' || OLD.layer_id);
    END IF;
  END IF;
  NEW.updated_at := now();
  NEW.updated_by := who;
  INSERT INTO feature_history (feature_id, version, op, layer_id, name_zh, name_en, parent_id, geom, accuracy, properties, changed_by)
  VALUES (NEW.id, NEW.version, lower(TG_OP), NEW.layer_id, NEW.name_zh, NEW.name_en, NEW.parent_id, NEW.geom, NEW.accuracy, NEW.properties, who);
  PERFORM atlas_bump_version('layer:' || NEW.layer_id);
  PERFORM atlas_bump_version('all');
  RETURN NEW;
END;
$$;

-- Nobody but the projection writes features of layer 'sites' (edits, imports, seeds of other layers).
CREATE OR REPLACE FUNCTION atlas_sites_layer_guard() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF current_setting('atlas.site_projection', true) = 'on' THEN
    IF TG_OP = 'DELETE' THEN RETURN OLD; END IF;
    RETURN NEW;
  END IF;
  IF (TG_OP <> 'INSERT' AND OLD.layer_id = 'sites') OR (TG_OP <> 'DELETE' AND NEW.layer_id = 'sites') THEN
    RAISE EXCEPTION 'Sites are kept in the sites inventory: change "%" through /api/sites, not as a map feature.', coalesce(NEW.id, OLD.id)
      USING ERRCODE = 'AT409';
  END IF;
  IF TG_OP = 'DELETE' THEN RETURN OLD; END IF;
  RETURN NEW;
END;
$$;

DROP TRIGGER IF EXISTS features_a_sites_guard ON features;
CREATE TRIGGER features_a_sites_guard BEFORE INSERT OR UPDATE OR DELETE ON features
  FOR EACH ROW EXECUTE FUNCTION atlas_sites_layer_guard();

-- Sites drawn before this migration (features of layer 'sites') move into the table with what they say:
-- status, the documents' wording of the use, chains, park (through a zone), citation, note and who
-- edited them last, keeping their version, who and when (so the seed still knows the ones it owns and
-- rewrites them: seed_hash is null here). Their history so far stays in feature_history.
ALTER TABLE sites DISABLE TRIGGER sites_versioning;
INSERT INTO sites (id, park_id, zone_id, name_zh, name_en, kind, geom, accuracy, method, status, land_use_note, chains, notes,
                   source_kind, citation_id, source_by, source_at, version, updated_at, updated_by)
SELECT f.id,
       CASE WHEN par.layer_id = 'parks' THEN par.id WHEN gp.layer_id = 'parks' THEN gp.id END, f.properties->>'zone',
       f.name_zh, nullif(f.name_en, ''), 'land',
       CASE WHEN GeometryType(f.geom) IN ('POINT', 'POLYGON', 'MULTIPOLYGON') THEN f.geom ELSE ST_PointOnSurface(f.geom) END,
       f.accuracy, f.properties->>'method',
       CASE WHEN f.properties->>'status' IN ('available', 'reserved', 'planned', 'occupied') THEN f.properties->>'status' END,
       f.properties->>'land_use',
       coalesce(ARRAY(SELECT c.id FROM jsonb_array_elements_text(CASE WHEN jsonb_typeof(f.properties->'chains') = 'array' THEN f.properties->'chains' ELSE '[]' END) e(v)
                      JOIN chains c ON c.id = e.v), '{}'),
       f.properties->>'note',
       CASE WHEN cit.id IS NULL THEN 'staff' ELSE 'document' END, cit.id,
       CASE WHEN cit.id IS NULL THEN f.updated_by END, CASE WHEN cit.id IS NULL THEN f.updated_at END,
       f.version, f.updated_at, f.updated_by
FROM features f
LEFT JOIN features par ON par.id = f.parent_id
LEFT JOIN features gp ON gp.id = par.parent_id
LEFT JOIN LATERAL (SELECT min(fc.citation_id) AS id FROM feature_citations fc WHERE fc.feature_id = f.id) cit ON true
WHERE f.layer_id = 'sites' AND ST_IsValid(f.geom)
ON CONFLICT (id) DO NOTHING;
INSERT INTO site_history (site_id, version, op, data, geom, changed_by, changed_at)
SELECT s.id, s.version, 'insert', to_jsonb(s) - 'geom', s.geom, s.updated_by, s.updated_at FROM sites s;
ALTER TABLE sites ENABLE TRIGGER sites_versioning;
