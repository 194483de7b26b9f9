-- API keys get a name (what `apikey remove --name` and the operator call them), a scope (write: POST
-- messages into the key's source; read: read as a regional account does, or as a municipal account of
-- the key's districts; both) and, for reads, districts. Keys issued before this were ingest keys: they
-- keep writing and read nothing, under the name key-<id>.
ALTER TABLE api_keys ADD COLUMN name text;
UPDATE api_keys SET name = 'key-' || id;
ALTER TABLE api_keys
  ALTER COLUMN name SET NOT NULL,
  ADD CONSTRAINT api_keys_name_length CHECK (length(name) BETWEEN 1 AND 100),
  ADD COLUMN scope text NOT NULL DEFAULT 'write' CHECK (scope IN ('write', 'read', 'both'));
-- A name is reused only once its key is revoked (revoked keys stay listed, for the record).
CREATE UNIQUE INDEX api_keys_live_name_idx ON api_keys (name) WHERE revoked_at IS NULL;

-- Districts by NAME, as user_districts: resolved to the current ids on every request, so a reload of
-- the districts neither widens nor misdirects a key; a name with no district behind it grants nothing.
CREATE TABLE api_key_districts (
  api_key_id integer NOT NULL REFERENCES api_keys (id) ON DELETE CASCADE,
  district_name text NOT NULL,
  PRIMARY KEY (api_key_id, district_name)
);
