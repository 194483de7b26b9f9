-- Sign-in limits kept in the database, so every API process counts the same attempts
-- (api/src/auth/sign-in-limits.ts, docs/access-control.md "Sign-in limits").

-- One row per sign-in attempt that was let through to the password check, written before the
-- check (a reservation): parallel requests cannot all pass a count taken before any of them
-- failed. A success deletes its own (account, address) and device rows; the rest are failures.
-- Rows older than the longest window are pruned on every attempt, so the table stays small.
CREATE TABLE sign_in_attempts (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  -- The login as typed, normalised; unknown logins are counted like real ones.
  account text NOT NULL,
  -- The client address; an IPv6 address by its /64 (one client owns a whole /64).
  address text NOT NULL,
  -- SHA-256 of the browser's device token when it was trusted for this account, else NULL.
  device_hash text,
  attempted_at timestamptz NOT NULL
);
CREATE INDEX sign_in_attempts_account_idx ON sign_in_attempts (account, attempted_at);
CREATE INDEX sign_in_attempts_address_idx ON sign_in_attempts (address, attempted_at);
CREATE INDEX sign_in_attempts_device_idx ON sign_in_attempts (device_hash, attempted_at)
  WHERE device_hash IS NOT NULL;
CREATE INDEX sign_in_attempts_age_idx ON sign_in_attempts (attempted_at);

-- Browsers an account has signed in from (a device cookie, only its SHA-256 stored). Attempts
-- from such a browser are held to their own limit instead of the per-address and per-account
-- ones, so strangers exhausting those cannot lock the owner out of a browser they have used.
CREATE TABLE sign_in_devices (
  token_hash text PRIMARY KEY,
  user_id integer NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX sign_in_devices_user_idx ON sign_in_devices (user_id);
CREATE INDEX sign_in_devices_created_idx ON sign_in_devices (created_at);
