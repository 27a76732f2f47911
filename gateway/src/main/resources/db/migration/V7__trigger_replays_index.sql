-- The dispatcher looks for due replays at every pass: an index that leads with replay finds them
-- without reading the ordinary deliveries waiting in the outbox (Outbox.claim).
CREATE INDEX trigger_deliveries_replays ON trigger_deliveries (replay, status, next_attempt_at);
