-- 005: accounts, sessions and the audit log of every write.
CREATE TABLE IF NOT EXISTS users (
  username       text PRIMARY KEY CHECK (username ~ '^[a-z0-9_.-]{2,40}$'),
  password_hash  text NOT NULL,
  role           text NOT NULL CHECK (role IN ('editor', 'admin')),
  created_at     timestamptz NOT NULL DEFAULT now(),
  disabled       boolean NOT NULL DEFAULT false
);

-- Session ids are stored hashed: a leaked table gives no usable cookie.
CREATE TABLE IF NOT EXISTS sessions (
  id_hash     text PRIMARY KEY,
  username    text NOT NULL REFERENCES users(username) ON DELETE CASCADE,
  csrf_token  text NOT NULL,
  created_at  timestamptz NOT NULL DEFAULT now(),
  expires_at  timestamptz NOT NULL
);
CREATE INDEX IF NOT EXISTS sessions_user_idx ON sessions (username);

CREATE TABLE IF NOT EXISTS audit_log (
  id         bigserial PRIMARY KEY,
  at         timestamptz NOT NULL DEFAULT now(),
  username   text NOT NULL,
  action     text NOT NULL,
  target     text,
  details    jsonb NOT NULL DEFAULT '{}'
);
