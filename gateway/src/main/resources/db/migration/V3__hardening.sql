-- Per-account caps on connections, set by the operator through the admin API; NULL means the
-- gateway's defaults (see connection.ConnectionCaps).
ALTER TABLE accounts ADD COLUMN max_connections INTEGER;
ALTER TABLE accounts ADD COLUMN max_pending_connections INTEGER;

-- OAuth states are bounded per connection and forgotten by expiry: both need an index.
CREATE INDEX oauth_states_connection ON oauth_states (connection_id, expires_at);
CREATE INDEX oauth_states_expiry ON oauth_states (expires_at);
