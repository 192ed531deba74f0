package io.ballot.dsl.lower;

import io.ballot.checker.ir.Expr;
import io.ballot.checker.ir.Expr.Literal;
import io.ballot.dsl.lower.ExprLowering.Mode;
import org.eclipse.emf.ecore.EObject;

/** Folds operators over literals, reporting a folding that fails (overflow, division by zero) by where it stands. */
final class Folding {
  private final Problems problems;

  Folding(Problems problems) {
    this.problems = problems;
  }

  interface Fold {
    Literal fold() throws ConstantFolder.FoldError;
  }

  /**
   * Folds an operator over literals. Where a constant is wanted a failed folding (overflow, division by zero) is
   * an error; elsewhere the expression stays unfolded and fails when executed, as in Rumur.
   */
  Expr fold(Fold f, EObject at, Mode mode, Expr unfolded) {
    try {
      return f.fold();
    } catch (ConstantFolder.FoldError err) {
      if (mode == Mode.CONSTANT || err.always) {
        problems.error(at, err.getMessage());
        return null;
      }
      problems.warning(at, err.getMessage().replace(" in constant expression", "") + ": this fails when executed");
      return unfolded;
    }
  }
}
