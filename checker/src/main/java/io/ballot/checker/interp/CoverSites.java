package io.ballot.checker.interp;

import io.ballot.checker.ir.Function;
import io.ballot.checker.ir.Model;
import io.ballot.checker.ir.PropertyKind;
import io.ballot.checker.ir.Rule;
import io.ballot.checker.ir.StartState;
import io.ballot.checker.ir.Stmt;
import io.ballot.checker.ts.Instance;
import java.util.List;
import java.util.Map;

/** Numbers the {@code cover} statements of a model in source order (functions, start states, then rules). */
public final class CoverSites {
  private CoverSites() {}

  public static void collect(Model model, Map<Stmt.PropertyStmt, Integer> sites, List<Instance> out) {
    for (Function f : model.functions()) {
      walk(f.body(), sites, out);
    }
    for (StartState s : model.startStates()) {
      walk(s.body(), sites, out);
    }
    for (Rule r : model.rules()) {
      walk(r.body(), sites, out);
    }
  }

  private static void walk(List<Stmt> body, Map<Stmt.PropertyStmt, Integer> sites, List<Instance> out) {
    for (Stmt s : body) {
      if (s instanceof Stmt.PropertyStmt p && p.kind() == PropertyKind.COVER && !sites.containsKey(p)) {
        sites.put(p, out.size());
        out.add(new Instance(p.name() != null ? p.name() : "cover " + (out.size() + 1), List.of(), p.location()));
      } else if (s instanceof Stmt.If i) {
        i.clauses().forEach(c -> walk(c.body(), sites, out));
      } else if (s instanceof Stmt.Switch sw) {
        sw.cases().forEach(c -> walk(c.body(), sites, out));
      } else if (s instanceof Stmt.For f) {
        walk(f.body(), sites, out);
      } else if (s instanceof Stmt.While w) {
        walk(w.body(), sites, out);
      } else if (s instanceof Stmt.Alias a) {
        walk(a.body(), sites, out);
      }
    }
  }
}
