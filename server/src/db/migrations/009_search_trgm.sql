-- 009: search by trigram index. /api/search finds features whose lower-cased name (zh or en) contains
-- the query; without an index that reads every name (2.3 s over a million parcels in bench/report.md).
-- pg_trgm (contrib; loaded into PGlite by db/database.ts) indexes the trigrams of each lower-cased name,
-- so `lower(name) LIKE '%…%'` is answered from the GIN index. Both engines use a C.UTF-8 ctype, where CJK
-- characters count as word characters, so Chinese names get trigrams too. Queries under three
-- characters have no trigram and fall back to reading the names, as before; results are the same.
-- Schema-qualified operator class: index builds run with a restricted search_path.
CREATE EXTENSION IF NOT EXISTS pg_trgm;
CREATE INDEX IF NOT EXISTS features_name_zh_trgm_idx ON features USING gin (lower(name_zh) public.gin_trgm_ops);
CREATE INDEX IF NOT EXISTS features_name_en_trgm_idx ON features USING gin (lower(name_en) public.gin_trgm_ops);
