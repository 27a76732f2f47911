package dev.keapgw.gateway.prove;

/**
 * Who is who in the hostile-input run: account A (the caller) and account B (another tenant),
 * each with an ACTIVE connection, A also with a PENDING one; a revoked key of A; an account the
 * admin cases may change; and the access tokens the upstream sees for A's and B's connections.
 */
record Actors(
    String keyA,
    String keyB,
    String revokedKeyA,
    String activeA,
    String pendingA,
    String activeB,
    String tokenA,
    String tokenB,
    String victimAccount,
    String adminToken,
    int echoPort) {

  /** Whose request it is, as the gateway resolves the first Authorization header. */
  enum Who {
    A,
    B,
    NOBODY
  }

  String tokenOf(Who who) {
    return switch (who) {
      case A -> tokenA;
      case B -> tokenB;
      case NOBODY -> null;
    };
  }

  String activeOf(Who who) {
    return switch (who) {
      case A -> activeA;
      case B -> activeB;
      case NOBODY -> null;
    };
  }
}
