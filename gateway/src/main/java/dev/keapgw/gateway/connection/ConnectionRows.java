package dev.keapgw.gateway.connection;

import dev.keapgw.gateway.store.Times;
import java.sql.ResultSet;
import java.sql.SQLException;

/** How a row of the {@code connections} table is read: the columns selected and their mapping. */
final class ConnectionRows {
  private ConnectionRows() {}

  static final String COLUMNS = "id, account_id, app, status, created_at, updated_at, metadata,"
      + " failure_reason, session_token_enc, session_expires_at, access_token_enc, access_expires_at,"
      + " refresh_token_enc, refreshed_at, refresh_failures, next_refresh_at, token_version";

  static Connection map(ResultSet rs) throws SQLException {
    return new Connection(
        rs.getString("id"),
        rs.getString("account_id"),
        rs.getString("app"),
        ConnectionStatus.valueOf(rs.getString("status")),
        Times.instant(rs.getLong("created_at")),
        Times.instant(rs.getLong("updated_at")),
        rs.getString("metadata"),
        rs.getString("failure_reason"),
        rs.getString("session_token_enc"),
        Times.instant(rs.getObject("session_expires_at", Long.class)),
        rs.getString("access_token_enc"),
        Times.instant(rs.getObject("access_expires_at", Long.class)),
        rs.getString("refresh_token_enc"),
        Times.instant(rs.getObject("refreshed_at", Long.class)),
        rs.getInt("refresh_failures"),
        Times.instant(rs.getObject("next_refresh_at", Long.class)),
        rs.getLong("token_version"));
  }
}
