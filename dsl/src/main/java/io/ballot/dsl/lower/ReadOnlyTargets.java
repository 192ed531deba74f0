package io.ballot.dsl.lower;

import io.ballot.checker.ir.AliasBinding;
import io.ballot.checker.ir.Expr;
import io.ballot.checker.ir.Local;
import java.util.Map;

/** Says which designators may not be written: parameters, multiset indices, and aliases of those. */
final class ReadOnlyTargets {
  private final Map<Local, AliasBinding> aliases;

  /** {@code aliases}: the binding each alias local came from, filled in as aliases are lowered. */
  ReadOnlyTargets(Map<Local, AliasBinding> aliases) {
    this.aliases = aliases;
  }

  /** Whether {@code target}'s root variable is read-only. */
  boolean readOnly(Expr target) {
    Expr root = root(target);
    if (root instanceof Expr.LocalRef r) {
      return switch (r.local().kind()) {
        case PARAMETER, MULTISET_INDEX -> true;
        case ALIAS -> {
          AliasBinding b = aliases.get(r.local());
          yield b != null && readOnly(b.value());
        }
        default -> false;
      };
    }
    return false;
  }

  /** Why {@code target}, which is {@link #readOnly}, may not be written. */
  String describe(Expr target) {
    Expr.LocalRef r = (Expr.LocalRef) root(target);
    return switch (r.local().kind()) {
      case PARAMETER -> "parameter '" + r.local().name() + "' is read-only unless declared 'var'";
      case ALIAS -> "alias '" + r.local().name() + "' names something read-only";
      default -> "'" + r.local().name() + "' is read-only";
    };
  }

  private static Expr root(Expr e) {
    Expr root = e;
    while (true) {
      if (root instanceof Expr.FieldRef f) {
        root = f.record();
      } else if (root instanceof Expr.ElementRef el) {
        root = el.array();
      } else {
        return root;
      }
    }
  }
}
