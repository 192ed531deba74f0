package io.ballot.dsl.lower;

import io.ballot.checker.ir.Local;
import io.ballot.checker.ir.Stmt;
import io.ballot.dsl.murphi.Block;
import io.ballot.dsl.murphi.DeclSection;
import java.util.List;

/** Lowers the parts of a rule-like body (receive and restart rules are lowered outside {@link Lowering}). */
interface Bodies {
  /** Lowers a body's declaration sections, adding its variables to {@code locals}. */
  void lowerLocalDecls(List<DeclSection> sections, List<Local> locals);

  /** Lowers a rule body whose locals are {@code locals} (generated temporaries are added there). */
  List<Stmt> lowerBody(Block block, List<Local> locals);
}
