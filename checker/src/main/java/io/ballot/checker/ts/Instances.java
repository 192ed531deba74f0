package io.ballot.checker.ts;

import io.ballot.checker.ModelTooLarge;
import io.ballot.checker.ir.Binder;
import io.ballot.checker.ir.Choose;
import io.ballot.checker.ir.Expr;
import io.ballot.checker.ir.Model;
import io.ballot.checker.ir.Property;
import io.ballot.checker.ir.Quantifier;
import io.ballot.checker.ir.Rule;
import io.ballot.checker.ir.SourceLocation;
import io.ballot.checker.ir.StartState;
import io.ballot.checker.ir.Type;
import io.ballot.checker.state.Values;
import java.util.ArrayList;
import java.util.List;

/**
 * The instances of a model's start states, rules and properties: one per combination of their binders' values,
 * numbered in a fixed order (source order, then the binders' values, outermost binder slowest). Every
 * {@link TransitionSystem} implementation numbers its instances with this class, so that instance {@code i} means
 * the same thing to the interpreter and to compiled code.
 */
public final class Instances {
  private Instances() {}

  /**
   * The most instances one list (start states, rules or properties) may have: each is a value the checker holds and
   * tries in every state, so a ruleset over a range of billions is a model that cannot be checked, not a long wait.
   */
  public static final long MAX_INSTANCES = 1_000_000;

  /**
   * One instance: its source (a {@link StartState}, {@link Rule} or {@link Property}), the source's position in its
   * model list, the binders, one value per binder (a quantifier's value, a choose's slot; 0 for an alias, which takes
   * none) and the instance's description.
   */
  public record Inst<T>(T source, int sourceIndex, List<Binder> binders, long[] values, Instance description) {}

  public static List<Inst<StartState>> starts(Model model) {
    List<Inst<StartState>> out = new ArrayList<>();
    int n = 0;
    for (StartState s : model.startStates()) {
      String name = s.name() != null ? s.name() : "Startstate " + (n + 1);
      expand(s, n, s.binders(), name, s.location(), out);
      n++;
    }
    return out;
  }

  public static List<Inst<Rule>> rules(Model model) {
    List<Inst<Rule>> out = new ArrayList<>();
    int n = 0;
    for (Rule r : model.rules()) {
      String name = r.name() != null ? r.name() : "Rule " + (n + 1);
      expand(r, n, r.binders(), name, r.location(), out);
      n++;
    }
    return out;
  }

  public static List<Inst<Property>> properties(Model model) {
    List<Inst<Property>> out = new ArrayList<>();
    int n = 0;
    for (Property p : model.properties()) {
      String name = p.name() != null ? p.name() : p.keyword() + " " + (n + 1);
      expand(p, n, p.binders(), name, p.location(), out);
      n++;
    }
    return out;
  }

  /** One instance per combination of the binders' values (aliases take no values; a choose takes a slot). */
  private static <T> void expand(
      T source, int index, List<Binder> binders, String name, SourceLocation at, List<Inst<T>> out) {
    long count = 1;
    for (Binder b : binders) {
      count = saturatedProduct(count, choiceCount(b));
    }
    if (out.size() + count > MAX_INSTANCES) {
      throw new ModelTooLarge(at + ": error: '" + name + "' has " + (count == Long.MAX_VALUE ? "more than 2^63"
          : String.format("%,d", count)) + " instances (one per combination of its ruleset or quantifier values)"
          + (out.isEmpty() ? "" : " after " + String.format("%,d", out.size()) + " of the ones before it")
          + ", more than the " + String.format("%,d", MAX_INSTANCES) + " a model may have");
    }
    List<long[]> combos = new ArrayList<>();
    combos.add(new long[binders.size()]);
    for (int b = 0; b < binders.size(); b++) {
      List<Long> choices = choices(binders.get(b));
      if (choices == null) {
        continue;
      }
      List<long[]> next = new ArrayList<>();
      for (long[] c : combos) {
        for (long v : choices) {
          long[] d = c.clone();
          d[b] = v;
          next.add(d);
        }
      }
      combos = next;
    }
    for (long[] c : combos) {
      List<String> params = new ArrayList<>();
      for (int b = 0; b < binders.size(); b++) {
        if (binders.get(b) instanceof Quantifier q) {
          Type t = q.overType() ? q.type() : q.variable().type();
          params.add(q.variable().name() + ": " + Values.text(t, c[b]));
        } else if (binders.get(b) instanceof Choose ch) {
          params.add(ch.index().name() + ": " + c[b]);
        }
      }
      out.add(new Inst<>(source, index, binders, c, new Instance(name, params, at)));
    }
  }

  /** How many values {@link #choices} gives for {@code b} (1 for an alias), without listing them. */
  static long choiceCount(Binder b) {
    if (b instanceof Quantifier q) {
      if (q.overType()) {
        return q.type().cardinality();
      }
      long from = ((Expr.Literal) q.from()).value();
      long to = ((Expr.Literal) q.to()).value();
      long step = q.step() == null ? 1 : ((Expr.Literal) q.step()).value();
      if (step == 0 || (step > 0 ? to < from : to > from)) {
        return 0;
      }
      java.math.BigInteger n = java.math.BigInteger.valueOf(to).subtract(java.math.BigInteger.valueOf(from))
          .divide(java.math.BigInteger.valueOf(step)).add(java.math.BigInteger.ONE);
      return n.bitLength() < 63 ? n.longValue() : Long.MAX_VALUE;
    }
    if (b instanceof Choose c) {
      return ((Type.MultisetType) c.multiset().type()).capacity();
    }
    return 1;
  }

  private static long saturatedProduct(long a, long b) {
    if (a == 0 || b == 0) {
      return 0;
    }
    return a > Long.MAX_VALUE / b ? Long.MAX_VALUE : a * b;
  }

  /** The values a binder ranges over, or null for an alias. Ruleset bounds are constants (checked upstream). */
  public static List<Long> choices(Binder b) {
    List<Long> out = new ArrayList<>();
    if (b instanceof Quantifier q) {
      if (q.overType()) {
        for (long i = 0; i < q.type().cardinality(); i++) {
          out.add(Values.value(q.type(), i));
        }
      } else {
        long from = ((Expr.Literal) q.from()).value();
        long to = ((Expr.Literal) q.to()).value();
        long step = q.step() == null ? 1 : ((Expr.Literal) q.step()).value();
        for (long i = from; step > 0 ? i <= to : i >= to; i += step) {
          out.add(i);
        }
      }
      return out;
    }
    if (b instanceof Choose c) {
      long capacity = ((Type.MultisetType) c.multiset().type()).capacity();
      for (long i = 0; i < capacity; i++) {
        out.add(i);
      }
      return out;
    }
    return null;
  }
}
