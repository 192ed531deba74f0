package io.ballot.checker.compile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ballot.checker.CheckOptions;
import io.ballot.checker.Checker;
import io.ballot.checker.ProgressListener;
import io.ballot.checker.interp.Interpreter;
import io.ballot.checker.ir.AliasBinding;
import io.ballot.checker.ir.Binder;
import io.ballot.checker.ir.Choose;
import io.ballot.checker.ir.Expr;
import io.ballot.checker.ir.Expr.BinaryOp;
import io.ballot.checker.ir.Function;
import io.ballot.checker.ir.Local;
import io.ballot.checker.ir.Local.Kind;
import io.ballot.checker.ir.PropertyKind;
import io.ballot.checker.ir.Quantifier;
import io.ballot.checker.ir.Stmt;
import io.ballot.checker.ir.Type;
import io.ballot.checker.result.Result;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Hand-written models, one per language feature, each run on both engines and compared observation by observation
 * (see {@link Differential}); each also checks a fact or two, so that the feature is known to be exercised.
 */
class CompiledFeaturesTest {

  /** The generator options the features are compiled with (the split variant overrides them). */
  CompileOptions options() {
    return CompileOptions.DEFAULTS;
  }

  private static boolean logHas(Differential.Log log, String text) {
    return log.lines().stream().anyMatch(l -> l.contains(text));
  }

  @Test
  void functionsWithVarAndValueParametersAndRecursion() {
    Ir ir = new Ir();
    Type small = Ir.range(0, 5);
    Expr.VarRef g = ir.var("g", small);
    Expr.VarRef arr = ir.var("arr", Ir.array(Ir.range(0, 2), small));
    Expr.VarRef big = ir.var("big", Ir.range(0, 200));

    Local x = ir.local("x", Kind.VAR_PARAMETER, small);
    Function inc = ir.function("inc", null, x);
    inc.define(List.of(), List.of(ir.assign(ir.use(x), ir.add(ir.use(x), ir.num(1)))));

    Local v = ir.local("v", Kind.PARAMETER, small);
    Function twice = ir.function("twice", Ir.range(0, 10), v);
    twice.define(List.of(), List.of(ir.ret(ir.add(ir.useValue(v), ir.useValue(v)))));

    Local n = ir.local("n", Kind.PARAMETER, small);
    Function fact = ir.function("fact", Ir.range(0, 200), n);
    fact.define(List.of(), List.of(ir.ifThen(ir.eq(ir.useValue(n), ir.num(0)), List.of(ir.ret(ir.num(1))),
        List.of(ir.ret(ir.bin(BinaryOp.MUL, ir.useValue(n),
            ir.call(fact, ir.sub(ir.useValue(n), ir.num(1)))))))));

    // a function that sometimes falls off its end
    Local w = ir.local("w", Kind.PARAMETER, small);
    Function partial = ir.function("partial", Ir.BOOL, w);
    partial.define(List.of(), List.of(ir.ifThen(ir.lt(ir.useValue(w), ir.num(4)), List.of(ir.ret(ir.bool(true))),
        null)));

    Local i = ir.local("i", Kind.QUANTIFIER, Ir.range(0, 2));
    ir.start(ir.assign(ir.ref(g), ir.num(0)), ir.assign(ir.ref(big), ir.num(0)),
        ir.forLoop(ir.over(i, i.type()), ir.assign(ir.elem(ir.ref(arr), ir.use(i)), ir.use(i))));
    ir.rule("bump g", ir.lt(ir.ref(g), ir.num(5)), ir.callProc(inc, ir.ref(g)));
    Local j = ir.local("j", Kind.QUANTIFIER, Ir.range(0, 2));
    ir.rule("bump arr", List.of(ir.over(j, j.type())), ir.lt(ir.elem(ir.ref(arr), ir.use(j)), ir.num(5)), List.of(),
        ir.callProc(inc, ir.elem(ir.ref(arr), ir.use(j))));
    Local t = ir.local("t", Kind.VARIABLE, small);
    ir.rule("local", List.of(), ir.lt(ir.ref(g), ir.num(5)), List.of(t),
        ir.assign(ir.useLocal(t), ir.ref(g)),
        ir.callProc(inc, ir.useLocal(t)),
        ir.ifThen(ir.bin(BinaryOp.GT, ir.call(twice, ir.useLocal(t)), ir.num(8)),
            List.of(ir.assign(ir.ref(big), ir.call(fact, ir.useLocal(t)))), null));
    ir.rule("partial", ir.call(partial, ir.ref(g)), ir.assign(ir.ref(big), ir.num(1)));
    ir.invariant("fact", ir.eq(ir.call(fact, ir.num(3)), ir.num(6)));
    Differential.Log log = Differential.assertSame(ir.model(), 5000, options());
    // arr[i] in i..5 (120) × (g, big): big 0 or 1 with any g, big 120 (fact 5) only once g reached 4
    assertEquals(120 * (6 + 6 + 2), log.states());
    assertTrue(logHas(log, "the end of function partial was reached without returning a value"));
  }

  @Test
  void recordsAndArraysAreCopiedComparedClearedAndUndefined() {
    Ir ir = new Ir();
    Type.RecordType rec = Ir.record("a", Ir.range(0, 3), "b", Ir.BOOL);
    Expr.VarRef r = ir.var("r", rec);
    Expr.VarRef rs = ir.var("rs", Ir.array(Ir.range(0, 1), rec));
    Expr.VarRef same = ir.var("same", Ir.BOOL);

    Local a = ir.local("a", Kind.PARAMETER, Ir.range(0, 3));
    Local tmp = ir.local("tmp", Kind.VARIABLE, rec);
    Function mk = ir.function("mk", rec, a);
    mk.define(List.of(tmp), List.of(
        ir.assign(ir.field(ir.useLocal(tmp), "a"), ir.useValue(a)),
        ir.assign(ir.field(ir.useLocal(tmp), "b"), ir.bool(true)),
        ir.ret(ir.useLocal(tmp))));

    ir.start(ir.assign(ir.ref(r), ir.call(mk, ir.num(0))), ir.clear(ir.ref(rs)), ir.assign(ir.ref(same), ir.bool(false)));
    ir.rule("save", null, ir.assign(ir.elem(ir.ref(rs), ir.num(0)), ir.ref(r)));
    ir.rule("step", null, ir.assign(ir.field(ir.ref(r), "a"),
        ir.bin(BinaryOp.MOD, ir.add(ir.field(ir.ref(r), "a"), ir.num(1)), ir.num(4))));
    Local l = ir.local("l", Kind.VARIABLE, rec);
    ir.rule("flip copy", List.of(), null, List.of(l),
        ir.assign(ir.useLocal(l), ir.elem(ir.ref(rs), ir.num(1))),
        ir.assign(ir.field(ir.useLocal(l), "b"), ir.not(ir.field(ir.useLocal(l), "b"))),
        ir.assign(ir.elem(ir.ref(rs), ir.num(1)), ir.useLocal(l)));
    ir.rule("compare", null, ir.assign(ir.ref(same),
        ir.eq(ir.elem(ir.ref(rs), ir.num(0)), ir.elem(ir.ref(rs), ir.num(1)))));
    ir.rule("pick", null, ir.assign(ir.ref(r),
        ir.ternary(ir.ref(same), ir.elem(ir.ref(rs), ir.num(0)), ir.call(mk, ir.num(3)))));
    ir.rule("clear", ir.ref(same), ir.clear(ir.elem(ir.ref(rs), ir.num(1))));
    ir.rule("undefine", ir.and(ir.ref(same), ir.field(ir.ref(r), "b")), ir.undefine(ir.ref(r)));
    Differential.Log log = Differential.assertSame(ir.model(), 5000, options());
    assertTrue(log.states() > 50, "states: " + log.states());
    assertTrue(logHas(log, "read of undefined value in r.a"));
  }

  /**
   * CMurphi's copy of an undefined value: {@code x := y} with {@code y} a whole variable, parameter, local or alias
   * of one makes {@code x} undefined (no error); {@code UNDEFINED} as a value argument leaves the parameter
   * undefined; copying an undefined record field is still a read of an undefined value.
   */
  @Test
  void undefinedValuesCopyFromWholeNamesOnly() {
    Ir ir = new Ir();
    Type small = Ir.range(0, 3);
    Type wide = Ir.range(-2, 9);
    Type.EnumType e = ir.enumType("a", "b");
    Type.ScalarsetType sc = ir.scalarset("S", 2);
    Type.UnionType u = new Type.UnionType(List.of(e, sc));
    Type.RecordType rec = Ir.record("x", small, "y", Ir.BOOL);
    Expr.VarRef src = ir.var("src", small);
    Expr.VarRef dst = ir.var("dst", wide);
    Expr.VarRef sv = ir.var("sv", sc);
    Expr.VarRef uv = ir.var("uv", u);
    Expr.VarRef r = ir.var("r", rec);
    Expr.VarRef step = ir.var("step", Ir.range(0, 9));

    Local v = ir.local("v", Kind.PARAMETER, small);
    Local w = ir.local("w", Kind.PARAMETER, rec);
    Function keep = ir.function("keep", null, v, w);
    keep.define(List.of(), List.of(ir.assign(ir.ref(dst), ir.useValue(v)), ir.assign(ir.ref(r), ir.useValue(w))));
    Local vp = ir.local("vp", Kind.VAR_PARAMETER, small);
    Function viaVar = ir.function("viaVar", null, vp);
    viaVar.define(List.of(), List.of(ir.assign(ir.ref(dst), ir.use(vp))));

    ir.start(ir.assign(ir.ref(dst), ir.num(5)), ir.assign(ir.ref(step), ir.num(0)),
        ir.assign(ir.field(ir.ref(r), "x"), ir.num(1)));
    Local t = ir.local("t", Kind.VARIABLE, small);
    Local al = ir.local("al", Kind.ALIAS, small);
    ir.rule("whole variable", ir.eq(ir.ref(step), ir.num(0)),
        ir.assign(ir.ref(dst), ir.ref(src)), ir.assign(ir.ref(step), ir.num(1)));
    ir.rule("local and alias", List.of(), ir.eq(ir.ref(step), ir.num(1)), List.of(t),
        ir.assign(ir.ref(dst), ir.num(2)), ir.assign(ir.ref(dst), ir.useLocal(t)),
        ir.alias(al, ir.ref(src), ir.assign(ir.ref(dst), ir.useLocal(al))), ir.assign(ir.ref(step), ir.num(2)));
    ir.rule("parameters", ir.eq(ir.ref(step), ir.num(2)),
        ir.callProc(keep, ir.ref(src), new Expr.Undefined(rec, ir.at())), ir.callProc(viaVar, ir.ref(src)),
        ir.assign(ir.ref(step), ir.num(3)));
    ir.rule("into a union", ir.eq(ir.ref(step), ir.num(3)),
        ir.assign(ir.ref(uv), ir.ref(sv)), ir.callProc(keep, new Expr.Undefined(small, ir.at()), ir.ref(r)),
        ir.assign(ir.ref(step), ir.num(4)));
    ir.rule("field", ir.eq(ir.ref(step), ir.num(4)),
        ir.assign(ir.ref(dst), ir.field(ir.ref(r), "x")), ir.assign(ir.ref(step), ir.num(5)));
    Differential.Log log = Differential.assertSame(ir.model(), 100, options());
    assertEquals(5, log.states());
    assertTrue(logHas(log, "read of undefined value in r.x"));
    assertEquals(1, log.errors());
  }

  @Test
  void unionsConvertToAndFromTheirMembers() {
    Ir ir = new Ir();
    Type.EnumType e = ir.enumType("a", "b");
    Type.ScalarsetType s = ir.scalarset("S", 2);
    Type.UnionType u = new Type.UnionType(List.of(e, s));
    Expr.VarRef uv = ir.var("u", u);
    Expr.VarRef ev = ir.var("e", e);
    Expr.VarRef sv = ir.var("s", s);
    Expr.VarRef arr = ir.var("arr", Ir.array(u, Ir.range(0, 2)));

    Local p = ir.local("p", Kind.PARAMETER, e);
    Function isB = ir.function("isB", Ir.BOOL, p);
    isB.define(List.of(), List.of(ir.ret(ir.eq(ir.useValue(p), ir.lit(e, 1)))));

    ir.start(ir.assign(ir.ref(uv), ir.lit(e, 0)), ir.assign(ir.ref(ev), ir.lit(e, 1)),
        ir.assign(ir.ref(sv), ir.lit(s, 0)), ir.clear(ir.ref(arr)));
    ir.rule("to enum member", null, ir.assign(ir.ref(uv), ir.ref(ev)));
    ir.rule("to scalarset member", null, ir.assign(ir.ref(uv), ir.lit(s, 1)));
    ir.rule("back", new Expr.IsMember(ir.ref(uv), e, ir.at()), ir.assign(ir.ref(ev), ir.ref(uv)));
    ir.rule("back unchecked", null, ir.assign(ir.ref(sv), ir.ref(uv))); // an error when u holds an enum value
    ir.rule("flip", ir.eq(ir.ref(uv), ir.lit(e, 0)), ir.assign(ir.ref(ev), ir.lit(e, 0)));
    ir.rule("index by union", null, ir.assign(ir.elem(ir.ref(arr), ir.ref(uv)),
        ir.bin(BinaryOp.MOD, ir.add(ir.elem(ir.ref(arr), ir.ref(uv)), ir.num(1)), ir.num(3))));
    ir.rule("index by member", null, ir.assign(ir.elem(ir.ref(arr), ir.ref(sv)), ir.num(2)));
    ir.rule("pass member", ir.call(isB, ir.ref(uv)), ir.assign(ir.ref(ev), ir.lit(e, 0)));
    Differential.Log log = Differential.assertSame(ir.model(), 5000, options());
    assertTrue(log.states() > 20, "states: " + log.states());
    assertTrue(logHas(log, "union value is not a"));
  }

  @Test
  void multisetsAddRemoveCountAndChoose() {
    Ir ir = new Ir();
    Type.MultisetType mt = new Type.MultisetType(3, Ir.range(0, 2));
    Expr.VarRef m = ir.var("m", mt);
    Expr.VarRef c = ir.var("c", Ir.range(0, 3));

    ir.start(ir.undefine(ir.ref(m)), ir.assign(ir.ref(c), ir.num(0)));
    Local v = ir.local("v", Kind.QUANTIFIER, Ir.range(0, 2));
    Local k1 = ir.local("k", Kind.MULTISET_INDEX, Ir.range(0, 2));
    Expr count = new Expr.MultisetCount(k1, ir.ref(m), ir.bool(true), ir.at());
    ir.rule("add", List.of(ir.over(v, v.type())), ir.lt(count, ir.num(3)), List.of(),
        new Stmt.MultisetAdd(ir.use(v), ir.ref(m), ir.at()));
    Local ci = ir.local("i", Kind.MULTISET_INDEX, Ir.range(0, 2));
    ir.rule("remove", List.of(new Choose(ci, ir.ref(m), ir.at())), ir.lt(ir.elem(ir.ref(m), ir.useValue(ci)), ir.num(2)),
        List.of(), new Stmt.MultisetRemove(ir.useValue(ci), ir.ref(m), ir.at()));
    Local pi = ir.local("p", Kind.MULTISET_INDEX, Ir.range(0, 2));
    ir.rule("remove twos", null,
        new Stmt.MultisetRemovePred(pi, ir.ref(m), ir.eq(ir.elem(ir.ref(m), ir.useValue(pi)), ir.num(2)), ir.at()));
    Local k2 = ir.local("k", Kind.MULTISET_INDEX, Ir.range(0, 2));
    ir.rule("count zeros", null, ir.assign(ir.ref(c),
        new Expr.MultisetCount(k2, ir.ref(m), ir.eq(ir.elem(ir.ref(m), ir.useValue(k2)), ir.num(0)), ir.at())));
    ir.rule("overfill", ir.eq(ir.ref(c), ir.num(3)), new Stmt.MultisetAdd(ir.num(1), ir.ref(m), ir.at()));
    // the chosen element removed by the predicate, then once more: CMurphi's "Illegal Multiset element selected"
    Local ri = ir.local("r", Kind.MULTISET_INDEX, Ir.range(0, 2));
    Local rp = ir.local("s", Kind.MULTISET_INDEX, Ir.range(0, 2));
    ir.rule("remove twice", List.of(new Choose(ri, ir.ref(m), ir.at())), ir.eq(ir.ref(c), ir.num(2)), List.of(),
        new Stmt.MultisetRemovePred(rp, ir.ref(m), ir.bool(true), ir.at()),
        new Stmt.MultisetRemove(ir.useValue(ri), ir.ref(m), ir.at()));
    Local pc = ir.local("q", Kind.MULTISET_INDEX, Ir.range(0, 2));
    ir.property(PropertyKind.ASSERTION, "small", List.of(new Choose(pc, ir.ref(m), ir.at())),
        ir.lt(ir.elem(ir.ref(m), ir.useValue(pc)), ir.num(3)));
    Differential.Log log = Differential.assertSame(ir.model(), 5000, options());
    assertTrue(log.states() > 30, "states: " + log.states());
    assertTrue(logHas(log, "multiset is full"));
    assertTrue(logHas(log, "multisetremove of an element that is not in the multiset"));
  }

  @Test
  void aliasesOfPlacesAndOfValues() {
    Ir ir = new Ir();
    Type small = Ir.range(0, 3);
    Expr.VarRef arr = ir.var("arr", Ir.array(Ir.range(0, 2), small));
    Expr.VarRef g = ir.var("g", small);
    ir.start(ir.clear(ir.ref(arr)), ir.assign(ir.ref(g), ir.num(0)));
    Local i = ir.local("i", Kind.QUANTIFIER, Ir.range(0, 2));
    Local x = ir.local("x", Kind.ALIAS, small);
    List<Binder> binders = List.of(ir.over(i, i.type()),
        new AliasBinding(x, ir.elem(ir.ref(arr), ir.use(i)), ir.at()));
    ir.rule("through alias", binders, ir.lt(ir.use(x), ir.num(3)), List.of(),
        ir.assign(ir.use(x), ir.add(ir.use(x), ir.num(1))));
    Local y = ir.local("y", Kind.ALIAS, Ir.INT);
    Local z = ir.local("z", Kind.ALIAS, small);
    ir.rule("value alias", null,
        ir.alias(y, ir.add(ir.ref(g), ir.num(1)),
            ir.alias(z, ir.elem(ir.ref(arr), ir.ref(g)),
                ir.assign(ir.ref(g), ir.bin(BinaryOp.MOD, ir.useValue(y), ir.num(4))),
                ir.assign(ir.use(z), ir.num(0))))); // z still names arr[old g]
    Local q = ir.local("q", Kind.QUANTIFIER, Ir.range(0, 2));
    Local aq = ir.local("aq", Kind.ALIAS, Ir.range(0, 2));
    ir.rule("alias of quantifier", List.of(ir.over(q, q.type())), null, List.of(),
        ir.alias(aq, ir.use(q), ir.assign(ir.use(aq), ir.num(1)),
            ir.assign(ir.elem(ir.ref(arr), ir.use(q)), ir.use(q))));
    Differential.Log log = Differential.assertSame(ir.model(), 5000, options());
    assertTrue(log.states() > 20, "states: " + log.states());
  }

  @Test
  void whileForSwitchAndReturnsFromLoops() {
    Ir ir = new Ir();
    Type small = Ir.range(0, 9);
    Expr.VarRef g = ir.var("g", small);
    Expr.VarRef h = ir.var("h", small);
    Expr.VarRef stepv = ir.var("st", Ir.range(-1, 2));
    Expr.VarRef arr = ir.var("arr", Ir.array(Ir.range(0, 4), Ir.BOOL));

    // function: first index whose element is true, or 9 (return from inside a loop)
    Local fi = ir.local("i", Kind.QUANTIFIER, Ir.range(0, 4));
    Function first = ir.function("first", small);
    first.define(List.of(), List.of(
        ir.forLoop(ir.over(fi, fi.type()),
            ir.ifThen(ir.elem(ir.ref(arr), ir.use(fi)), List.of(ir.ret(ir.use(fi))), null)),
        ir.ret(ir.num(9))));

    Local li = ir.local("i", Kind.QUANTIFIER, Ir.range(0, 4));
    ir.start(ir.assign(ir.ref(g), ir.num(0)), ir.assign(ir.ref(h), ir.num(0)), ir.assign(ir.ref(stepv), ir.num(1)),
        ir.forLoop(ir.over(li, li.type()), ir.assign(ir.elem(ir.ref(arr), ir.use(li)), ir.bool(false))));
    Local k = ir.local("k", Kind.VARIABLE, small);
    ir.rule("count up", List.of(), ir.lt(ir.ref(g), ir.num(9)), List.of(k),
        ir.assign(ir.useLocal(k), ir.num(0)),
        ir.whileLoop(ir.lt(ir.useLocal(k), ir.ref(g)), ir.assign(ir.useLocal(k), ir.add(ir.useLocal(k), ir.num(1)))),
        ir.assign(ir.ref(g), ir.add(ir.useLocal(k), ir.num(1))));
    List<Stmt.SwitchCase> cases = List.of(
        new Stmt.SwitchCase(List.of(ir.num(0), ir.num(1)), List.of(ir.assign(ir.ref(h), ir.num(1))), ir.at()),
        new Stmt.SwitchCase(List.of(ir.num(5)), List.of(ir.assign(ir.ref(h), ir.num(5)), ir.ret(null),
            ir.assign(ir.ref(h), ir.num(6))), ir.at()),
        new Stmt.SwitchCase(List.of(), List.of(ir.assign(ir.ref(h), ir.num(2))), ir.at()));
    ir.rule("switch", null, new Stmt.Switch(ir.ref(g), cases, ir.at()));
    Local fj = ir.local("j", Kind.QUANTIFIER, Ir.INT);
    ir.rule("for with computed step", null,
        ir.forLoop(ir.range(fj, ir.num(4), ir.num(0), ir.ref(stepv)),
            ir.assign(ir.elem(ir.ref(arr), ir.use(fj)), ir.bool(true)))); // step 0: error; step > 0: no iteration
    ir.rule("step", null, ir.assign(ir.ref(stepv), ir.sub(ir.num(0), ir.bin(BinaryOp.MOD, ir.add(ir.ref(g),
        ir.num(1)), ir.num(2)))));
    Local fk = ir.local("k", Kind.QUANTIFIER, Ir.range(0, 4));
    ir.rule("for by two", null,
        ir.forLoop(ir.range(fk, ir.num(0), ir.num(4), ir.num(2)),
            ir.assign(ir.elem(ir.ref(arr), ir.use(fk)), ir.not(ir.elem(ir.ref(arr), ir.use(fk))))));
    ir.rule("find", null, ir.assign(ir.ref(h), ir.call(first)));
    Differential.Log log = Differential.assertSame(ir.model(), 5000, options());
    assertTrue(log.states() > 50, "states: " + log.states());
    assertTrue(logHas(log, "infinite loop due to 0 step"));
  }

  @Test
  void quantifiersCanBeAssignedAndPassedByReference() {
    Ir ir = new Ir();
    Expr.VarRef g = ir.var("g", Ir.range(0, 5));
    Local x = ir.local("x", Kind.VAR_PARAMETER, Ir.range(0, 2));
    Function reset = ir.function("reset", null, x);
    reset.define(List.of(), List.of(ir.assign(ir.use(x), ir.num(0))));
    ir.start(ir.assign(ir.ref(g), ir.num(0)));
    Local i = ir.local("i", Kind.QUANTIFIER, Ir.range(0, 2));
    ir.rule("assign ruleset quantifier", List.of(ir.over(i, i.type())), null, List.of(),
        ir.assign(ir.use(i), ir.num(2)), ir.assign(ir.ref(g), ir.use(i)));
    Local j = ir.local("j", Kind.QUANTIFIER, Ir.range(0, 2));
    ir.rule("loop quantifier by reference", null,
        ir.forLoop(ir.over(j, j.type()), ir.callProc(reset, ir.use(j)), ir.assign(ir.ref(g), ir.add(ir.use(j),
            ir.num(3)))));
    Local unbounded = ir.local("u", Kind.QUANTIFIER, Ir.INT);
    ir.rule("unbounded quantifier", ir.eq(ir.ref(g), ir.num(3)),
        ir.forLoop(ir.range(unbounded, ir.num(0), ir.ref(g), null), ir.assign(ir.use(unbounded), ir.num(1))));
    Local m = ir.local("m", Kind.QUANTIFIER, Ir.range(0, 2));
    ir.invariant("exists", ir.exists(ir.over(m, m.type()), ir.lt(ir.use(m), ir.ref(g))));
    Differential.Log log = Differential.assertSame(ir.model(), options());
    assertTrue(logHas(log, "cannot take the address of unbounded quantifier 'u'"));
  }

  @Test
  void putCoverAssumeErrorAndAssert() {
    Ir ir = new Ir();
    Expr.VarRef g = ir.var("g", Ir.range(0, 7));
    Local v = ir.local("v", Kind.PARAMETER, Ir.range(0, 7));
    Function ok = ir.function("ok", Ir.BOOL, v);
    ok.define(List.of(), List.of(
        new Stmt.Put("checking\\n", null, ir.at()),
        ir.cover(ir.eq(ir.useValue(v), ir.num(2)), "two in function"),
        ir.assume(ir.bin(BinaryOp.NEQ, ir.useValue(v), ir.num(6))),
        ir.ret(ir.bool(true))));
    ir.start(ir.assign(ir.ref(g), ir.num(0)));
    ir.rule("inc", ir.call(ok, ir.ref(g)), new Stmt.Put(null, ir.ref(g), ir.at()),
        new Stmt.Put(null, ir.add(ir.ref(g), ir.num(1)), ir.at()),
        ir.assign(ir.ref(g), ir.add(ir.ref(g), ir.num(1))),
        ir.cover(ir.eq(ir.ref(g), ir.num(3)), "three"),
        ir.assume(ir.bin(BinaryOp.NEQ, ir.ref(g), ir.num(5))));
    ir.rule("jump", ir.eq(ir.ref(g), ir.num(4)), ir.assign(ir.ref(g), ir.num(6)),
        ir.assertion(ir.call(ok, ir.ref(g)), "ok after jump"));
    ir.rule("fail", ir.eq(ir.ref(g), ir.num(3)), ir.error("three is bad"));
    ir.rule("assert", ir.eq(ir.ref(g), ir.num(2)), ir.assertion(ir.call(ok, ir.ref(g)), "fine"),
        ir.assertion(ir.bool(false), null));
    ir.property(PropertyKind.ASSUMPTION, "not seven", List.of(), ir.bin(BinaryOp.NEQ, ir.ref(g), ir.num(7)));
    ir.property(PropertyKind.COVER, "four", List.of(), ir.eq(ir.ref(g), ir.num(4)));
    Local q = ir.local("q", Kind.QUANTIFIER, Ir.range(0, 1));
    ir.property(PropertyKind.ASSERTION, "bounded", List.of(ir.over(q, q.type())),
        ir.lt(ir.ref(g), ir.add(ir.num(7), ir.use(q))));
    Differential.Log log = Differential.assertSame(ir.model(), options());
    assertTrue(logHas(log, "put checking\n"));
    assertTrue(logHas(log, "cover 0"));
    assertTrue(logHas(log, "cover 1"));
    assertTrue(logHas(log, "three is bad"));
    assertTrue(logHas(log, "assertion \"assertion\" failed"));
  }

  @Test
  void startStatesWithQuantifiersAndLocals() {
    Ir ir = new Ir();
    Expr.VarRef g = ir.var("g", Ir.range(0, 3));
    Expr.VarRef e = ir.var("e", Ir.BOOL);
    Local s = ir.local("s", Kind.QUANTIFIER, Ir.range(0, 3));
    Local tmp = ir.local("t", Kind.VARIABLE, Ir.range(0, 3));
    ir.start(List.of(ir.over(s, s.type())), List.of(tmp),
        ir.assign(ir.useLocal(tmp), ir.use(s)),
        ir.assume(ir.bin(BinaryOp.NEQ, ir.useLocal(tmp), ir.num(2))),
        ir.assign(ir.ref(g), ir.useLocal(tmp)),
        ir.assign(ir.ref(e), new Expr.IsUndefined(ir.ref(e), ir.at())));
    ir.rule("down", ir.bin(BinaryOp.GT, ir.ref(g), ir.num(0)), ir.assign(ir.ref(g), ir.sub(ir.ref(g), ir.num(1))));
    Differential.Log log = Differential.assertSame(ir.model(), options());
    assertEquals(4, log.states());
    assertTrue(logHas(log, "start 2 false"));
  }

  @Test
  void arithmeticEdgeCases() {
    Ir ir = new Ir();
    Expr.VarRef g = ir.var("g", Ir.range(-8, 8));
    Expr.VarRef r = ir.var("r", Ir.range(-100, 100));
    ir.start(ir.assign(ir.ref(g), ir.num(-8)), ir.assign(ir.ref(r), ir.num(0)));
    ir.rule("inc", ir.lt(ir.ref(g), ir.num(8)), ir.assign(ir.ref(g), ir.add(ir.ref(g), ir.num(1))));
    ir.rule("div", null, ir.assign(ir.ref(r), ir.bin(BinaryOp.DIV, ir.num(40), ir.ref(g))));
    ir.rule("mod", null, ir.assign(ir.ref(r), ir.bin(BinaryOp.MOD, ir.num(-41), ir.ref(g))));
    ir.rule("shifts", null, ir.assign(ir.ref(r), ir.add(ir.bin(BinaryOp.LSH, ir.num(3), ir.ref(g)),
        ir.bin(BinaryOp.RSH, ir.num(-64), ir.ref(g)))));
    ir.rule("bits", null, ir.assign(ir.ref(r), ir.bin(BinaryOp.XOR, ir.bin(BinaryOp.BITWISE_AND, ir.ref(g), ir.num(5)),
        ir.bin(BinaryOp.BITWISE_OR, new Expr.Unary(Expr.UnaryOp.BITWISE_NOT, ir.ref(g), Ir.INT, ir.at()), ir.num(2)))));
    ir.rule("overflow", ir.eq(ir.ref(g), ir.num(7)), ir.assign(ir.ref(r),
        ir.bin(BinaryOp.MUL, ir.num(Long.MAX_VALUE / 2), ir.ref(g))));
    ir.rule("min", ir.eq(ir.ref(g), ir.num(-1)), ir.assign(ir.ref(r),
        ir.bin(BinaryOp.DIV, ir.sub(ir.num(-Long.MAX_VALUE), ir.num(1)), ir.ref(g))));
    ir.rule("negate", ir.eq(ir.ref(g), ir.num(-2)), ir.assign(ir.ref(r), new Expr.Unary(Expr.UnaryOp.NEGATE,
        ir.sub(ir.num(-Long.MAX_VALUE), ir.num(1)), Ir.INT, ir.at())));
    ir.rule("implies", ir.bin(BinaryOp.IMPLIES, ir.lt(ir.ref(g), ir.num(0)), ir.eq(ir.ref(r), ir.num(0))),
        ir.assign(ir.ref(r), ir.num(1)));
    Differential.Log log = Differential.assertSame(ir.model(), options());
    assertTrue(logHas(log, "division by zero"));
    assertTrue(logHas(log, "modulo by zero"));
    assertTrue(logHas(log, "integer overflow in *"));
    assertTrue(logHas(log, "integer overflow in /"));
    assertTrue(logHas(log, "integer overflow in negation"));
    assertTrue(logHas(log, "out of range for -100..100"));
  }

  @Test
  void aSmallModelCompilesWithoutWarningAndTheCheckerUsesIt() {
    Ir ir = new Ir();
    Expr.VarRef g = ir.var("g", Ir.range(0, 1));
    ir.start(ir.assign(ir.ref(g), ir.num(0)));
    ir.rule("flip", null, ir.assign(ir.ref(g), ir.sub(ir.num(1), ir.ref(g))));
    ModelCompiler.Outcome o = ModelCompiler.compile(ir.model());
    assertTrue(o.compiled(), "a JDK runs the tests: " + o.warning());
    assertEquals(null, o.warning());
    assertFalse(o.seconds() > 30, "compiling took " + o.seconds() + " s");
    assertTrue(o.system() instanceof CompiledModel);

    CheckOptions defaults = new CheckOptions(1, 0, CheckOptions.DeadlockMode.OFF, 0, 1, 0);
    assertEquals(CheckOptions.Engine.COMPILED, defaults.engine(), "compiled by default");
    assertTrue(Checker.transitions(ir.model(), defaults.engine()).system() instanceof CompiledModel);
    assertTrue(Checker.transitions(ir.model(), CheckOptions.Engine.INTERPRETED).system() instanceof Interpreter);
    List<String> warnings = new ArrayList<>();
    Result r = Checker.check(ir.model(), defaults, ProgressListener.NONE, warnings::add);
    assertEquals(List.of(), warnings);
    assertEquals(2, r.states());
  }

  @Test
  void whatCannotBeCompiledRunsOnTheInterpreterWithAWarning() {
    // a var argument whose type differs from its parameter's: the generator declines (the interpreter would use
    // the argument's type inside the procedure)
    Ir ir = new Ir();
    Expr.VarRef g = ir.var("g", Ir.range(0, 7));
    Local x = ir.local("x", Kind.VAR_PARAMETER, Ir.range(0, 3));
    Function set = ir.function("set", null, x);
    set.define(List.of(), List.of(ir.assign(ir.use(x), ir.num(1))));
    ir.start(ir.assign(ir.ref(g), ir.num(0)), ir.callProc(set, ir.ref(g)));
    ir.rule("stay", null, ir.assign(ir.ref(g), ir.ref(g)));
    ModelCompiler.Outcome o = ModelCompiler.compile(ir.model());
    assertFalse(o.compiled());
    assertTrue(o.system() instanceof Interpreter);
    assertTrue(o.warning().contains("var argument"), o.warning());
    List<String> warnings = new ArrayList<>();
    Result r = Checker.check(ir.model(),
        new CheckOptions(1, 0, CheckOptions.DeadlockMode.OFF, 0, 1, 0).withCompileAfter(0), // compiled at once
        ProgressListener.NONE, warnings::add);
    assertEquals(1, warnings.size());
    assertEquals(1, r.states());
  }

  @Test
  void largeBodiesLongElsifChainsAndDeepNestingStillCompile() {
    Ir ir = new Ir();
    Expr.VarRef a = ir.var("a", Ir.array(Ir.range(0, 7), Ir.range(0, 3)));
    Expr.VarRef c = ir.var("c", Ir.range(0, 7));
    Local i = ir.local("i", Kind.QUANTIFIER, Ir.range(0, 7));
    ir.start(ir.forLoop(ir.over(i, i.type()), ir.assign(ir.elem(ir.ref(a), ir.use(i)), ir.num(0))),
        ir.assign(ir.ref(c), ir.num(0)));
    // 300 statements in one rule: split into helpers
    List<Stmt> big = new ArrayList<>();
    for (int k = 0; k < 300; k++) {
      big.add(ir.ifThen(ir.eq(ir.elem(ir.ref(a), ir.num(k % 8)), ir.num(k % 4)),
          List.of(ir.assign(ir.elem(ir.ref(a), ir.num((k + 1) % 8)), ir.bin(BinaryOp.MOD,
              ir.add(ir.elem(ir.ref(a), ir.num((k + 1) % 8)), ir.num(k % 3)), ir.num(4)))),
          List.of(ir.assign(ir.ref(c), ir.bin(BinaryOp.MOD, ir.add(ir.ref(c), ir.num(1)), ir.num(8))))));
    }
    ir.rule("big", ir.lt(ir.ref(c), ir.num(7)), big.toArray(Stmt[]::new));
    // an elsif chain of 1000 clauses: flat in Java, not nested
    List<Stmt.IfClause> clauses = new ArrayList<>();
    for (int k = 0; k < 1000; k++) {
      clauses.add(new Stmt.IfClause(ir.eq(ir.add(ir.ref(c), ir.num(k)), ir.num(k + (k % 8))),
          List.of(ir.assign(ir.elem(ir.ref(a), ir.num(k % 8)), ir.num(k % 4))), ir.at()));
    }
    ir.rule("chain", null, new Stmt.If(clauses, ir.at()));
    // 40 nested ifs, each level with a sizeable body: generated once each, not once per enclosing level
    Stmt nested = ir.assign(ir.ref(c), ir.num(0));
    for (int k = 0; k < 40; k++) {
      List<Stmt> level = new ArrayList<>();
      for (int j = 0; j < 6; j++) {
        level.add(ir.assign(ir.elem(ir.ref(a), ir.num(j)), ir.bin(BinaryOp.MOD, ir.add(ir.elem(ir.ref(a),
            ir.num(j)), ir.num(k)), ir.num(4))));
      }
      level.add(nested);
      nested = ir.ifThen(ir.lt(ir.elem(ir.ref(a), ir.num(k % 8)), ir.num(3)), level, null);
    }
    ir.rule("nested", ir.eq(ir.ref(c), ir.num(7)), nested);
    Differential.Log log = Differential.assertSame(ir.model(), 300, options());
    assertTrue(log.states() > 100, "states: " + log.states());
  }

  @Test
  void quantifierRangeOfAnUnusedType() {
    // a quantifier over an enum type used only through equality
    Ir ir = new Ir();
    Type.EnumType colour = ir.enumType("r", "g", "b");
    Expr.VarRef c = ir.var("c", colour);
    ir.start(ir.assign(ir.ref(c), ir.lit(colour, 0)));
    Local q = ir.local("q", Kind.QUANTIFIER, colour);
    Quantifier over = ir.over(q, colour);
    ir.rule("next", List.of(over), ir.bin(BinaryOp.NEQ, ir.use(q), ir.ref(c)), List.of(),
        ir.assign(ir.ref(c), ir.use(q)));
    Differential.Log log = Differential.assertSame(ir.model(), options());
    assertEquals(3, log.states());
  }
}
