package io.ballot.checker.ts;

import io.ballot.checker.ir.Expr;
import io.ballot.checker.ir.SourceLocation;
import io.ballot.checker.result.ViolationKind;

/**
 * A failure while executing the model: a failed {@code assert}, an {@code error} statement, or a run-time error
 * (reading an undefined value, a value out of its range, integer overflow, division by zero, an index out of
 * range). Carries the source location so that reports point at the model.
 */
public final class ModelError extends Exception {
  private final ViolationKind kind;
  private final String property;
  private final transient SourceLocation location;

  public ModelError(ViolationKind kind, String property, String message, SourceLocation location) {
    super(message, null, false, false);
    this.kind = kind;
    this.property = property;
    this.location = location;
  }

  /**
   * The error of a {@code multisetremove} whose element is not in the multiset (CMurphi: "Illegal Multiset element
   * selected"), e.g. removed already by a {@code multisetremovepred} of the same rule.
   */
  public static final String NOT_IN_MULTISET =
      "multisetremove of an element that is not in the multiset (already removed)";

  /** A run-time error of the model (always an assertion-kind violation). */
  public static ModelError runtime(String message, SourceLocation location) {
    return new ModelError(ViolationKind.ASSERTION, message, message, location);
  }

  /**
   * How run-time errors name the designator they concern ({@code r.f}, {@code a[...]}), the same text for the
   * interpreter and for compiled code.
   */
  public static String describe(Expr designator) {
    if (designator instanceof Expr.VarRef v) {
      return v.variable().name();
    } else if (designator instanceof Expr.LocalRef l) {
      return l.local().name();
    } else if (designator instanceof Expr.FieldRef fr) {
      return describe(fr.record()) + "." + fr.field();
    } else if (designator instanceof Expr.ElementRef el) {
      return describe(el.array()) + "[...]";
    }
    return "expression";
  }

  public ViolationKind kind() {
    return kind;
  }

  /** The property's name, or a description of the failure when it has none. */
  public String property() {
    return property;
  }

  public SourceLocation location() {
    return location;
  }
}
