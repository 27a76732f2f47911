-- An account the operator limits to reading through the MCP endpoint: its agents' tools that
-- change anything (a write to Keap, a connection created or deleted) are refused.
ALTER TABLE accounts ADD COLUMN mcp_read_only BOOLEAN DEFAULT FALSE NOT NULL;
