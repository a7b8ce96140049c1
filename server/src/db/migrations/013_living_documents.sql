-- 013: living documents and figures. Documents are uploaded (the five seed documents come through the
-- same pipeline) and kept as paragraphs with pages; English renderings are stored per paragraph and per
-- quote, marked as translations; figures carry who wrote them and are superseded by a newer document's
-- figure for the same subject, metric and year; the extractor's suggestions and their decisions are
-- kept; named structures (“4+2”, 两园两基地) are data; discrepancies are computed from all of it (only a
-- few curated ones stay listed) and staff resolutions are an append-only history.

ALTER TABLE documents ADD COLUMN IF NOT EXISTS format text CHECK (format IN ('txt', 'md', 'pdf', 'docx'));
-- sha256 of the whitespace-free text: the same content twice (in any format) is refused.
ALTER TABLE documents ADD COLUMN IF NOT EXISTS content_hash text;
ALTER TABLE documents ADD COLUMN IF NOT EXISTS status text NOT NULL DEFAULT 'final' CHECK (status IN ('draft', 'final', 'superseded'));
ALTER TABLE documents ADD COLUMN IF NOT EXISTS superseded_by text REFERENCES documents(id) DEFERRABLE INITIALLY DEFERRED; -- restores load rows in id order
ALTER TABLE documents ADD COLUMN IF NOT EXISTS issuer text;
ALTER TABLE documents ADD COLUMN IF NOT EXISTS issued_on date;
ALTER TABLE documents ADD COLUMN IF NOT EXISTS language text NOT NULL DEFAULT 'zh';
ALTER TABLE documents ADD COLUMN IF NOT EXISTS pages integer;
ALTER TABLE documents ADD COLUMN IF NOT EXISTS file_bytes integer;
ALTER TABLE documents ADD COLUMN IF NOT EXISTS uploaded_by text;
ALTER TABLE documents ADD COLUMN IF NOT EXISTS uploaded_at timestamptz NOT NULL DEFAULT now();
CREATE UNIQUE INDEX IF NOT EXISTS documents_content_hash_key ON documents (content_hash);
-- Every document before this migration came from the seed.
UPDATE documents SET uploaded_by = 'seed' WHERE uploaded_by IS NULL;

CREATE TABLE IF NOT EXISTS document_paragraphs (
  document_id  text NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  seq          integer NOT NULL,                -- 1-based, as splitParagraphs numbers them
  page         integer,                         -- the page it starts on; null for text without pages
  key          text NOT NULL,                   -- paragraphKey(text): translations are keyed by it
  text         text NOT NULL,
  PRIMARY KEY (document_id, seq)
);

CREATE TABLE IF NOT EXISTS paragraph_translations (
  document_id  text NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  key          text NOT NULL,
  en           text NOT NULL CHECK (en <> ''),  -- a missing translation is no row, never an empty one
  PRIMARY KEY (document_id, key)
);

-- A quote's English rendering (a translation, not evidence) and its place: the first and last paragraph it spans.
ALTER TABLE citations ADD COLUMN IF NOT EXISTS quote_en text;
ALTER TABLE citations ADD COLUMN IF NOT EXISTS first_seq integer;
ALTER TABLE citations ADD COLUMN IF NOT EXISTS last_seq integer;

-- Figures: sites become subjects; each figure says who wrote it last and has a version for If-Match.
ALTER TABLE targets DROP CONSTRAINT IF EXISTS targets_subject_type_check;
ALTER TABLE targets ADD CONSTRAINT targets_subject_type_check
  CHECK (subject_type IN ('district', 'city', 'feature', 'chain', 'chain_group', 'cluster', 'site'));
ALTER TABLE targets ADD COLUMN IF NOT EXISTS origin text NOT NULL DEFAULT 'seed' CHECK (origin IN ('seed', 'staff'));
ALTER TABLE targets ADD COLUMN IF NOT EXISTS version integer NOT NULL DEFAULT 1;
ALTER TABLE targets ADD COLUMN IF NOT EXISTS updated_by text NOT NULL DEFAULT 'seed';
ALTER TABLE targets ADD COLUMN IF NOT EXISTS updated_at timestamptz NOT NULL DEFAULT now();

-- Named systems and structures as the documents define them, one row per defining quote.
CREATE TABLE IF NOT EXISTS structures (
  id            text PRIMARY KEY,
  subject_type  text NOT NULL,
  subject_id    text NOT NULL,
  system        text NOT NULL,                  -- 'industry-system', 'spatial-layout', 'spatial-structure'
  name          text NOT NULL,                  -- as written: '4+2', '两园两基地', '一核三极三城'
  citation_id   text NOT NULL REFERENCES citations(id),
  note          text,
  origin        text NOT NULL DEFAULT 'seed' CHECK (origin IN ('seed', 'staff')),
  created_by    text NOT NULL DEFAULT 'seed',
  created_at    timestamptz NOT NULL DEFAULT now(),
  sort          integer NOT NULL DEFAULT 0
);
CREATE INDEX IF NOT EXISTS structures_subject_idx ON structures (subject_type, subject_id, system);

-- Reviewed relations between figures (a total and its parts, a district industry inside the city's
-- chains): the discrepancy computation checks them against the current figures every time.
CREATE TABLE IF NOT EXISTS figure_relations (
  id        text PRIMARY KEY,
  kind      text NOT NULL,                      -- the discrepancy kind it yields: 'sum' or 'figure'
  relation  text NOT NULL CHECK (relation IN ('equal', 'within')),
  lhs       jsonb NOT NULL,                     -- [selector]: {subject_type, subject_id | subject_ids | chain_group, metric, segment?}
  rhs       jsonb NOT NULL,
  label_zh  text NOT NULL,
  label_en  text NOT NULL,
  note_zh   text,
  note_en   text,
  sort      integer NOT NULL DEFAULT 0
);

-- What the extractor proposed for a document, and what staff decided.
CREATE TABLE IF NOT EXISTS document_suggestions (
  id             text PRIMARY KEY,              -- '<document id>-<seq>'
  document_id    text NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  seq            integer NOT NULL,
  type           text NOT NULL CHECK (type IN ('figure', 'structure')),
  pattern        text NOT NULL,                 -- the rule that found it
  proposal       jsonb NOT NULL,
  quote          text NOT NULL,
  paragraph_seq  integer,
  status         text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'accepted', 'rejected')),
  decided_by     text,
  decided_at     timestamptz,
  reason         text,
  figure_id      text,
  structure_id   text,
  UNIQUE (document_id, seq)
);

-- Curated discrepancies say why they are not computed.
ALTER TABLE discrepancies ADD COLUMN IF NOT EXISTS note text;

-- Staff decisions on computed (or curated) discrepancies: append-only. A resolution holds for the data it
-- was made on (fingerprint); when the figures behind a discrepancy change, it is open again.
CREATE TABLE IF NOT EXISTS discrepancy_resolutions (
  id              bigserial PRIMARY KEY,
  discrepancy_id  text NOT NULL,
  action          text NOT NULL CHECK (action IN ('resolve', 'reopen')),
  reason          text NOT NULL,
  fingerprint     text NOT NULL,
  by_user         text NOT NULL,
  at              timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX IF NOT EXISTS discrepancy_resolutions_idx ON discrepancy_resolutions (discrepancy_id, id);

-- When a document speaks for: its issue date, else the end of its as-of year, else (staff uploads only)
-- the upload day. A seed document without either date is the oldest.
CREATE OR REPLACE FUNCTION atlas_document_date(d documents) RETURNS date LANGUAGE sql STABLE AS $$
  SELECT coalesce(d.issued_on, make_date(d.as_of_year, 12, 31),
                  CASE WHEN d.uploaded_by IS DISTINCT FROM 'seed' THEN d.uploaded_at::date END)
$$;

-- The figure that supersedes this one: the same subject, metric, segment, year and kind class (target,
-- or measured = actual/baseline) from the newest other document (a document marked superseded ranks
-- below every live one). Null when this figure is current.
CREATE OR REPLACE FUNCTION atlas_superseded_by(t targets) RETURNS text LANGUAGE sql STABLE AS $$
  SELECT n.id
  FROM citations tc JOIN documents td ON td.id = tc.document_id,
       targets n JOIN citations nc ON nc.id = n.citation_id JOIN documents nd ON nd.id = nc.document_id
  WHERE tc.id = t.citation_id
    AND n.subject_type = t.subject_type AND n.subject_id = t.subject_id AND n.metric = t.metric
    AND coalesce(n.details->>'segment', '') = coalesce(t.details->>'segment', '')
    AND n.year IS NOT DISTINCT FROM t.year AND (n.kind = 'target') = (t.kind = 'target')
    AND nd.id <> td.id
    AND ((nd.status <> 'superseded')::int, coalesce(atlas_document_date(nd), '-infinity'::date))
      > ((td.status <> 'superseded')::int, coalesce(atlas_document_date(td), '-infinity'::date))
  ORDER BY (nd.status <> 'superseded') DESC, atlas_document_date(nd) DESC NULLS LAST, n.sort, n.id
  LIMIT 1
$$;

CREATE OR REPLACE FUNCTION atlas_citation(p_id text) RETURNS json LANGUAGE sql STABLE AS $$
  SELECT json_build_object('id', c.id, 'document_id', c.document_id, 'document_title_zh', d.title_zh,
                           'document_title_en', d.title_en, 'quote', c.quote, 'quote_en', c.quote_en,
                           'first_seq', c.first_seq, 'last_seq', c.last_seq)
  FROM citations c JOIN documents d ON d.id = c.document_id
  WHERE c.id = p_id
$$;

CREATE OR REPLACE FUNCTION atlas_figure(t targets) RETURNS json LANGUAGE sql STABLE AS $$
  SELECT json_build_object('id', t.id, 'subject_type', t.subject_type, 'subject_id', t.subject_id, 'kind', t.kind,
    'metric', t.metric, 'metric_zh', t.metric_zh, 'metric_en', t.metric_en, 'value_text', t.value_text,
    'value', t.value, 'value_max', t.value_max, 'qualifier', t.qualifier, 'unit', t.unit, 'year', t.year,
    'base_year', t.base_year, 'details', t.details, 'citation', atlas_citation(t.citation_id),
    'superseded_by', atlas_superseded_by(t), 'origin', t.origin, 'version', t.version,
    'updated_by', t.updated_by, 'updated_at', t.updated_at)
$$;
