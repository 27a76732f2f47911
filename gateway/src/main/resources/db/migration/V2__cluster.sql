-- Running as a cluster (several instances on one PostgreSQL).

-- A refresh in flight: set and committed before the upstream's token endpoint is called with the
-- refresh token of token_version = refresh_spent_version, cleared when the outcome is committed.
-- One left behind by an instance that died in between means the rotated refresh token may be
-- lost: the next reader marks the connection FAILED so its owner reconnects.
ALTER TABLE connections ADD COLUMN refresh_started_at BIGINT;
ALTER TABLE connections ADD COLUMN refresh_spent_version BIGINT;

-- Named leases with an expiry, so that one instance at a time does a periodic job.
CREATE TABLE leases (
  name VARCHAR(64) PRIMARY KEY,
  holder VARCHAR(64),
  expires_at BIGINT NOT NULL
);
INSERT INTO leases (name, holder, expires_at) VALUES ('keep-alive-sweeper', NULL, 0);
