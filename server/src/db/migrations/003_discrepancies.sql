-- 003: contradictions between and within the documents, each with every side's citation.
CREATE TABLE IF NOT EXISTS discrepancies (
  id              text PRIMARY KEY,
  kind            text NOT NULL,
  title_zh        text NOT NULL,
  title_en        text NOT NULL,
  explanation_zh  text,
  explanation_en  text,
  subjects        text[] NOT NULL DEFAULT '{}',
  claims          jsonb NOT NULL,        -- [{ text, citation_id }]
  computed        jsonb,
  sort            integer NOT NULL DEFAULT 0
);
