-- 006: briefings — ordered sequences of saved views with a title slide and a caption per step.
CREATE TABLE IF NOT EXISTS briefings (
  id          text PRIMARY KEY,
  title       text NOT NULL,
  subtitle    text NOT NULL DEFAULT '',
  steps       jsonb NOT NULL DEFAULT '[]',   -- [{ view_id, caption }]
  version     integer NOT NULL DEFAULT 1,
  created_by  text NOT NULL,
  created_at  timestamptz NOT NULL DEFAULT now(),
  updated_at  timestamptz NOT NULL DEFAULT now()
);
ALTER TABLE saved_views ADD COLUMN IF NOT EXISTS created_by text NOT NULL DEFAULT 'system';
