-- 014: the industry-chain taxonomy of seeds/taxonomy/ (segments, GB/T 4754-2017 classes, synonyms, the parks the
-- documents say host a segment and the enterprises they name in it). The seed loader rewrites these tables in its
-- transaction; every citation is a row of citations, so the same quote check and atlas_citation() serve them.

CREATE TABLE IF NOT EXISTS gbt_classes (
  code     text PRIMARY KEY CHECK (code ~ '^[0-9]{4}$'),   -- GB/T 4754-2017 小类
  name_zh  text NOT NULL
);

-- Chain-level part: the classes the chain spans and its synonyms (besides chains.name_* and chains.keywords).
CREATE TABLE IF NOT EXISTS chain_taxonomy (
  chain_id  text PRIMARY KEY REFERENCES chains(id) ON DELETE CASCADE,
  codes     text[] NOT NULL DEFAULT '{}',
  terms_zh  text[] NOT NULL DEFAULT '{}',
  terms_en  text[] NOT NULL DEFAULT '{}'
);

CREATE TABLE IF NOT EXISTS chain_segments (
  chain_id           text NOT NULL REFERENCES chains(id) ON DELETE CASCADE,
  id                 text NOT NULL,
  seq                integer NOT NULL,
  stage              text NOT NULL CHECK (stage IN ('upstream', 'midstream', 'downstream')),
  parent_id          text,
  name_zh            text NOT NULL,
  name_en            text NOT NULL,
  terms_zh           text[] NOT NULL DEFAULT '{}',
  terms_en           text[] NOT NULL DEFAULT '{}',
  codes              text[] NOT NULL DEFAULT '{}',
  basis_citation_id  text REFERENCES citations(id),
  PRIMARY KEY (chain_id, id)
);

-- park_id is a feature id (layer parks); no foreign key, so staff can redraw or remove a park without losing the
-- documents' statement; queries join features for its current name.
CREATE TABLE IF NOT EXISTS segment_parks (
  chain_id     text NOT NULL,
  segment_id   text NOT NULL,
  park_id      text NOT NULL,
  citation_id  text NOT NULL REFERENCES citations(id),
  seq          integer NOT NULL,
  PRIMARY KEY (chain_id, segment_id, seq),
  FOREIGN KEY (chain_id, segment_id) REFERENCES chain_segments(chain_id, id) ON DELETE CASCADE
);

CREATE TABLE IF NOT EXISTS segment_enterprises (
  chain_id            text NOT NULL,
  segment_id          text NOT NULL,
  seq                 integer NOT NULL,
  name_zh             text NOT NULL,
  name_en             text NOT NULL,
  scope               text NOT NULL CHECK (scope IN ('district', 'city')),
  park_id             text,
  citation_id         text NOT NULL REFERENCES citations(id),
  former_citation_id  text REFERENCES citations(id),
  PRIMARY KEY (chain_id, segment_id, seq),
  FOREIGN KEY (chain_id, segment_id) REFERENCES chain_segments(chain_id, id) ON DELETE CASCADE
);

-- Every citation the taxonomy uses, so the seed loader's clean-up of unused citations keeps them.
CREATE OR REPLACE VIEW taxonomy_citation_refs AS
  SELECT basis_citation_id AS citation_id FROM chain_segments WHERE basis_citation_id IS NOT NULL
  UNION SELECT citation_id FROM segment_parks
  UNION SELECT citation_id FROM segment_enterprises
  UNION SELECT former_citation_id FROM segment_enterprises WHERE former_citation_id IS NOT NULL;

-- GB/T classes as [{code, name_zh}] in the order of the given codes (unknown codes are left out).
CREATE OR REPLACE FUNCTION atlas_gbt_classes(p_codes text[]) RETURNS json LANGUAGE sql STABLE AS $$
  SELECT coalesce(json_agg(json_build_object('code', g.code, 'name_zh', g.name_zh) ORDER BY x.ord), '[]'::json)
  FROM unnest(p_codes) WITH ORDINALITY AS x(code, ord) JOIN gbt_classes g ON g.code = x.code
$$;

-- One segment as the API serves it (TaxonomySegment of contract/taxonomy.ts): classes, basis, host parks with the
-- park's current name, named enterprises, and gap = no district enterprise that a later document does not speak of
-- in the past.
CREATE OR REPLACE FUNCTION atlas_segment_json(s chain_segments) RETURNS json LANGUAGE sql STABLE AS $$
  SELECT json_build_object(
    'id', s.id, 'stage', s.stage,
    'stage_zh', CASE s.stage WHEN 'upstream' THEN '上游' WHEN 'midstream' THEN '中游' ELSE '下游' END,
    'parent', s.parent_id, 'name_zh', s.name_zh, 'name_en', s.name_en,
    'terms_zh', s.terms_zh, 'terms_en', s.terms_en, 'codes', atlas_gbt_classes(s.codes),
    'basis', CASE WHEN s.basis_citation_id IS NULL THEN NULL ELSE atlas_citation(s.basis_citation_id) END,
    'parks', coalesce((
      SELECT json_agg(json_build_object('park_id', p.park_id, 'name_zh', coalesce(f.name_zh, p.park_id), 'name_en', coalesce(f.name_en, p.park_id),
                                        'citation', atlas_citation(p.citation_id)) ORDER BY p.seq)
      FROM segment_parks p LEFT JOIN features f ON f.id = p.park_id
      WHERE p.chain_id = s.chain_id AND p.segment_id = s.id), '[]'::json),
    'enterprises', coalesce((
      SELECT json_agg(json_build_object('name_zh', e.name_zh, 'name_en', e.name_en, 'scope', e.scope, 'park_id', e.park_id,
                                        'citation', atlas_citation(e.citation_id),
                                        'former', CASE WHEN e.former_citation_id IS NULL THEN NULL ELSE atlas_citation(e.former_citation_id) END) ORDER BY e.seq)
      FROM segment_enterprises e WHERE e.chain_id = s.chain_id AND e.segment_id = s.id), '[]'::json),
    'gap', NOT EXISTS (SELECT 1 FROM segment_enterprises e WHERE e.chain_id = s.chain_id AND e.segment_id = s.id
                         AND e.scope = 'district' AND e.former_citation_id IS NULL))
$$;
