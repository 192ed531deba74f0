package io.ballot.checker.compile;

import io.ballot.checker.ir.Binder;
import io.ballot.checker.ir.Expr;
import io.ballot.checker.ir.Expr.BinaryOp;
import io.ballot.checker.ir.Local;
import io.ballot.checker.ir.Model;
import io.ballot.checker.ir.Quantifier;
import io.ballot.checker.ir.Stmt;
import io.ballot.checker.ir.Type;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Small random IR models for differential testing: 2–4 variables (small ranges, booleans, an enum, maybe a small
 * array), a start state (sometimes leaving a variable undefined), 2–5 rules (some in a ruleset) with random guards
 * and assignments of arithmetic expressions, and maybe an invariant. Run-time errors (range, overflow, division by
 * zero, undefined reads, bad indices) are frequent on purpose.
 */
final class RandomModels {
  private final Random rnd;
  private final Ir ir = new Ir();
  private final List<Expr.VarRef> ints = new ArrayList<>();
  private final List<Expr.VarRef> bools = new ArrayList<>();
  private final List<Expr.VarRef> enums = new ArrayList<>();
  private final List<Expr.VarRef> arrays = new ArrayList<>();
  private final List<Local> scope = new ArrayList<>();
  private Type.EnumType colour;

  private RandomModels(long seed) {
    this.rnd = new Random(seed);
  }

  static Model generate(long seed) {
    return new RandomModels(seed).build();
  }

  private Model build() {
    colour = ir.enumType("red", "green", "blue");
    int vars = 2 + rnd.nextInt(3);
    for (int i = 0; i < vars; i++) {
      switch (rnd.nextInt(arrays.isEmpty() ? 4 : 3)) {
        case 0 -> {
          long lo = new long[] {-2, 0, 0, 1, 3}[rnd.nextInt(5)];
          ints.add(ir.var("x" + i, Ir.range(lo, lo + 1 + rnd.nextInt(4))));
        }
        case 1 -> bools.add(ir.var("b" + i, Ir.BOOL));
        case 2 -> enums.add(ir.var("e" + i, colour));
        default -> arrays.add(ir.var("a" + i, Ir.array(Ir.range(0, 2), Ir.range(0, 3))));
      }
    }
    List<Stmt> init = new ArrayList<>();
    for (Expr.VarRef v : all()) {
      if (rnd.nextInt(20) == 0) {
        continue; // stays undefined
      }
      if (v.type() instanceof Type.ArrayType) {
        for (int k = 0; k <= 2; k++) {
          init.add(ir.assign(ir.elem(ir.ref(v), ir.num(k)), ir.num(rnd.nextInt(4))));
        }
      } else {
        init.add(ir.assign(ir.ref(v), constant(v.type())));
      }
    }
    ir.start(init.toArray(Stmt[]::new));
    int rules = 2 + rnd.nextInt(4); // 2..5
    for (int r = 0; r < rules; r++) {
      List<Binder> binders = new ArrayList<>();
      if (rnd.nextInt(3) == 0) {
        Local q = ir.local("q" + r, Local.Kind.QUANTIFIER, rnd.nextBoolean() ? Ir.range(0, 2) : colour);
        binders.add(ir.over(q, q.type()));
        scope.add(q);
      }
      Expr guard = rnd.nextInt(3) == 0 ? null : boolExpr(1 + rnd.nextInt(2));
      int n = 1 + rnd.nextInt(3);
      Stmt[] body = new Stmt[n];
      for (int k = 0; k < n; k++) {
        body[k] = stmt(1);
      }
      ir.rule("r" + r, binders, guard, List.of(), body);
      scope.clear();
    }
    if (rnd.nextInt(10) < 7) {
      ir.invariant("inv", boolExpr(2));
    }
    return ir.model();
  }

  private List<Expr.VarRef> all() {
    List<Expr.VarRef> out = new ArrayList<>(ints);
    out.addAll(bools);
    out.addAll(enums);
    out.addAll(arrays);
    return out;
  }

  private Expr constant(Type t) {
    if (t instanceof Type.RangeType r) {
      return ir.num(r.lo() + rnd.nextInt((int) (r.hi() - r.lo() + 1)));
    }
    if (t instanceof Type.BooleanType) {
      return ir.bool(rnd.nextBoolean());
    }
    return ir.lit(t, rnd.nextInt((int) t.cardinality()));
  }

  private <T> T pick(List<T> list) {
    return list.get(rnd.nextInt(list.size()));
  }

  private Local scoped(Type t) {
    List<Local> fit = scope.stream().filter(l -> l.type().equals(t)).toList();
    return fit.isEmpty() ? null : pick(fit);
  }

  private Expr intExpr(int depth) {
    while (true) {
      switch (rnd.nextInt(depth > 0 ? 8 : 4)) {
        case 0:
          return ir.num(rnd.nextInt(7) - 2);
        case 1:
          if (!ints.isEmpty()) {
            return ir.ref(pick(ints));
          }
          break;
        case 2:
          if (!arrays.isEmpty()) {
            return ir.elem(ir.ref(pick(arrays)), index());
          }
          break;
        case 3: {
          Local q = scoped(Ir.range(0, 2));
          if (q != null) {
            return ir.use(q);
          }
          break;
        }
        case 4:
        case 5: {
          BinaryOp op = new BinaryOp[] {BinaryOp.ADD, BinaryOp.SUB, BinaryOp.MUL, BinaryOp.DIV, BinaryOp.MOD,
              BinaryOp.ADD}[rnd.nextInt(6)];
          boolean divides = op == BinaryOp.DIV || op == BinaryOp.MOD;
          Expr right = divides && rnd.nextInt(10) < 7 ? ir.num(1 + rnd.nextInt(3)) : intExpr(depth - 1);
          return ir.bin(op, intExpr(depth - 1), right);
        }
        case 6:
          return ir.ternary(boolExpr(depth - 1), intExpr(depth - 1), intExpr(depth - 1));
        default:
          return new Expr.Unary(Expr.UnaryOp.NEGATE, intExpr(depth - 1), Ir.INT, ir.at());
      }
    }
  }

  /** {@code lo + ((e % n + n) % n)}: a value of the range whatever e is (when e itself evaluates). */
  private Expr wrapped(Expr e, Type.RangeType r) {
    long n = r.hi() - r.lo() + 1;
    Expr m = ir.bin(BinaryOp.MOD, ir.add(ir.bin(BinaryOp.MOD, e, ir.num(n)), ir.num(n)), ir.num(n));
    return ir.add(ir.num(r.lo()), m);
  }

  private Expr index() {
    Local q = scoped(Ir.range(0, 2));
    if (q != null && rnd.nextBoolean()) {
      return ir.use(q);
    }
    return rnd.nextInt(10) == 0 ? intExpr(1) : ir.num(rnd.nextInt(3));
  }

  private Expr enumExpr() {
    Local q = scoped(colour);
    if (q != null && rnd.nextBoolean()) {
      return ir.use(q);
    }
    if (!enums.isEmpty() && rnd.nextBoolean()) {
      return ir.ref(pick(enums));
    }
    return ir.lit(colour, rnd.nextInt(3));
  }

  private Expr boolExpr(int depth) {
    while (true) {
      switch (rnd.nextInt(depth > 0 ? 10 : 4)) {
        case 0:
          if (!bools.isEmpty()) {
            return ir.ref(pick(bools));
          }
          break;
        case 1:
        case 2: {
          BinaryOp op = new BinaryOp[] {BinaryOp.LT, BinaryOp.LE, BinaryOp.EQ, BinaryOp.NEQ, BinaryOp.GT,
              BinaryOp.GE}[rnd.nextInt(6)];
          return ir.bin(op, intExpr(Math.max(0, depth - 1)), intExpr(Math.max(0, depth - 1)));
        }
        case 3:
          return ir.bin(rnd.nextBoolean() ? BinaryOp.EQ : BinaryOp.NEQ, enumExpr(), enumExpr());
        case 4:
        case 5:
          return ir.bin(new BinaryOp[] {BinaryOp.AND, BinaryOp.OR, BinaryOp.IMPLIES}[rnd.nextInt(3)],
              boolExpr(depth - 1), boolExpr(depth - 1));
        case 6:
          return ir.not(boolExpr(depth - 1));
        case 7: {
          Local q = ir.local("k", Local.Kind.QUANTIFIER, Ir.range(0, 2));
          Quantifier quant = ir.over(q, q.type());
          scope.add(q);
          Expr body = boolExpr(depth - 1);
          scope.remove(q);
          return rnd.nextBoolean() ? ir.forall(quant, body) : ir.exists(quant, body);
        }
        case 8: {
          List<Expr.VarRef> vars = all();
          Expr.VarRef v = pick(vars);
          Expr target = v.type() instanceof Type.ArrayType ? ir.elem(ir.ref(v), index()) : ir.ref(v);
          return new Expr.IsUndefined(target, ir.at());
        }
        default:
          return ir.bool(rnd.nextBoolean());
      }
    }
  }

  private Stmt stmt(int depth) {
    while (true) {
      switch (rnd.nextInt(depth > 0 ? 9 : 7)) {
        case 0:
        case 1:
          if (!ints.isEmpty()) {
            Expr.VarRef v = pick(ints);
            int how = rnd.nextInt(10);
            Expr value = how < 5 ? wrapped(ir.add(ir.ref(v), intExpr(1)), (Type.RangeType) v.type())
                : how < 9 ? wrapped(intExpr(2), (Type.RangeType) v.type()) : intExpr(2);
            return ir.assign(ir.ref(v), value);
          }
          break;
        case 2:
          if (!bools.isEmpty()) {
            return ir.assign(ir.ref(pick(bools)), boolExpr(1));
          }
          break;
        case 3:
          if (!enums.isEmpty()) {
            return ir.assign(ir.ref(pick(enums)), enumExpr());
          }
          break;
        case 4:
        case 5:
          if (!arrays.isEmpty()) {
            Expr.VarRef a = pick(arrays);
            Expr index = index();
            Expr target = ir.elem(ir.ref(a), index);
            int how = rnd.nextInt(10);
            Type.RangeType et = (Type.RangeType) target.type();
            Expr value = how < 5 ? wrapped(ir.add(ir.elem(ir.ref(a), ir.num(rnd.nextInt(3))), intExpr(0)), et)
                : how < 9 ? wrapped(intExpr(1), et) : intExpr(1);
            return ir.assign(target, value);
          }
          break;
        case 6: {
          if (rnd.nextInt(4) != 0) {
            break;
          }
          Expr.VarRef v = pick(all());
          return rnd.nextBoolean() ? ir.clear(ir.ref(v)) : ir.undefine(ir.ref(v));
        }
        default:
          return ir.ifThen(boolExpr(1), List.of(stmt(depth - 1)), rnd.nextBoolean() ? List.of(stmt(depth - 1)) : null);
      }
    }
  }
}
