package dev.keapgw.client.list;

import java.time.temporal.TemporalAccessor;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.StringJoiner;
import java.util.regex.Pattern;

/**
 * Keap's {@code filter} parameter, built clause by clause:
 * {@code Filter.where("email").eq("a@b.c").and("given_name").startsWith("Jo")} is
 * {@code email==a@b.c;given_name==Jo*}. Clauses are ANDed (Keap has no OR). Which fields and
 * operators a resource accepts is Keap's to say; a wrong one comes back as a 400 naming it.
 *
 * <p>Keap's grammar has no escaping, so a value may not contain {@code ;} (it would split the
 * clause) and an {@code eq} value may not end in {@code *} (it would become a prefix match):
 * both are rejected here with an {@link IllegalArgumentException}, as is a leading {@code *},
 * which Keap rejects.
 */
public final class Filter {
  private static final Pattern FIELD = Pattern.compile("[A-Za-z_][A-Za-z0-9_.]*");

  private final List<String> clauses;

  private Filter(List<String> clauses) {
    this.clauses = List.copyOf(clauses);
  }

  /** Starts a filter with a clause on {@code field}. */
  public static Condition where(String field) {
    return new Condition(new Filter(List.of()), field);
  }

  /** A filter written by hand in Keap's grammar, passed as it is. */
  public static Filter raw(String expression) {
    if (expression == null || expression.isBlank()) {
      throw new IllegalArgumentException("a filter expression must not be blank");
    }
    return new Filter(List.of(expression.strip()));
  }

  /** Adds a clause on another field (AND). */
  public Condition and(String field) {
    return new Condition(this, field);
  }

  /** The clauses of both filters (AND). */
  public Filter and(Filter other) {
    List<String> all = new ArrayList<>(clauses);
    all.addAll(other.clauses);
    return new Filter(all);
  }

  /** The expression as Keap reads it, e.g. {@code email==a@b.c;given_name==Jo*}. */
  @Override
  public String toString() {
    return String.join(";", clauses);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Filter f && f.clauses.equals(clauses);
  }

  @Override
  public int hashCode() {
    return clauses.hashCode();
  }

  /** A field waiting for its operator and value. */
  public static final class Condition {
    private final Filter before;
    private final String field;

    private Condition(Filter before, String field) {
      if (field == null || !FIELD.matcher(field).matches()) {
        throw new IllegalArgumentException(
            "'" + field + "' is not a field name (letters, digits and _)");
      }
      this.before = before;
      this.field = field;
    }

    /** {@code field==value}: equal (case-insensitive on most text fields in Keap). */
    public Filter eq(Object value) {
      String v = value(value);
      if (v.endsWith("*")) {
        throw new IllegalArgumentException(
            "eq(\"" + v + "\") ends in '*', which Keap reads as a prefix match;"
                + " use startsWith(\"" + v.substring(0, v.length() - 1) + "\") if that is meant");
      }
      return add("==", v);
    }

    /** {@code field!=value}. */
    public Filter ne(Object value) {
      return add("!=", value(value));
    }

    /** {@code field>value}. */
    public Filter gt(Object value) {
      return add(">", value(value));
    }

    /** {@code field>=value}. */
    public Filter ge(Object value) {
      return add(">=", value(value));
    }

    /** {@code field<value}. */
    public Filter lt(Object value) {
      return add("<", value(value));
    }

    /** {@code field<=value}. */
    public Filter le(Object value) {
      return add("<=", value(value));
    }

    /** {@code field==prefix*}: a prefix match, on the fields Keap allows it for. */
    public Filter startsWith(String prefix) {
      String v = value(prefix);
      if (v.isEmpty()) {
        throw new IllegalArgumentException("startsWith needs a non-empty prefix");
      }
      return add("==", v + "*");
    }

    /** {@code field==a,b,c}: any of the values (for list fields such as {@code ids}). */
    public Filter in(Collection<?> values) {
      if (values.isEmpty()) {
        throw new IllegalArgumentException("in(...) needs at least one value for " + field);
      }
      StringJoiner j = new StringJoiner(",");
      for (Object v : values) {
        String s = value(v);
        if (s.contains(",")) {
          throw new IllegalArgumentException("a value of in(...) may not contain ',': " + s);
        }
        j.add(s);
      }
      return add("==", j.toString());
    }

    public Filter in(Object... values) {
      return in(List.of(values));
    }

    private Filter add(String op, String value) {
      List<String> all = new ArrayList<>(before.clauses);
      all.add(field + op + value);
      return new Filter(all);
    }

    private String value(Object value) {
      if (value == null) {
        throw new IllegalArgumentException("the value for " + field + " is null");
      }
      String v = value instanceof TemporalAccessor t ? t.toString() : String.valueOf(value);
      if (v.contains(";")) {
        throw new IllegalArgumentException(
            "the value for " + field + " contains ';', which Keap's filter"
                + " grammar cannot carry (it separates clauses): " + v);
      }
      if (v.startsWith("*")) {
        throw new IllegalArgumentException(
            "the value for " + field + " starts with '*': Keap rejects leading"
                + " wildcards; only a trailing one (startsWith) is allowed");
      }
      return v;
    }
  }
}
