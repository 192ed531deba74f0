package io.ballot.cluster;

import io.ballot.checker.ir.SourceLocation;
import io.ballot.checker.result.ViolationKind;
import java.io.Serializable;
import java.util.Comparator;

/**
 * A violation an executor found in a level, sent to the driver: as the local explorer's pending violation, but with
 * the state itself ({@code at}, null when found before any state was stored) instead of a stored id, the level that
 * state is in, and the source location as plain fields (a record such as {@link SourceLocation} does not cross
 * Spark's serialiser). Sorted by {@link #ORDER}, the local explorer's order, so the same violation is reported.
 */
public record Found(
    ViolationKind kind,
    String property,
    String file,
    int line,
    int column,
    int endLine,
    int endColumn,
    String message,
    PackedState at,
    int level,
    int rule,
    int prop) implements Serializable {

  /** A violation found at {@code at} (in level {@code level}), located at {@code where} (may be null). */
  static Found of(ViolationKind kind, String property, SourceLocation where, String message, PackedState at,
      int level, int rule, int prop) {
    return where == null
        ? new Found(kind, property, null, 0, 0, 0, 0, message, at, level, rule, prop)
        : new Found(kind, property, where.file(), where.line(), where.column(), where.endLine(), where.endColumn(),
            message, at, level, rule, prop);
  }

  /** Where the violated property or the erring statement is; null when the violation has no place (a deadlock). */
  SourceLocation where() {
    return file == null ? null : new SourceLocation(file, line, column, endLine, endColumn);
  }

  /**
   * The local explorer's order of a level's violations (kind, property, message, then the state's words, then rule
   * and property instance), so that which are reported depends on their content only.
   */
  static final Comparator<Found> ORDER = (x, y) -> {
    int c = Integer.compare(x.kind.ordinal(), y.kind.ordinal());
    if (c == 0) {
      c = x.property.compareTo(y.property);
    }
    if (c == 0) {
      c = x.message.compareTo(y.message);
    }
    if (c == 0) {
      c = Integer.compare(x.at == null ? 0 : 1, y.at == null ? 0 : 1);
    }
    if (c == 0 && x.at != null) {
      c = x.at.compareTo(y.at);
    }
    if (c == 0) {
      c = Integer.compare(x.rule, y.rule);
    }
    return c != 0 ? c : Integer.compare(x.prop, y.prop);
  };
}
