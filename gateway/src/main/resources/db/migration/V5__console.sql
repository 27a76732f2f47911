-- The web console (docs/CONSOLE.md).

-- A signed-in browser. The cookie's token is stored only as its SHA-256. An account session
-- belongs to the API key it was opened with: it ends when that key is revoked (every lookup
-- joins the key) or its account is deleted (cascade). An operator session keeps a digest of
-- the admin token it was opened with, and ends when the gateway runs with another token.
CREATE TABLE console_sessions (
  token_hash VARCHAR(64) PRIMARY KEY,
  kind VARCHAR(16) NOT NULL,
  account_id VARCHAR(36) REFERENCES accounts(id) ON DELETE CASCADE,
  key_id VARCHAR(36) REFERENCES api_keys(id) ON DELETE CASCADE,
  admin_digest VARCHAR(64),
  created_at BIGINT NOT NULL,
  expires_at BIGINT NOT NULL
);
CREATE INDEX console_sessions_expiry ON console_sessions (expires_at);

-- Token health: the last failed refresh attempt, why and when (kept after a later success,
-- so the console can say what happened last).
ALTER TABLE connections ADD COLUMN last_refresh_error TEXT;
ALTER TABLE connections ADD COLUMN last_refresh_error_at BIGINT;
