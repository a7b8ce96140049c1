-- 011: one- and two-character searches by index. Trigrams (009) cannot answer a query shorter than three
-- characters, and in Chinese two characters are a common query (医药, 园区): those read every name
-- (1.3 s over a million parcels in bench/quick-server.json). These GIN indexes hold each name's characters
-- (string_to_array with a NULL delimiter splits a text into its characters, a cheap built-in): a name that
-- contains q has every character of q, so `chars(name) @> chars(q)` finds the candidates from the index and
-- `position(q IN name) > 0` keeps exactly those that contain q. search.sql takes this path by the query's
-- length; the planner sees the length (unnamed statements are planned with their parameters).
CREATE INDEX IF NOT EXISTS features_name_zh_chars_idx ON features USING gin (string_to_array(lower(name_zh), NULL));
CREATE INDEX IF NOT EXISTS features_name_en_chars_idx ON features USING gin (string_to_array(lower(name_en), NULL));
