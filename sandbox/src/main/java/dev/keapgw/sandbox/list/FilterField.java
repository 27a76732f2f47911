package dev.keapgw.sandbox.list;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;

/**
 * One field a resource can be filtered on: the operators it takes, whether a trailing
 * {@code *} is allowed, and how a row is tested. Factories cover Keap's kinds of fields; a
 * resource with an odd rule passes its own {@link Matcher}.
 */
public record FilterField(
    String name, Set<Op> ops, boolean wildcard, Matcher matcher, String index, ValueCheck check) {

  /** Says whether a clause's value has the field's type; a failing value answers 400. */
  @FunctionalInterface
  public interface ValueCheck {
    boolean valid(String value);

    ValueCheck ANY = v -> true;
    ValueCheck NUMBER = v -> {
      try {
        Double.parseDouble(v);
        return true;
      } catch (NumberFormatException e) {
        return false;
      }
    };
    ValueCheck TIME = v -> {
      try {
        parseTime(v);
        return true;
      } catch (DateTimeParseException e) {
        return false;
      }
    };
    ValueCheck BOOLEAN = v ->
        v.equalsIgnoreCase("true") || v.equalsIgnoreCase("false") || v.equals("0") || v.equals("1");
  }

  public FilterField(String name, Set<Op> ops, boolean wildcard, Matcher matcher, String index) {
    this(name, ops, wildcard, matcher, index, ValueCheck.ANY);
  }

  /** This field with a value check. */
  public FilterField checked(ValueCheck c) {
    return new FilterField(name, ops, wildcard, matcher, index, c);
  }

  /** Tests one row against one clause of this field. */
  @FunctionalInterface
  public interface Matcher {
    boolean matches(ObjectNode row, Clause clause);
  }

  /** Case-insensitive text; {@code ==} matches when any of the row's values matches. */
  public static FilterField text(
      String name, boolean wildcard, Function<ObjectNode, List<String>> values) {
    return new FilterField(name, Op.EQ_NE, wildcard, textMatcher(values), null);
  }

  /** Like {@link #text} and answered from the table's exact-match index of the same name. */
  public static FilterField indexedText(
      String name, boolean wildcard, Function<ObjectNode, List<String>> values) {
    return new FilterField(name, Op.EQ_NE, wildcard, textMatcher(values), name);
  }

  /** An id or other exact value; a comma-separated value matches any of its items. */
  public static FilterField exact(String name, Function<ObjectNode, List<String>> values) {
    return new FilterField(
        name,
        Op.EQ_NE,
        false,
        (row, c) -> {
          List<String> have = values.apply(row);
          boolean any = c.values().stream().anyMatch(have::contains);
          return c.op() == Op.NE ? !any : any;
        },
        null);
  }

  /** A number compared numerically with the given operators. */
  public static FilterField number(String name, Set<Op> ops, Function<ObjectNode, String> value) {
    return new FilterField(
        name,
        ops,
        false,
        (row, c) -> {
          String v = value.apply(row);
          if (v == null) {
            return false;
          }
          return c.op()
              .accepts(Double.compare(Double.parseDouble(v), Double.parseDouble(c.value())));
        },
        null,
        ValueCheck.NUMBER);
  }

  /** {@code true}/{@code false} (or 1/0). */
  public static FilterField bool(String name, Function<ObjectNode, Boolean> value) {
    return new FilterField(
        name,
        Op.EQ_NE,
        false,
        (row, c) -> {
          boolean want = c.value().equalsIgnoreCase("true") || c.value().equals("1");
          boolean eq = Boolean.valueOf(want).equals(value.apply(row));
          return c.op() == Op.NE ? !eq : eq;
        },
        null,
        ValueCheck.BOOLEAN);
  }

  /**
   * A date bound written with {@code ==}, as Keap's {@code since_time==X} (on or after X) and
   * {@code until_time==X} (on or before X).
   */
  public static FilterField since(String name, Function<ObjectNode, String> time) {
    return bound(name, time, true);
  }

  public static FilterField until(String name, Function<ObjectNode, String> time) {
    return bound(name, time, false);
  }

  private static FilterField bound(String name, Function<ObjectNode, String> time, boolean since) {
    return new FilterField(
        name,
        Op.EQUALITY,
        false,
        (row, c) -> {
          String t = time.apply(row);
          if (t == null) {
            return false;
          }
          int cmp = parseTime(t).compareTo(parseTime(c.value()));
          return since ? cmp >= 0 : cmp <= 0;
        },
        null,
        ValueCheck.TIME);
  }

  public static FilterField custom(String name, Set<Op> ops, boolean wildcard, Matcher m) {
    return new FilterField(name, ops, wildcard, m, null);
  }

  private static Matcher textMatcher(Function<ObjectNode, List<String>> values) {
    return (row, c) -> {
      String want = c.value().toLowerCase(Locale.ROOT);
      boolean any = false;
      for (String v : values.apply(row)) {
        if (v == null) {
          continue;
        }
        String have = v.toLowerCase(Locale.ROOT);
        if (c.prefix() ? have.startsWith(want) : have.equals(want)) {
          any = true;
          break;
        }
      }
      return c.op() == Op.NE ? !any : any;
    };
  }

  /** Reads an ISO-8601 instant with or without an offset; a plain date is midnight UTC. */
  public static Instant parseTime(String s) {
    try {
      return Instant.parse(s);
    } catch (DateTimeParseException e) {
      try {
        return OffsetDateTime.parse(s).toInstant();
      } catch (DateTimeParseException e2) {
        return Instant.parse(s + "T00:00:00Z");
      }
    }
  }
}
