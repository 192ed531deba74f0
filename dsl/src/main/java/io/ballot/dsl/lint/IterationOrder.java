package io.ballot.dsl.lint;

import io.ballot.checker.ir.AliasBinding;
import io.ballot.checker.ir.Expr;
import io.ballot.checker.ir.Expr.BinaryOp;
import io.ballot.checker.ir.IrWalker;
import io.ballot.checker.ir.Local;
import io.ballot.checker.ir.Quantifier;
import io.ballot.checker.ir.Stmt;
import io.ballot.checker.ir.Type;
import io.ballot.dsl.lower.Problems;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Warns about {@code for} loops over a scalarset whose effect may depend on the order in which they visit the
 * scalarset's values. Symmetry reduction treats the values of a scalarset as interchangeable; a loop in which the
 * last (or the first) value visited wins gives a state whose successor depends on how the values happen to be
 * numbered, and then the reduced state space can miss states. CMurphi leaves this to the user; Ballot looks for two
 * simple forms (see docs/language.md for what is and is not detected):
 *
 * <ul>
 *   <li>last writer wins: a designator none of whose indexes depends on the loop is assigned a value that depends
 *       on the loop variable, or different values under conditions that depend on it (an update of the designator
 *       from itself, such as {@code n := n + 1} or {@code b := b | a[i]}, is order-independent and accepted);
 *   <li>early exit: a {@code return} inside the loop that returns a value depending on the loop variable, returns
 *       different values under conditions depending on it, or ends a loop that also changes something.
 * </ul>
 *
 * <p>"Depends on the loop" means: reads the loop variable, or reads something the loop body writes. A local
 * variable of the rule or function that the body always assigns first, and that is not used outside the loop, is a
 * per-iteration temporary and is not itself reported. Calls are not followed.
 */
public final class IterationOrder {
  private final Problems problems;
  /** How a type is named in messages (by its declared name when it has one). */
  private final Function<Type, String> describe;
  private final Function<Local, AliasBinding> aliases;
  /** Statements already warned about (by an inner loop): one warning per statement. */
  private final Set<Stmt> reported = Collections.newSetFromMap(new IdentityHashMap<>());

  /**
   * Reports to {@code problems}, naming types with {@code describe}; {@code aliases} gives the binding of each alias
   * local, whose writes are writes of what it names.
   */
  public IterationOrder(Problems problems, Function<Type, String> describe, Function<Local, AliasBinding> aliases) {
    this.problems = problems;
    this.describe = describe;
    this.aliases = aliases;
  }

  /** Checks every loop over a scalarset in one body (of a function, rule or start state). */
  public void check(List<Stmt> body) {
    List<Stmt.For> loops = new ArrayList<>();
    collectLoops(body, loops);
    for (Stmt.For loop : loops) {
      Type.ScalarsetType s = scalarsetOf(loop.quantifier());
      if (s != null) {
        new Loop(loop, s, body).check();
      }
    }
  }

  /** The scalarset a quantifier ranges over (itself, or a member of the union it ranges over); else null. */
  private static Type.ScalarsetType scalarsetOf(Quantifier q) {
    Type t = q.type();
    if (t instanceof Type.ScalarsetType s) {
      return s;
    }
    if (t instanceof Type.UnionType u) {
      for (Type m : u.members()) {
        if (m instanceof Type.ScalarsetType s) {
          return s;
        }
      }
    }
    return null;
  }

  /** All {@code for} statements, inner loops before the loops around them. */
  private static void collectLoops(List<Stmt> stmts, List<Stmt.For> out) {
    IrWalker loops = new IrWalker() {
      @Override
      public void stmt(Stmt s) {
        super.stmt(s);
        if (s instanceof Stmt.For f) {
          out.add(f);
        }
      }
    };
    stmts.forEach(loops::stmt);
  }

  // ------------------------------------------------------------------------------------------ expressions

  /** The variables and locals {@code e} reads (through aliases, to what they name). */
  private void reads(Expr e, Set<Object> out) {
    new Reads(out, null).expr(e);
  }

  private void reads(Quantifier q, Set<Object> out) {
    new Reads(out, null).quantifier(q);
  }

  /**
   * Collects the variables and locals that the code it walks reads or writes (through aliases, to what they name),
   * except inside the statement {@code skip}.
   */
  private final class Reads extends IrWalker {
    private final Set<Object> out;
    private final Stmt skip;

    Reads(Set<Object> out, Stmt skip) {
      this.out = out;
      this.skip = skip;
    }

    @Override
    public void expr(Expr e) {
      if (e instanceof Expr.VarRef v) {
        out.add(v.variable());
      } else if (e instanceof Expr.LocalRef r) {
        AliasBinding b = alias(r.local());
        if (b != null) {
          expr(b.value());
        } else {
          out.add(r.local());
        }
      }
      super.expr(e);
    }

    @Override
    public void stmt(Stmt s) {
      if (s != skip) {
        super.stmt(s);
      }
    }
  }

  private Set<Object> reads(Expr e) {
    Set<Object> out = new HashSet<>();
    reads(e, out);
    return out;
  }

  private AliasBinding alias(Local local) {
    return local.kind() == Local.Kind.ALIAS ? aliases.apply(local) : null;
  }

  /** The variable or local a designator is part of (through aliases); null for anything else. */
  private Object root(Expr e) {
    if (e instanceof Expr.VarRef v) {
      return v.variable();
    } else if (e instanceof Expr.LocalRef r) {
      AliasBinding b = alias(r.local());
      return b != null ? root(b.value()) : r.local();
    } else if (e instanceof Expr.FieldRef f) {
      return root(f.record());
    } else if (e instanceof Expr.ElementRef el) {
      return root(el.array());
    }
    return null;
  }

  /** Whether some index of a designator reads one of {@code roots}. */
  private boolean indexReads(Expr e, Set<Object> roots) {
    if (e instanceof Expr.LocalRef r) {
      AliasBinding b = alias(r.local());
      return b != null && indexReads(b.value(), roots);
    } else if (e instanceof Expr.FieldRef f) {
      return indexReads(f.record(), roots);
    } else if (e instanceof Expr.ElementRef el) {
      return !Collections.disjoint(reads(el.index()), roots) || indexReads(el.array(), roots);
    }
    return false;
  }

  /** A text that two expressions share exactly when they are the same expression (aliases seen through). */
  private String key(Expr e) {
    if (e == null) {
      return "_";
    } else if (e instanceof Expr.Literal lit) {
      return lit.value() + ":" + (lit.type() instanceof Type.BooleanType ? "b" : "v");
    } else if (e instanceof Expr.VarRef v) {
      return "v" + v.variable().name();
    } else if (e instanceof Expr.LocalRef r) {
      AliasBinding b = alias(r.local());
      return b != null ? key(b.value()) : "l" + r.local().name() + "@" + System.identityHashCode(r.local());
    } else if (e instanceof Expr.FieldRef f) {
      return key(f.record()) + "." + f.field();
    } else if (e instanceof Expr.ElementRef el) {
      return key(el.array()) + "[" + key(el.index()) + "]";
    } else if (e instanceof Expr.Unary u) {
      return u.op().symbol + "(" + key(u.operand()) + ")";
    } else if (e instanceof Expr.Binary b) {
      return "(" + key(b.left()) + " " + b.op().name() + " " + key(b.right()) + ")";
    } else if (e instanceof Expr.Ternary t) {
      return "(" + key(t.condition()) + " ? " + key(t.then()) + " : " + key(t.otherwise()) + ")";
    }
    return "#" + System.identityHashCode(e); // anything else is only ever equal to itself
  }

  /** How a designator reads in a message: {@code x}, {@code r.f}, {@code a[j]}, {@code a[...]}. */
  private static String text(Expr e) {
    if (e instanceof Expr.VarRef v) {
      return v.variable().name();
    } else if (e instanceof Expr.LocalRef r) {
      return r.local().name();
    } else if (e instanceof Expr.FieldRef f) {
      return text(f.record()) + "." + f.field();
    } else if (e instanceof Expr.ElementRef el) {
      String index = el.index() instanceof Expr.VarRef || el.index() instanceof Expr.LocalRef
          ? text(el.index())
          : el.index() instanceof Expr.Literal lit ? Long.toString(lit.value()) : "...";
      return text(el.array()) + "[" + index + "]";
    }
    return "expression";
  }

  // ------------------------------------------------------------------------------------------ one loop

  /** How an assignment changes its target. */
  private record Write(Stmt stmt, Expr target, String value, String update, boolean dependent, boolean conditional) {
    /** {@code target := target op e} or another update from the target itself; {@code update} names the kind. */
    boolean isUpdate() {
      return update != null;
    }
  }

  private final class Loop {
    private final Stmt.For loop;
    private final Local variable;
    private final String typeName;
    private final String scalarsetName;
    private final List<Stmt> enclosing;
    /** The loop variable and everything the body writes: what a value "depends on the loop" by reading. */
    private final Set<Object> varying = new HashSet<>();
    /** Locals assigned first thing in every iteration and unused outside the loop. */
    private final Set<Object> temporaries = new HashSet<>();
    private final Map<String, List<Write>> writes = new LinkedHashMap<>();
    private final List<Stmt.Return> returns = new ArrayList<>();
    private final List<Boolean> returnConditional = new ArrayList<>();
    /** Whether the body changes anything other than its temporaries (or calls a procedure). */
    private boolean effects;

    Loop(Stmt.For loop, Type.ScalarsetType scalarset, List<Stmt> enclosing) {
      this.loop = loop;
      this.variable = loop.quantifier().variable();
      this.typeName = describe.apply(loop.quantifier().type());
      this.scalarsetName = describe.apply(scalarset);
      this.enclosing = enclosing;
    }

    void check() {
      Set<Object> written = new HashSet<>();
      writtenRoots(loop.body(), written);
      varying.add(variable);
      varying.addAll(written);
      boolean grew = true;
      while (grew) { // an inner loop's variable varies when its bounds do
        grew = innerLoopVariables(loop.body());
      }
      findTemporaries(written);
      walk(loop.body(), false);
      checkWrites();
      checkReturns();
    }

    // -------------------------------------------------------------------------------- what the body writes

    private void writtenRoots(List<Stmt> stmts, Set<Object> out) {
      IrWalker writes = new IrWalker() {
        @Override
        public void stmt(Stmt s) {
          Object root = null;
          if (s instanceof Stmt.Assign a) {
            root = root(a.target());
          } else if (s instanceof Stmt.Clear c) {
            root = root(c.target());
          } else if (s instanceof Stmt.Undefine u) {
            root = root(u.target());
          } else if (s instanceof Stmt.MultisetAdd m) {
            root = root(m.multiset());
          } else if (s instanceof Stmt.MultisetRemove m) {
            root = root(m.multiset());
          } else if (s instanceof Stmt.MultisetRemovePred m) {
            root = root(m.multiset());
          } else if (s instanceof Stmt.ProcCall c) {
            for (int i = 0; i < c.arguments().size() && i < c.function().parameters().size(); i++) {
              if (c.function().parameters().get(i).kind() == Local.Kind.VAR_PARAMETER) {
                Object r = root(c.arguments().get(i));
                if (r != null) {
                  out.add(r);
                }
              }
            }
          }
          if (root != null) {
            out.add(root);
          }
          super.stmt(s);
        }
      };
      stmts.forEach(writes::stmt);
    }

    private boolean innerLoopVariables(List<Stmt> stmts) {
      boolean[] grew = {false};
      IrWalker loops = new IrWalker() {
        @Override
        public void stmt(Stmt s) {
          if (s instanceof Stmt.For f && !varying.contains(f.quantifier().variable())) {
            Set<Object> bounds = new HashSet<>();
            reads(f.quantifier(), bounds);
            if (!Collections.disjoint(bounds, varying)) {
              varying.add(f.quantifier().variable());
              grew[0] = true;
            }
          }
          super.stmt(s);
        }
      };
      stmts.forEach(loops::stmt);
      return grew[0];
    }

    /**
     * Locals of the rule or function that no code outside this loop uses and that each iteration assigns before
     * anything else touches them: their values do not outlive an iteration.
     */
    private void findTemporaries(Set<Object> written) {
      Set<Object> outside = new HashSet<>();
      mentions(enclosing, loop, outside);
      for (Object o : written) {
        if (!(o instanceof Local local) || local.kind() != Local.Kind.VARIABLE || outside.contains(local)) {
          continue;
        }
        for (Stmt s : loop.body()) {
          Set<Object> touched = new HashSet<>();
          mentions(List.of(s), null, touched);
          if (!touched.contains(local)) {
            continue;
          }
          if (s instanceof Stmt.Assign a && a.target() instanceof Expr.LocalRef r && r.local() == local
              && !reads(a.value()).contains(local)) {
            temporaries.add(local);
          }
          if (s instanceof Stmt.Undefine u && u.target() instanceof Expr.LocalRef r && r.local() == local) {
            temporaries.add(local); // every value inside is overwritten (with "undefined")
          }
          break;
        }
      }
    }

    /** Every variable and local that {@code stmts} read or write, except inside {@code skip}. */
    private void mentions(List<Stmt> stmts, Stmt skip, Set<Object> out) {
      stmts.forEach(new Reads(out, skip)::stmt);
    }

    // -------------------------------------------------------------------------------- the walk

    private boolean dependent(Expr e) {
      return e != null && !Collections.disjoint(reads(e), varying);
    }

    /** Records the body's writes and returns; {@code conditional}: under a condition that depends on the loop. */
    private void walk(List<Stmt> stmts, boolean conditional) {
      for (Stmt s : stmts) {
        if (s instanceof Stmt.Assign a) {
          write(s, a.target(), a.value(), conditional);
        } else if (s instanceof Stmt.Clear c) {
          write(s, c.target(), null, conditional);
        } else if (s instanceof Stmt.Undefine u) {
          write(s, u.target(), null, conditional);
        } else if (s instanceof Stmt.If i) {
          boolean c = conditional;
          for (Stmt.IfClause clause : i.clauses()) {
            c |= dependent(clause.condition()); // an elsif or else also depends on the conditions before it
            walk(clause.body(), c);
          }
        } else if (s instanceof Stmt.Switch sw) {
          boolean c = conditional || dependent(sw.value());
          for (Stmt.SwitchCase sc : sw.cases()) {
            for (Expr label : sc.labels()) {
              c |= dependent(label);
            }
          }
          for (Stmt.SwitchCase sc : sw.cases()) {
            walk(sc.body(), c);
          }
        } else if (s instanceof Stmt.While w) {
          walk(w.body(), conditional || dependent(w.condition()));
        } else if (s instanceof Stmt.For f) {
          Quantifier q = f.quantifier();
          walk(f.body(), conditional || dependent(q.from()) || dependent(q.to()) || dependent(q.step()));
        } else if (s instanceof Stmt.Alias a) {
          walk(a.body(), conditional);
        } else if (s instanceof Stmt.Return r) {
          returns.add(r);
          returnConditional.add(conditional);
        } else if (s instanceof Stmt.ProcCall) {
          effects = true;
        } else if (s instanceof Stmt.MultisetAdd m) {
          effects |= !temporaries.contains(root(m.multiset()));
        } else if (s instanceof Stmt.MultisetRemove m) {
          effects |= !temporaries.contains(root(m.multiset()));
        } else if (s instanceof Stmt.MultisetRemovePred m) {
          effects |= !temporaries.contains(root(m.multiset()));
        } else if (!(s instanceof Stmt.Put || s instanceof Stmt.Error || s instanceof Stmt.PropertyStmt)) {
          throw new IllegalStateException("IterationOrder does not handle " + s.getClass().getName());
        }
      }
    }

    /** Records an assignment ({@code value} null for clear and undefine). */
    private void write(Stmt s, Expr target, Expr value, boolean conditional) {
      Object root = root(target);
      if (root == null || temporaries.contains(root)) {
        return;
      }
      effects = true;
      if (indexReads(target, varying)) {
        return; // each iteration may write a different place: no last writer
      }
      String key = key(target);
      String update = null;
      boolean dependent;
      String valueKey;
      if (value == null) {
        valueKey = s instanceof Stmt.Clear ? "clear" : "undefine";
        dependent = false;
      } else {
        valueKey = key(value);
        Expr operand = updateOperand(target, key, value);
        if (operand != null) {
          update = ((Expr.Binary) value).op().name().replace("SUB", "ADD");
          dependent = dependent(operand);
        } else {
          Set<Object> read = reads(value);
          read.remove(root);
          if (read.size() < reads(value).size() && Collections.disjoint(read, varying)) {
            update = "self " + valueKey; // e.g. x := !x: a function of the old value only
            dependent = false;
          } else {
            dependent = dependent(value);
          }
        }
      }
      writes.computeIfAbsent(key, k -> new ArrayList<>())
          .add(new Write(s, target, valueKey, update, dependent, conditional));
    }

    /** For {@code t := t op e} (op associative and commutative, or {@code t - e}), the operand e; else null. */
    private Expr updateOperand(Expr target, String targetKey, Expr value) {
      if (!(value instanceof Expr.Binary b)) {
        return null;
      }
      boolean commutative = switch (b.op()) {
        case ADD, MUL, AND, OR, BITWISE_AND, BITWISE_OR, XOR -> true;
        default -> false;
      };
      Object root = root(target);
      if ((commutative || b.op() == BinaryOp.SUB) && key(b.left()).equals(targetKey)
          && !reads(b.right()).contains(root)) {
        return b.right();
      }
      if (commutative && key(b.right()).equals(targetKey) && !reads(b.left()).contains(root)) {
        return b.left();
      }
      return null;
    }

    // -------------------------------------------------------------------------------- verdicts

    private void checkWrites() {
      for (List<Write> ws : writes.values()) {
        String name = text(ws.get(0).target());
        Write culprit = ws.stream().filter(w -> !w.isUpdate() && w.dependent()).findFirst().orElse(null);
        if (culprit != null) {
          warn(culprit.stmt(), "'" + name + "' is not indexed by '" + variable.name() + "' but is assigned a value"
              + " that depends on it, so the last iteration's value wins");
          continue;
        }
        Set<String> updates = new HashSet<>();
        Set<String> values = new HashSet<>();
        boolean anyConditional = false;
        boolean dependentUpdate = false;
        Write firstConditional = null;
        for (Write w : ws) {
          if (w.isUpdate()) {
            updates.add(w.update());
            dependentUpdate |= w.dependent();
          } else {
            values.add(w.value());
          }
          if (w.conditional() && firstConditional == null) {
            firstConditional = w;
          }
          anyConditional |= w.conditional();
        }
        boolean varies = anyConditional || dependentUpdate;
        if (!values.isEmpty() && !updates.isEmpty() && varies) {
          warn(firstConditional != null ? firstConditional.stmt() : ws.get(0).stmt(),
              "'" + name + "' is not indexed by '" + variable.name() + "' and is both set and updated in the loop,"
                  + " so its final value depends on which iterations came last");
        } else if (updates.size() > 1 && varies) {
          warn(ws.get(0).stmt(), "'" + name + "' is not indexed by '" + variable.name() + "' and is updated in"
              + " different ways that need not commute, depending on '" + variable.name() + "'");
        } else if (updates.isEmpty() && values.size() > 1 && anyConditional) {
          warn(firstConditional.stmt(), "'" + name + "' is not indexed by '" + variable.name() + "' but is assigned"
              + " different values under conditions that depend on it, so the last iteration's value wins");
        }
      }
    }

    private void checkReturns() {
      if (returns.isEmpty()) {
        return;
      }
      for (Stmt.Return r : returns) {
        if (dependent(r.value())) {
          warn(r, "this 'return' leaves the loop with a value that depends on '" + variable.name()
              + "', so the first value visited wins");
          return;
        }
      }
      Set<String> values = new HashSet<>();
      for (Stmt.Return r : returns) {
        values.add(key(r.value()));
      }
      if (values.size() > 1 && returnConditional.contains(true)) {
        warn(returns.get(0), "this 'return' and another one in the loop return different values under conditions"
            + " that depend on '" + variable.name() + "', so the first value visited decides");
      } else if (effects) {
        warn(returns.get(0), "this 'return' leaves the loop early, after the changes of only the iterations visited"
            + " so far");
      }
    }

    private void warn(Stmt at, String why) {
      if (reported.add(at)) {
        problems.warning(
            at.location(), "the effect of this 'for " + variable.name() + " : " + typeName + "' loop may depend on"
                + " the iteration order: " + why + "; symmetry reduction assumes that the values of scalarset '"
                + scalarsetName + "' are interchangeable");
      }
    }
  }
}
