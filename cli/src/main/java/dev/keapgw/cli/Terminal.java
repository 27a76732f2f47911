package dev.keapgw.cli;

import java.io.Console;
import java.lang.reflect.Method;
import java.util.Map;

/**
 * Which of stdin, stdout and stderr are terminals. Java cannot ask that of each stream, so the
 * {@code ./keap} launcher tests them ({@code [ -t 0 ]}...) and passes the answer in
 * {@code KEAP_TTY} (e.g. {@code in,out,err}); without it, a console means all three are.
 *
 * @param stdin whether a person may be typing (prompts are allowed only then)
 * @param stdout whether output is read by a person (a table by default) or a program
 * @param stderr whether progress may be drawn
 */
public record Terminal(boolean stdin, boolean stdout, boolean stderr) {
  public static final Terminal NONE = new Terminal(false, false, false);
  public static final Terminal ALL = new Terminal(true, true, true);

  /** From {@code KEAP_TTY} if set, else from the console. */
  public static Terminal detect(Map<String, String> env) {
    String tty = env.get("KEAP_TTY");
    if (tty != null) {
      return new Terminal(tty.contains("in"), tty.contains("out"), tty.contains("err"));
    }
    return console() ? ALL : NONE;
  }

  private static boolean console() {
    Console c = System.console();
    if (c == null) {
      return false;
    }
    try {
      // Since Java 22 a console exists even when redirected; isTerminal() tells the difference.
      Method isTerminal = Console.class.getMethod("isTerminal");
      return (Boolean) isTerminal.invoke(c);
    } catch (ReflectiveOperationException e) {
      return true;
    }
  }
}
