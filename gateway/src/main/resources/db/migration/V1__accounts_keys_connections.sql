-- Times are epoch microseconds (BIGINT): portable between the embedded store and PostgreSQL,
-- and free of time-zone conversions.

CREATE TABLE accounts (
  id VARCHAR(36) PRIMARY KEY,
  name VARCHAR(200) NOT NULL,
  rate_limit_per_second INTEGER,
  created_at BIGINT NOT NULL
);

CREATE TABLE api_keys (
  id VARCHAR(36) PRIMARY KEY,
  account_id VARCHAR(36) NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
  name VARCHAR(200),
  key_hash VARCHAR(64) NOT NULL UNIQUE,
  created_at BIGINT NOT NULL,
  last_used_at BIGINT,
  revoked_at BIGINT
);
CREATE INDEX api_keys_account ON api_keys (account_id);

CREATE TABLE connections (
  id VARCHAR(36) PRIMARY KEY,
  account_id VARCHAR(36) NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
  app VARCHAR(64) NOT NULL,
  status VARCHAR(16) NOT NULL,
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL,
  metadata TEXT NOT NULL,
  failure_reason TEXT,
  -- the connect link's session token: its hash to find it, sealed to show it again
  session_hash VARCHAR(64),
  session_token_enc TEXT,
  session_expires_at BIGINT,
  -- tokens, sealed with AES-256-GCM
  access_token_enc TEXT,
  access_expires_at BIGINT,
  refresh_token_enc TEXT,
  refreshed_at BIGINT,
  refresh_failures INTEGER NOT NULL DEFAULT 0,
  next_refresh_at BIGINT,
  token_version BIGINT NOT NULL DEFAULT 0
);
CREATE INDEX connections_account ON connections (account_id, app, status, created_at);
CREATE UNIQUE INDEX connections_session ON connections (session_hash);

-- OAuth state values handed to the upstream's authorize page: single use, short-lived.
CREATE TABLE oauth_states (
  state_hash VARCHAR(64) PRIMARY KEY,
  connection_id VARCHAR(36) NOT NULL REFERENCES connections(id) ON DELETE CASCADE,
  expires_at BIGINT NOT NULL,
  used_at BIGINT
);
