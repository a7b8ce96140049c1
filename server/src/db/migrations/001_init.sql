-- 001: the whole product's core schema. Geometry is stored in EPSG:4326; areas and lengths are
-- computed at query time on geography, never typed in.
CREATE EXTENSION IF NOT EXISTS postgis;

CREATE TABLE IF NOT EXISTS documents (
  id          text PRIMARY KEY,               -- '000'…'004', or 'ext:<slug>' for a public source
  file        text,
  title_zh    text NOT NULL,
  title_en    text NOT NULL,
  level       text,
  period      text,
  as_of_year  integer,
  url         text,
  body        text NOT NULL DEFAULT ''
);

CREATE TABLE IF NOT EXISTS citations (
  id          text PRIMARY KEY,               -- stable hash of document id + quote
  document_id text NOT NULL REFERENCES documents(id),
  quote       text NOT NULL
);

CREATE TABLE IF NOT EXISTS layers (
  id             text PRIMARY KEY,
  title_zh       text NOT NULL,
  title_en       text NOT NULL,
  theme          text NOT NULL,
  kind           text NOT NULL,
  geometry_type  text NOT NULL CHECK (geometry_type IN ('polygon', 'line', 'point')),
  style          jsonb NOT NULL DEFAULT '{}',
  sort           integer NOT NULL DEFAULT 0,
  description_zh text,
  description_en text
);

CREATE TABLE IF NOT EXISTS features (
  id          text PRIMARY KEY,
  layer_id    text NOT NULL REFERENCES layers(id),
  name_zh     text NOT NULL,
  name_en     text NOT NULL,
  parent_id   text,
  geom        geometry(Geometry, 4326) NOT NULL CHECK (ST_IsValid(geom)),
  accuracy    text NOT NULL CHECK (accuracy IN ('surveyed', 'digitised', 'schematic')),
  properties  jsonb NOT NULL DEFAULT '{}',
  seed_hash   text,                            -- hash of the seed record that last wrote this row
  version     integer NOT NULL DEFAULT 1,
  updated_at  timestamptz NOT NULL DEFAULT now(),
  updated_by  text NOT NULL DEFAULT 'system'
);
CREATE INDEX IF NOT EXISTS features_geom_gix ON features USING gist (geom);
CREATE INDEX IF NOT EXISTS features_layer_idx ON features (layer_id);
CREATE INDEX IF NOT EXISTS features_parent_idx ON features (parent_id);

CREATE TABLE IF NOT EXISTS feature_citations (
  feature_id  text NOT NULL REFERENCES features(id) ON DELETE CASCADE,
  citation_id text NOT NULL REFERENCES citations(id),
  PRIMARY KEY (feature_id, citation_id)
);

-- Every version of every feature, in order: the state after each insert/update, and a tombstone
-- with the last state on delete. No foreign key: history outlives the feature.
CREATE TABLE IF NOT EXISTS feature_history (
  id          bigserial PRIMARY KEY,
  feature_id  text NOT NULL,
  version     integer NOT NULL,
  op          text NOT NULL CHECK (op IN ('insert', 'update', 'delete')),
  layer_id    text NOT NULL,
  name_zh     text NOT NULL,
  name_en     text NOT NULL,
  parent_id   text,
  geom        geometry(Geometry, 4326) NOT NULL,
  accuracy    text NOT NULL,
  properties  jsonb NOT NULL,
  changed_by  text NOT NULL,
  changed_at  timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX IF NOT EXISTS feature_history_feature_idx ON feature_history (feature_id, version);

-- Monotonic data versions per scope ('all', 'layer:<id>'): cache keys and ETags derive from them,
-- so every instance sees an edit at once.
CREATE TABLE IF NOT EXISTS data_versions (
  scope    text PRIMARY KEY,
  version  bigint NOT NULL DEFAULT 0
);

CREATE OR REPLACE FUNCTION atlas_bump_version(p_scope text) RETURNS void LANGUAGE sql AS $$
  INSERT INTO data_versions (scope, version) VALUES (p_scope, 1)
  ON CONFLICT (scope) DO UPDATE SET version = data_versions.version + 1;
$$;

CREATE OR REPLACE FUNCTION atlas_feature_versioning() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  who text := coalesce(nullif(current_setting('atlas.user', true), ''), 'system');
BEGIN
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

DROP TRIGGER IF EXISTS features_versioning ON features;
CREATE TRIGGER features_versioning BEFORE INSERT OR UPDATE OR DELETE ON features
  FOR EACH ROW EXECUTE FUNCTION atlas_feature_versioning();

CREATE TABLE IF NOT EXISTS chains (
  id        text PRIMARY KEY,
  seq       integer NOT NULL,
  group_id  text NOT NULL,
  group_zh  text NOT NULL,
  group_en  text NOT NULL,
  name_zh   text NOT NULL,
  name_en   text NOT NULL,
  focus_zh  text NOT NULL,
  focus_en  text,
  keywords  text[] NOT NULL DEFAULT '{}'
);

-- Quantitative figures: actuals, targets and baselines, each with its citation.
CREATE TABLE IF NOT EXISTS targets (
  id            text PRIMARY KEY,
  subject_type  text NOT NULL CHECK (subject_type IN ('district', 'city', 'feature', 'chain', 'chain_group', 'cluster')),
  subject_id    text NOT NULL,
  kind          text NOT NULL CHECK (kind IN ('actual', 'target', 'baseline')),
  metric        text NOT NULL,
  metric_zh     text NOT NULL,
  metric_en     text NOT NULL,
  value_text    text NOT NULL,
  value         double precision,
  value_max     double precision,
  qualifier     text NOT NULL,
  unit          text NOT NULL,
  year          integer,
  base_year     integer,
  citation_id   text NOT NULL REFERENCES citations(id),
  sort          integer NOT NULL DEFAULT 0
);
CREATE INDEX IF NOT EXISTS targets_subject_idx ON targets (subject_type, subject_id);

CREATE TABLE IF NOT EXISTS feature_chains (
  feature_id  text NOT NULL REFERENCES features(id) ON DELETE CASCADE,
  chain_id    text NOT NULL REFERENCES chains(id),
  role        text NOT NULL,                   -- 'focus' (the park's documented focus) or 'leader'
  citation_id text REFERENCES citations(id),
  PRIMARY KEY (feature_id, chain_id, role)
);

CREATE TABLE IF NOT EXISTS saved_views (
  id          text PRIMARY KEY,
  title       text NOT NULL,
  note        text NOT NULL DEFAULT '',
  state       jsonb NOT NULL,
  sort        integer NOT NULL DEFAULT 0,
  version     integer NOT NULL DEFAULT 1,
  created_at  timestamptz NOT NULL DEFAULT now(),
  updated_at  timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE IF NOT EXISTS atlas_meta (
  key    text PRIMARY KEY,
  value  text NOT NULL
);
