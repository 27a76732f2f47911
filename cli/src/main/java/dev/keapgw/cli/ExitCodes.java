package dev.keapgw.cli;

/**
 * The exit codes of {@code keap}, stable for scripts (documented in docs/CLIENT.md).
 */
public final class ExitCodes {
  /** Done. */
  public static final int OK = 0;
  /** Something unexpected failed (a bug, or an answer that is not what Keap sends). */
  public static final int FAILED = 1;
  /** The command line is wrong: an unknown command or option, a bad value, bad JSON in --data. */
  public static final int USAGE = 2;
  /** The configuration is missing or wrong: no API key, a bad URL, an unknown profile. */
  public static final int CONFIG = 3;
  /** The credential was refused (401) or may not do this (403). */
  public static final int AUTH = 4;
  /** No such resource or connection (404). */
  public static final int NOT_FOUND = 5;
  /** The request was refused as invalid (400, 405, 409, 413, 422 and other 4xx). */
  public static final int REJECTED = 6;
  /** Rate limited (429) after the retries. */
  public static final int RATE_LIMITED = 7;
  /** No usable connection: none ACTIVE, one that cannot get a token (424), or a wait that failed or timed out. */
  public static final int CONNECTION = 8;
  /** The gateway or Keap failed (5xx) after the retries. */
  public static final int SERVER = 9;
  /** The gateway or Keap could not be reached, or did not answer in time. */
  public static final int UNREACHABLE = 10;

  private ExitCodes() {}
}
