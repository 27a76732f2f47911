package dev.keapgw.sandbox.list;

import java.util.EnumSet;
import java.util.Set;

/** A comparison in Keap's filter grammar. */
public enum Op {
  EQ("=="),
  NE("!="),
  GE(">="),
  LE("<="),
  GT(">"),
  LT("<");

  public static final Set<Op> EQUALITY = EnumSet.of(EQ);
  public static final Set<Op> EQ_NE = EnumSet.of(EQ, NE);
  public static final Set<Op> ALL = EnumSet.allOf(Op.class);
  public static final Set<Op> COMPARE = EnumSet.of(EQ, GT, LT, GE, LE);

  private final String symbol;

  Op(String symbol) {
    this.symbol = symbol;
  }

  public String symbol() {
    return symbol;
  }

  /** Whether {@code cmp} (a compareTo result of row value against filter value) satisfies this op. */
  public boolean accepts(int cmp) {
    return switch (this) {
      case EQ -> cmp == 0;
      case NE -> cmp != 0;
      case GE -> cmp >= 0;
      case LE -> cmp <= 0;
      case GT -> cmp > 0;
      case LT -> cmp < 0;
    };
  }
}
