package dev.keapgw.gateway.mcp;

/**
 * A tool call the gateway refuses before anything is sent: a missing or mistyped argument, an
 * unknown action, a write from a read-only caller. It becomes a tool error whose text says
 * what to change; {@link #outcome} labels it in the metrics.
 */
final class ToolFailure extends RuntimeException {
  private final String outcome;

  private ToolFailure(String outcome, String message) {
    super(message, null, false, false);
    this.outcome = outcome;
  }

  /** The caller's mistake in the arguments. */
  static ToolFailure invalid(String message) {
    return new ToolFailure("invalid_arguments", message);
  }

  /** A write refused by the read-only setting. */
  static ToolFailure readOnly(String message) {
    return new ToolFailure("read_only", message);
  }

  String outcome() {
    return outcome;
  }
}
