package dev.keapgw.gateway.connection;

/**
 * The connect link of a connection that needs authorizing: a url that works now (a fresh
 * session when the last one was used or has expired), whatever the status of the connection
 * as it was read. Blocking: it may write a new session.
 */
@FunctionalInterface
public interface ConnectLinks {
  String currentUrl(Connection connection);
}
