package io.ballot.checker.interp;

import io.ballot.checker.ir.IrWalker;
import io.ballot.checker.ir.Model;
import io.ballot.checker.ir.PropertyKind;
import io.ballot.checker.ir.Stmt;
import io.ballot.checker.ts.Instance;
import java.util.List;
import java.util.Map;

/** Numbers the {@code cover} statements of a model in source order (functions, start states, then rules). */
public final class CoverSites {
  private CoverSites() {}

  public static void collect(Model model, Map<Stmt.PropertyStmt, Integer> sites, List<Instance> out) {
    new IrWalker() {
      @Override
      public void stmt(Stmt s) {
        if (s instanceof Stmt.PropertyStmt p && p.kind() == PropertyKind.COVER && !sites.containsKey(p)) {
          sites.put(p, out.size());
          out.add(new Instance(p.name() != null ? p.name() : "cover " + (out.size() + 1), List.of(), p.location()));
        }
        super.stmt(s);
      }
    }.model(model);
  }
}
