package dev.keapgw.cli;

/**
 * A failure to report as one message (what went wrong, then how to fix it) and an exit code.
 */
public final class CliFailure extends RuntimeException {
  private final int exitCode;
  private final String fix;

  public CliFailure(int exitCode, String problem, String fix) {
    super(problem);
    this.exitCode = exitCode;
    this.fix = fix;
  }

  public CliFailure(int exitCode, String problem, String fix, Throwable cause) {
    super(problem, cause);
    this.exitCode = exitCode;
    this.fix = fix;
  }

  public int exitCode() {
    return exitCode;
  }

  /** How to fix it, or null. */
  public String fix() {
    return fix;
  }

  public static CliFailure usage(String problem, String fix) {
    return new CliFailure(ExitCodes.USAGE, problem, fix);
  }

  public static CliFailure config(String problem, String fix) {
    return new CliFailure(ExitCodes.CONFIG, problem, fix);
  }
}
