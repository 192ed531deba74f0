package io.ballot.checker.ir;

import java.util.function.Function;

/**
 * CMurphi's rule for copying an undefined value. In {@code x := y} of simple type, CMurphi makes {@code x} undefined
 * when {@code y} is undefined, instead of reporting a read of an undefined value, if {@code y} names a whole
 * variable, parameter or local (directly or through aliases). A record field or array element on the right, or any
 * other expression, reads the value, which is an error when it is undefined (as in Rumur). See docs/language.md,
 * "Undefined values".
 */
public final class UndefinedCopies {
  private UndefinedCopies() {}

  /**
   * Whether assigning {@code source} copies its undefinedness; {@code aliasValue} gives the value an alias is bound
   * to (null when unknown, which counts as not a whole name).
   */
  public static boolean copies(Expr source, Function<Local, Expr> aliasValue) {
    if (!source.type().isSimple()) {
      return false;
    }
    while (true) { // an alias is bound to an earlier expression, so this ends
      if (source instanceof Expr.VarRef) {
        return true;
      }
      if (!(source instanceof Expr.LocalRef ref)) {
        return false;
      }
      Local local = ref.local();
      switch (local.kind()) {
        case PARAMETER, VAR_PARAMETER, VARIABLE -> {
          return true;
        }
        case ALIAS -> {
          source = aliasValue.apply(local);
          if (source == null) {
            return false;
          }
        }
        default -> {
          return false; // quantifiers and multiset indexes always hold a value
        }
      }
    }
  }
}
