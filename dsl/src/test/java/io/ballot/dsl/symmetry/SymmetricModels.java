package io.ballot.dsl.symmetry;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Small random symmetric Murphi models: N interchangeable processes (a named scalarset) with local states,
 * counters, an owner pointer, links between processes, optionally a second scalarset of tokens and a multiset of
 * process ids; rules quantified over the processes with random guards and actions; a random invariant. Scalarset
 * values are only compared with = and != and never written as literals, so every model is symmetric.
 *
 * <p>Half of the models also have a union {@code node} whose members include the processes (with a one-element
 * scalarset, an enum, or the tokens): an array indexed by and holding nodes, a record field holding a node, a
 * multiset of nodes, and a ruleset over the nodes, where a wrong permutation of a union's scalarset members shows.
 */
final class SymmetricModels {
  private static final String[] ST = {"idle", "busy", "done"};

  private final Random rnd;
  private final int n;
  private final boolean links;
  private final boolean tokens;
  private final boolean bag;
  /** The union's other member: {@code hub} (scalarset(1)), {@code st} (the enum) or {@code tok}; null: no union. */
  private final String union;
  private final boolean unionBag;

  private SymmetricModels(long seed, boolean withUnion) {
    this.rnd = new Random(seed);
    this.n = 2 + rnd.nextInt(2);
    this.links = rnd.nextInt(3) == 0;
    this.tokens = rnd.nextInt(3) == 0;
    this.bag = rnd.nextInt(3) == 0;
    String[] members = tokens ? new String[] {"hub", "st", "tok"} : new String[] {"hub", "st"};
    this.union = !withUnion && rnd.nextBoolean() ? null : members[rnd.nextInt(members.length)];
    this.unionBag = union != null && rnd.nextInt(3) == 0;
  }

  /** The model for {@code seed}, always with the union {@code node}. */
  static String generateWithUnion(long seed) {
    return new SymmetricModels(seed, true).text();
  }

  /** The model for {@code seed}. */
  static String generate(long seed) {
    return new SymmetricModels(seed, false).text();
  }

  private String st() {
    return ST[rnd.nextInt(ST.length)];
  }

  private String text() {
    StringBuilder b = new StringBuilder();
    b.append("type\n  pid: scalarset(").append(n).append(");\n  st: enum { idle, busy, done };\n  val: 0 .. 1;\n");
    if (tokens) {
      b.append("  tok: scalarset(2);\n");
    }
    if ("hub".equals(union)) {
      b.append("  hub: scalarset(1);\n");
    }
    if (union != null) {
      b.append("  node: union { ").append(rnd.nextBoolean() ? union + ", pid" : "pid, " + union).append(" };\n");
    }
    b.append("var\n  loc: array [pid] of st;\n  cnt: array [pid] of val;\n  owner: pid;\n  flag: boolean;\n");
    if (links) {
      b.append("  next: array [pid] of pid;\n");
    }
    if (tokens) {
      b.append("  holds: array [pid] of tok;\n  holder: array [tok] of pid;\n");
    }
    if (bag) {
      b.append("  bag: multiset [2] of pid;\n");
    }
    if (union != null) {
      b.append("  nxt: array [node] of node;\n  cell: array [pid] of record who: node; n: val; end;\n");
    }
    if (unionBag) {
      b.append("  ubag: multiset [2] of node;\n");
    }
    b.append("startstate begin\n  for p: pid do loc[p] := idle; cnt[p] := 0; end;\n  undefine owner;\n"
        + "  flag := false;\n");
    if (links) {
      b.append("  undefine next;\n");
    }
    if (tokens) {
      b.append("  undefine holds;\n  undefine holder;\n");
    }
    if (bag) {
      b.append("  undefine bag;\n");
    }
    if (union != null) {
      b.append("  undefine nxt;\n  for p: pid do undefine cell[p].who; cell[p].n := 0; end;\n");
    }
    if (unionBag) {
      b.append("  undefine ubag;\n");
    }
    b.append("end;\n\nruleset p: pid do\n");
    int rules = 2 + rnd.nextInt(3);
    for (int r = 1; r <= rules; r++) {
      b.append("  rule \"r").append(r).append("\" ").append(guard()).append(" ==> begin\n");
      int actions = 1 + rnd.nextInt(3);
      for (int a = 0; a < actions; a++) {
        b.append("    ").append(action()).append("\n");
      }
      b.append("  end;\n");
    }
    b.append("end;\n");
    if (links && rnd.nextBoolean()) {
      b.append("ruleset p: pid; q: pid do\n  rule \"link\" p != q & ").append(guard())
          .append(" ==> begin next[p] := q; end;\nend;\n");
    }
    if (tokens) {
      b.append("ruleset t: tok; p: pid do\n  rule \"grab\" isundefined(holder[t]) & isundefined(holds[p]) & ")
          .append(guard()).append(" ==> begin holder[t] := p; holds[p] := t; end;\n")
          .append("  rule \"drop\" !isundefined(holder[t]) & holder[t] = p ==> begin undefine holder[t];")
          .append(" undefine holds[p]; end;\nend;\n");
    }
    if (bag) {
      b.append("choose i: bag do\n  rule \"recv\" loc[bag[i]] != ").append(st())
          .append(" ==> begin loc[bag[i]] := ").append(st()).append("; MultiSetRemove(i, bag); end;\nendchoose;\n");
    }
    if (union != null) {
      b.append("ruleset u: node; p: pid do\n");
      int unionRules = 1 + rnd.nextInt(2);
      for (int r = 1; r <= unionRules; r++) {
        b.append("  rule \"u").append(r).append("\" ").append(unionGuard()).append(" ==> begin\n");
        int actions = 1 + rnd.nextInt(2);
        for (int a = 0; a < actions; a++) {
          b.append("    ").append(unionAction()).append("\n");
        }
        b.append("  end;\n");
      }
      b.append("end;\n");
    }
    if (unionBag) {
      b.append("choose i: ubag do\n  rule \"urecv\" !isundefined(nxt[ubag[i]]) ==> begin ")
          .append(rnd.nextBoolean() ? "nxt[ubag[i]] := ubag[i];" : "undefine nxt[ubag[i]];")
          .append(" MultiSetRemove(i, ubag); end;\nendchoose;\n");
    }
    if (union != null && rnd.nextInt(3) == 0) {
      b.append("invariant \"nodes\" ").append(unionInvariant()).append(";\n");
    }
    if (rnd.nextInt(3) == 0) { // an invariant per process: a violation shows in one instance of it
      b.append("ruleset p: pid do invariant \"each\" loc[p] != ").append(st()).append(" | cnt[p] = 0; end;\n");
    } else {
      b.append("invariant \"inv\" ").append(invariant()).append(";\n");
    }
    return b.toString();
  }

  private String guard() {
    String g = atom();
    if (rnd.nextBoolean()) {
      g = g + " & " + atom();
    }
    return g;
  }

  private String atom() {
    List<String> atoms = new ArrayList<>(List.of(
        "loc[p] = " + st(),
        "loc[p] != " + st(),
        "cnt[p] = 0",
        "isundefined(owner)",
        "(!isundefined(owner) & owner = p)",
        "(!isundefined(owner) & owner != p)",
        "flag",
        "!flag",
        "exists q: pid do loc[q] = " + st() + " end",
        "forall q: pid do q = p | loc[q] != " + st() + " end"));
    if (links) {
      atoms.add("(!isundefined(next[p]) & loc[next[p]] = " + st() + ")");
      atoms.add("isundefined(next[p])");
    }
    if (tokens) {
      atoms.add("!isundefined(holds[p])");
    }
    if (bag) {
      atoms.add("MultiSetCount(i: bag, bag[i] = p) = 0");
    }
    return atoms.get(rnd.nextInt(atoms.size()));
  }

  private String action() {
    List<String> actions = new ArrayList<>(List.of(
        "loc[p] := " + st() + ";",
        "if cnt[p] = 0 then cnt[p] := 1; else cnt[p] := 0; end;",
        "owner := p;",
        "undefine owner;",
        "flag := !flag;",
        "for q: pid do if loc[q] = " + st() + " then loc[q] := " + st() + "; end; end;"));
    if (links) {
      actions.add("if isundefined(owner) then undefine next[p]; else next[p] := owner; end;");
    }
    if (bag) {
      actions.add("if MultiSetCount(i: bag, true) < 2 then MultiSetAdd(p, bag); end;");
    }
    return actions.get(rnd.nextInt(actions.size()));
  }

  private String unionGuard() {
    List<String> atoms = new ArrayList<>(List.of(
        "isundefined(nxt[u])",
        "!isundefined(nxt[u]) & nxt[u] = u",
        "!isundefined(nxt[u]) & nxt[u] != u",
        "!isundefined(nxt[p]) & nxt[p] = u",
        "isundefined(cell[p].who) | cell[p].who != u",
        "loc[p] = " + st(),
        "exists c: node do !isundefined(nxt[c]) & nxt[c] = p end"));
    String g = atoms.get(rnd.nextInt(atoms.size()));
    return rnd.nextBoolean() ? g : "(" + g + ") & (" + atoms.get(rnd.nextInt(atoms.size())) + ")";
  }

  private String unionAction() {
    List<String> actions = new ArrayList<>(List.of(
        "nxt[u] := p;",
        "nxt[u] := u;",
        "nxt[p] := u;",
        "undefine nxt[u];",
        "cell[p].who := u;",
        "if !isundefined(cell[p].who) then nxt[cell[p].who] := p; end;",
        "if cell[p].n = 0 then cell[p].n := 1; else cell[p].n := 0; end;",
        "for c: node do if !isundefined(nxt[c]) & nxt[c] = u then undefine nxt[c]; end; end;"));
    if (unionBag) {
      actions.add("if MultiSetCount(i: ubag, true) < 2 then MultiSetAdd(u, ubag); end;");
    }
    return actions.get(rnd.nextInt(actions.size()));
  }

  private String unionInvariant() {
    return switch (rnd.nextInt(4)) {
      case 0 -> "forall c: node do isundefined(nxt[c]) | nxt[c] != c end";
      case 1 -> "forall p: pid do isundefined(cell[p].who) | isundefined(nxt[cell[p].who]) | cell[p].n = 0 end";
      case 2 -> "!(exists c: node do !isundefined(nxt[c]) & nxt[c] = c end & flag)";
      default -> "exists c: node do isundefined(nxt[c]) end";
    };
  }

  private String invariant() {
    return switch (rnd.nextInt(4)) {
      case 0 -> "forall p: pid do loc[p] != " + st() + " | cnt[p] = 0 end";
      case 1 -> "isundefined(owner) | loc[owner] != " + st();
      case 2 -> "!(exists p: pid do loc[p] = " + st() + " end & flag)";
      default -> "true";
    };
  }
}
