-- Staff accounts, the districts a municipal account may see, and sign-in sessions.

CREATE TYPE user_role AS ENUM ('admin', 'regional', 'municipal');

CREATE TABLE users (
  id serial PRIMARY KEY,
  -- Lower case: sign-in is case-insensitive and two accounts never differ by case alone.
  login text NOT NULL UNIQUE CHECK (login = lower(login) AND length(login) BETWEEN 2 AND 64),
  -- scrypt$N$r$p$salt$hash (base64url); see api/src/auth/password-hash.ts.
  password_hash text NOT NULL,
  role user_role NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);

-- Districts by NAME, not by id: districts are reloaded from files, and a reload that drops and
-- re-creates a district gives it a new id. The name is resolved to the current id on every
-- request; a name with no district behind it grants nothing (fail closed).
CREATE TABLE user_districts (
  user_id integer NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  district_name text NOT NULL,
  PRIMARY KEY (user_id, district_name)
);

-- Only a SHA-256 of the session token is stored: a leaked table or backup signs nobody in.
CREATE TABLE sessions (
  token_hash text PRIMARY KEY,
  user_id integer NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  created_at timestamptz NOT NULL DEFAULT now(),
  last_seen_at timestamptz NOT NULL DEFAULT now(),
  expires_at timestamptz NOT NULL
);
CREATE INDEX sessions_user_idx ON sessions (user_id);
CREATE INDEX sessions_expires_idx ON sessions (expires_at);
