-- Ingest API keys: each writes one source only (POST /api/v1/messages), so a client can neither
-- create nor overwrite another source's messages. The source is kept by NAME: sources rows are
-- created by the first write, and a key may be issued before its source has any message.
-- Only a SHA-256 of the key is stored (256 random bits need no slow hash): a leaked table or
-- backup writes nothing. A revoked key stays listed, for the record.
CREATE TABLE api_keys (
  id serial PRIMARY KEY,
  key_hash text NOT NULL UNIQUE,
  source text NOT NULL CHECK (length(source) BETWEEN 1 AND 100),
  label text CHECK (length(label) <= 200),
  created_at timestamptz NOT NULL DEFAULT now(),
  revoked_at timestamptz
);
