package io.ballot.checker.compile;

import io.ballot.checker.interp.CoverSites;
import io.ballot.checker.ir.AliasBinding;
import io.ballot.checker.ir.Binder;
import io.ballot.checker.ir.Choose;
import io.ballot.checker.ir.Expr;
import io.ballot.checker.ir.Function;
import io.ballot.checker.ir.Local;
import io.ballot.checker.ir.Model;
import io.ballot.checker.ir.Property;
import io.ballot.checker.ir.Quantifier;
import io.ballot.checker.ir.Rule;
import io.ballot.checker.ir.SourceLocation;
import io.ballot.checker.ir.StartState;
import io.ballot.checker.ir.Stmt;
import io.ballot.checker.ir.Type;
import io.ballot.checker.ir.UndefinedCopies;
import io.ballot.checker.result.ViolationKind;
import io.ballot.checker.state.StateLayout;
import io.ballot.checker.state.StoredValues;
import io.ballot.checker.state.Values;
import io.ballot.checker.ts.Instance;
import io.ballot.checker.ts.Instances.Inst;
import io.ballot.checker.ts.Instances;
import io.ballot.checker.ts.ModelError;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Translates an IR {@link Model} into the Java source of one class extending {@link CompiledModel}, with exactly
 * the semantics of {@link io.ballot.checker.interp.Interpreter} (the order in which sub-expressions are evaluated
 * included, so that the first error is the same).
 *
 * <p>Shape of the code: one method per rule guard and body ({@code g}/{@code f}), start state ({@code st}),
 * property ({@code h}) and function ({@code fn}); rules and properties with few instances get one method per
 * instance, with the quantifier values as constants (offsets of {@code a[i]} become constants and much folds away),
 * the others one method per rule taking the values as arguments. Simple values are Java {@code long}s; a state
 * read at a known offset is inlined as shifts and masks. Murphi locals, value parameters and quantifiers that are
 * assigned live in a per-activation buffer {@code L} laid out like a state, so that they can be passed by reference;
 * quantifiers that are never assigned are plain Java variables.
 *
 * <p>Expressions become Java expressions where Java's own evaluation order matches the interpreter's; constructs
 * that need statements (quantified expressions, multiset counts, complex-valued ternaries and calls) are computed
 * into temporaries first, earlier operands being spilled so that the order is kept.
 */
final class Generator {

  /** A construct the generator does not handle; the caller falls back to the interpreter. */
  static final class Unsupported extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Unsupported(String message) {
      super(message);
    }
  }

  /**
   * Rules/properties with at most this many instances may get one method per instance, as long as the specialised
   * copies total at most {@link #SPECIALISE_BUDGET} IR nodes and {@link #SPECIALISE_MAX_METHODS} methods.
   * Measured: per-instance code is no faster than the generic code once the JIT has run (it folds the parameters
   * well enough), but it costs compile time; it is kept small, for the constant folding of small models only.
   */
  static final int SPECIALISE_MAX_INSTANCES = 64;
  static final long SPECIALISE_BUDGET = Long.getLong("ballot.compile.specialiseBudget", 4_000);
  static final long SPECIALISE_MAX_METHODS = 512;
  /** A block whose code exceeds this many characters has its large statements split off into helpers. */
  static int blockLimit = Integer.getInteger("ballot.compile.blockLimit", 8000);
  /** Statements of fewer characters are never split off. */
  static final int OUTLINE_MIN = 400;
  /** Dispatch switches over instances up to this size; beyond, over rules with a table of values. */
  static final int SWITCH_LIMIT = 4000;

  /** Stands for "leave the chain" in clause code, until the chain is placed (in line, or in segment helpers). */
  private static final String BREAK = "\u0000break\u0000";
  /**
   * Stands for "a {@code return} statement ran" in rule, start state and procedure code: {@code return true;} in the
   * end, {@code return 2;} inside chain segments. (Generated code has no other NUL characters.)
   */
  private static final String RETURNED = "\u0000returned\u0000";

  private static final Pattern IDENT = Pattern.compile("[A-Za-z_$][A-Za-z0-9_$]*");

  private final Model model;
  private final String packageName;
  private final String className;
  private final StateLayout layout;
  /**
   * Integers are unsigned 64-bit (Rumur's uint64_t): arithmetic, comparisons and range checks go through the
   * unsigned helpers of {@link CompiledModel}, and nothing is folded or range-inferred at generation time. Ordinary
   * (signed) models get exactly the code they always had.
   */
  private final boolean unsigned;
  private final List<Inst<StartState>> starts;
  private final List<Inst<Rule>> rules;
  private final List<Inst<Property>> properties;
  private final Map<Stmt.PropertyStmt, Integer> coverSites = new IdentityHashMap<>();
  private final List<Instance> coverList = new ArrayList<>();
  private final Set<Local> mutated;
  private final Map<Function, Integer> functionIds = new IdentityHashMap<>();

  private final Map<List<Object>, Integer> siteIds = new HashMap<>();
  private final List<SourceLocation> siteLoc = new ArrayList<>();
  private final List<String> siteMsg = new ArrayList<>();
  private final List<String> siteProp = new ArrayList<>();
  private final List<ViolationKind> siteKind = new ArrayList<>();
  private final List<Type> types = new ArrayList<>();
  private final List<long[]> patterns = new ArrayList<>();

  private final StringBuilder out = new StringBuilder();
  private int helperCount;

  Generator(Model model, String packageName, String className) {
    this.model = model;
    this.packageName = packageName;
    this.className = className;
    this.layout = new StateLayout(model);
    this.unsigned = model.unsignedValues();
    this.starts = Instances.starts(model);
    this.rules = Instances.rules(model);
    this.properties = Instances.properties(model);
    CoverSites.collect(model, coverSites, coverList);
    this.mutated = Analysis.mutatedLocals(model);
    int n = 0;
    for (Function f : model.functions()) {
      functionIds.put(f, n++);
    }
  }

  /** The tables the generated class's constructor receives (call after {@link #generate()}). */
  CompiledModel.Tables tables() {
    return new CompiledModel.Tables(
        layout,
        starts,
        rules,
        properties,
        coverList,
        siteLoc.toArray(new SourceLocation[0]),
        siteMsg.toArray(new String[0]),
        siteProp.toArray(new String[0]),
        siteKind.toArray(new ViolationKind[0]),
        types.toArray(new Type[0]),
        patterns.toArray(new long[0][]));
  }

  // ------------------------------------------------------------------------------------------ the class

  String generate() {
    out.append("package ").append(packageName).append(";\n\n");
    out.append("import io.ballot.checker.compile.CompiledModel;\n");
    out.append("import io.ballot.checker.state.Values;\n");
    out.append("import io.ballot.checker.ts.Effects;\n");
    out.append("import io.ballot.checker.ts.ModelError;\n\n");
    out.append("/** Generated by Ballot from ").append(comment(model.file())).append(". */\n");
    out.append("public final class ").append(className).append(" extends CompiledModel {\n");
    out.append("  public ").append(className).append("(CompiledModel.Tables t) {\n    super(t);\n  }\n\n");

    for (Function f : model.functions()) {
      out.append(functionMethod(f));
    }

    boolean[] specialiseRule = chooseSpecialised(rules, model.rules().size(), r -> Analysis.size(r.guard())
        + Analysis.sizeOf(r.body()) + r.binders().size());
    boolean[] specialiseProperty = chooseSpecialised(properties, model.properties().size(),
        p -> Analysis.size(p.condition()) + p.binders().size());

    // start states: one generic method per start state
    List<String> startCalls = new ArrayList<>();
    Map<Integer, String> startNames = new HashMap<>();
    for (int i = 0; i < starts.size(); i++) {
      Inst<StartState> inst = starts.get(i);
      String name = startNames.get(inst.sourceIndex());
      if (name == null) {
        name = "st" + inst.sourceIndex();
        startNames.put(inst.sourceIndex(), name);
        out.append(bodyMethod(name, inst.source().binders(), null, inst.source().locals(), inst.source().body(),
            Mode.START));
      }
      startCalls.add(name + "(s, fx" + args(inst, false, i, "SP") + ")");
    }
    boolean startsBySource = starts.size() > SWITCH_LIMIT;
    if (startsBySource) {
      startCalls.clear();
      for (int i = 0; i < starts.size(); i++) {
        startCalls.add("st" + starts.get(i).sourceIndex() + "(s, fx" + args(starts.get(i), true, i, "SP") + ")");
      }
    }
    out.append(dispatch("public boolean runStart(int i, long[] s, Effects fx)", startCalls, starts,
        startsBySource, "SP"));

    // rules
    List<String> guardCalls = new ArrayList<>();
    List<String> fireCalls = new ArrayList<>();
    Map<Integer, Integer> genericDone = new HashMap<>();
    boolean bySwitch = rules.size() <= SWITCH_LIMIT;
    for (int i = 0; i < rules.size(); i++) {
      Inst<Rule> inst = rules.get(i);
      Rule r = inst.source();
      int src = inst.sourceIndex();
      if (bySwitch && specialiseRule[src]) {
        out.append(guardMethod("g" + i, r.binders(), inst.values(), r.guard(), Mode.GUARD));
        out.append(bodyMethod("f" + i, r.binders(), inst.values(), r.locals(), r.body(), Mode.FIRE));
        guardCalls.add("g" + i + "(s)");
        fireCalls.add("f" + i + "(n, fx)");
      } else {
        if (!genericDone.containsKey(src)) {
          genericDone.put(src, src);
          out.append(guardMethod("gr" + src, r.binders(), null, r.guard(), Mode.GUARD));
          out.append(bodyMethod("fr" + src, r.binders(), null, r.locals(), r.body(), Mode.FIRE));
        }
        guardCalls.add("gr" + src + "(s" + args(inst, !bySwitch, i, "RP") + ")");
        fireCalls.add("fr" + src + "(n, fx" + args(inst, !bySwitch, i, "RP") + ")");
      }
    }
    out.append(dispatch("public boolean guard(int i, long[] s)", guardCalls, rules, !bySwitch, "RP"));
    out.append(dispatch("public boolean fire(int i, long[] state, long[] n, Effects fx)", fireCalls, rules,
        !bySwitch, "RP"));

    // properties
    List<String> holdCalls = new ArrayList<>();
    genericDone.clear();
    boolean propsBySwitch = properties.size() <= SWITCH_LIMIT;
    for (int i = 0; i < properties.size(); i++) {
      Inst<Property> inst = properties.get(i);
      Property p = inst.source();
      int src = inst.sourceIndex();
      if (propsBySwitch && specialiseProperty[src]) {
        out.append(guardMethod("h" + i, p.binders(), inst.values(), p.condition(), Mode.HOLDS));
        holdCalls.add("h" + i + "(s)");
      } else {
        if (!genericDone.containsKey(src)) {
          genericDone.put(src, src);
          out.append(guardMethod("hr" + src, p.binders(), null, p.condition(), Mode.HOLDS));
        }
        holdCalls.add("hr" + src + "(s" + args(inst, !propsBySwitch, i, "PP") + ")");
      }
    }
    out.append(dispatch("public boolean holds(int i, long[] s)", holdCalls, properties, !propsBySwitch, "PP"));
    out.append("}\n");
    return out.toString().replace(RETURNED, "return true;");
  }

  /** Which sources get one method per instance: smallest total first, within the budget. */
  private static <T> boolean[] chooseSpecialised(
      List<Inst<T>> insts, int sources, java.util.function.ToLongFunction<T> size) {
    boolean[] chosen = new boolean[sources];
    long[] count = new long[sources];
    long[] weight = new long[sources];
    List<T> src = new ArrayList<>(Collections.nCopies(sources, null));
    for (Inst<T> i : insts) {
      count[i.sourceIndex()]++;
      src.set(i.sourceIndex(), i.source());
    }
    List<Integer> order = new ArrayList<>();
    for (int s = 0; s < sources; s++) {
      if (src.get(s) != null) {
        weight[s] = (size.applyAsLong(src.get(s)) + 4) * count[s];
        order.add(s);
      }
    }
    order.sort(Comparator.comparingLong(s -> weight[s]));
    long used = 0;
    long methods = 0;
    for (int s : order) {
      if (count[s] <= SPECIALISE_MAX_INSTANCES && used + weight[s] <= SPECIALISE_BUDGET
          && methods + count[s] <= SPECIALISE_MAX_METHODS) {
        chosen[s] = true;
        used += weight[s];
        methods += count[s];
      }
    }
    return chosen;
  }

  /** The argument list (binder values) of a call of a generic method for instance {@code i}. */
  private static String args(Inst<?> inst, boolean fromTable, int i, String table) {
    StringBuilder b = new StringBuilder();
    for (int k = 0; k < inst.binders().size(); k++) {
      Binder binder = inst.binders().get(k);
      if (binder instanceof Quantifier || binder instanceof Choose) {
        b.append(", ").append(fromTable ? table + "[i][" + k + "]" : lit(inst.values()[k]));
      }
    }
    return b.toString();
  }

  /**
   * A dispatch method: {@code switch} over the instance (or, {@code bySource}, over the instance's source) to the
   * method that runs it. Large switches are split into a tree of small methods, so that every method stays well
   * under the JIT's size limit for compilation (8000 bytes of bytecode).
   */
  private String dispatch(
      String signature, List<String> calls, List<? extends Inst<?>> insts, boolean bySource, String table) {
    Map<Integer, String> cases = new java.util.TreeMap<>();
    for (int i = 0; i < calls.size(); i++) {
      cases.putIfAbsent(bySource ? insts.get(i).sourceIndex() : i, calls.get(i));
    }
    String selector = bySource ? table.charAt(0) + "S[i]" : "i";
    int open = signature.indexOf('(');
    String name = signature.substring(signature.lastIndexOf(' ', open) + 1, open);
    String params = signature.substring(open + 1, signature.length() - 1);
    StringBuilder args = new StringBuilder();
    for (String p : params.split(",")) {
      String[] words = p.trim().split(" ");
      args.append(args.length() == 0 ? "" : ", ").append(words[words.length - 1]);
    }
    int hi = cases.isEmpty() ? 0 : ((java.util.TreeMap<Integer, String>) cases).lastKey() + 1;
    StringBuilder b = new StringBuilder();
    b.append("  @Override\n  ").append(signature).append(" throws ModelError {\n");
    switchTree(b, name, params, args.toString(), selector, 0, hi, cases);
    return b.toString();
  }

  private static final int CHUNK = 128;

  /** The body of a dispatch method over keys lo..hi-1 (and its helper methods), closing the method. */
  private void switchTree(StringBuilder b, String name, String params, String args, String selector, int lo, int hi,
      Map<Integer, String> cases) {
    StringBuilder helpers = new StringBuilder();
    if (hi - lo <= CHUNK) {
      b.append("    switch (").append(selector).append(") {\n");
      for (int k = lo; k < hi; k++) {
        String call = cases.get(k);
        if (call != null) {
          b.append("      case ").append(k).append(": return ").append(call).append(";\n");
        }
      }
    } else {
      long size = CHUNK;
      while (size * CHUNK < hi - lo) {
        size *= CHUNK;
      }
      b.append("    switch ((").append(selector).append(" - ").append(lo).append(") / ").append(size).append(") {\n");
      for (int k = 0; (long) k * size < hi - lo; k++) {
        int from = (int) (lo + k * size);
        int to = (int) Math.min(hi, from + size);
        String child = name + "_" + from;
        b.append("      case ").append(k).append(": return ").append(child).append('(').append(args).append(");\n");
        helpers.append("  private boolean ").append(child).append('(').append(params).append(") throws ModelError {\n");
        switchTree(helpers, child, params, args, selector, from, to, cases);
      }
    }
    b.append("      default: throw new IndexOutOfBoundsException(i);\n    }\n  }\n\n");
    b.append(helpers);
  }

  // ------------------------------------------------------------------------------------------ sites and tables

  private int site(ViolationKind kind, String prop, String msg, SourceLocation at) {
    List<Object> key = List.of(kind, prop, msg, at == null ? SourceLocation.NONE : at);
    Integer k = siteIds.get(key);
    if (k == null) {
      k = siteLoc.size();
      siteIds.put(key, k);
      siteLoc.add(at);
      siteMsg.add(msg);
      siteProp.add(prop);
      siteKind.add(kind);
    }
    return k;
  }

  /** A run-time error site (kind ASSERTION, property = message). */
  private int runtime(String msg, SourceLocation at) {
    return site(ViolationKind.ASSERTION, msg, msg, at);
  }

  /** A "value out of range for T" site: MSG holds the type's description. */
  private int rangeSite(Type t, SourceLocation at) {
    return site(ViolationKind.ASSERTION, "#range", describe(t), at);
  }

  private int type(Type t) {
    types.add(t);
    return types.size() - 1;
  }

  private int clearPattern(Type t) {
    long[] p = new long[Math.max(1, (t.bitWidth() + 63) >>> 6)];
    StoredValues.clear(p, 0, t);
    patterns.add(p);
    return patterns.size() - 1;
  }

  private String describe(Type t) {
    if (t instanceof Type.RangeType r) {
      return unsigned ? Long.toUnsignedString(r.lo()) + ".." + Long.toUnsignedString(r.hi()) : r.lo() + ".." + r.hi();
    }
    return t.getClass().getSimpleName();
  }

  // ------------------------------------------------------------------------------------------ methods

  enum Mode {
    GUARD,
    HOLDS,
    FIRE,
    START,
    FUNCTION,
    PROCEDURE
  }

  private String guardMethod(String name, List<Binder> binders, long[] values, Expr condition, Mode mode) {
    Method m = new Method(mode, null);
    String absent = mode == Mode.HOLDS ? "true" : "false";
    m.bindBinders(binders, values, "return " + absent + ";");
    if (condition == null) {
      m.line("return true;");
    } else {
      JE c = m.compile(condition);
      m.line("return " + c.asBool() + ";");
    }
    StringBuilder b = new StringBuilder();
    b.append("  private boolean ").append(name).append("(long[] s").append(params(binders, values)).append(")"
        + " throws ModelError {\n");
    b.append("    final Effects fx = Effects.NONE;\n");
    m.header(b);
    b.append("    try {\n").append(m.b).append("    } catch (AssumptionFailed ex) {\n      return ")
        .append(absent).append(";\n    }\n  }\n\n");
    return b.append(m.helpers()).toString();
  }

  private String bodyMethod(
      String name, List<Binder> binders, long[] values, List<Local> locals, List<Stmt> body, Mode mode) {
    Method m = new Method(mode, null);
    m.bindBinders(binders, values, "return false;");
    for (Local l : locals) {
      m.env.put(l, new Store(m.slot(l, l.type())));
    }
    m.open("if (true)");
    m.block(body);
    m.close();
    m.line("return true;");
    StringBuilder b = new StringBuilder();
    b.append("  private boolean ").append(name).append("(long[] s, Effects fx").append(params(binders, values))
        .append(") throws ModelError {\n");
    m.header(b);
    b.append("    try {\n").append(m.b).append("    } catch (AssumptionFailed ex) {\n      return false;\n    }\n"
        + "  }\n\n");
    return b.append(m.helpers()).toString();
  }

  private static String params(List<Binder> binders, long[] values) {
    if (values != null) {
      return "";
    }
    StringBuilder b = new StringBuilder();
    for (int k = 0; k < binders.size(); k++) {
      if (binders.get(k) instanceof Quantifier || binders.get(k) instanceof Choose) {
        b.append(", long p").append(k);
      }
    }
    return b.toString();
  }

  private String functionMethod(Function f) {
    Method m = new Method(f.isProcedure() ? Mode.PROCEDURE : Mode.FUNCTION, f);
    StringBuilder sig = new StringBuilder("long[] s, Effects fx");
    if (!f.isProcedure()) {
      sig.append(", int at");
    }
    List<Local> params = f.parameters();
    for (int k = 0; k < params.size(); k++) {
      Local p = params.get(k);
      if (p.kind() == Local.Kind.VAR_PARAMETER) {
        sig.append(", long[] a").append(k).append("b, int a").append(k).append('o');
        m.env.put(p, new Store(new CRef("a" + k + "b", "a" + k + "o", 0, p.type())));
      } else if (p.type().isSimple()) {
        sig.append(", long a").append(k);
        CRef slot = m.slot(p, p.type());
        m.write(slot, "a" + k);
        m.env.put(p, new Store(slot));
      } else if (p.type() instanceof Type.IntType) {
        throw new Unsupported("unbounded integer parameter " + p.name());
      } else {
        sig.append(", long[] a").append(k);
        m.env.put(p, new Store(new CRef("a" + k, null, 0, p.type())));
      }
    }
    for (Local l : f.locals()) {
      m.env.put(l, new Store(m.slot(l, l.type())));
    }
    m.open("if (true)");
    m.block(f.body());
    m.close();
    // a procedure returns whether it executed "return" (the protocol of split-off helpers; callers ignore it)
    m.line(f.isProcedure() ? "return false;" : "throw err(at);");
    String ret = f.isProcedure() ? "boolean" : isValue(f.returnType()) ? "long" : "long[]";
    StringBuilder b = new StringBuilder();
    b.append("  /** ").append(comment(f.name())).append(" */\n");
    b.append("  private ").append(ret).append(" fn").append(functionIds.get(f)).append('(').append(sig)
        .append(") throws ModelError {\n");
    m.header(b);
    b.append(m.b).append("  }\n\n");
    return b.append(m.helpers()).toString();
  }

  // ------------------------------------------------------------------------------------------ compile-time values

  /** A compiled expression: Java code, whether it is a Java boolean, its constant value, its known value range. */
  record JE(String code, boolean bool, Long cst, Type range) {
    static JE constant(long v) {
      return new JE(lit(v), false, v, null);
    }

    static JE truth(boolean v) {
      return new JE(v ? "true" : "false", true, v ? 1L : 0L, null);
    }

    static JE bool(String code) {
      return new JE(code, true, null, null);
    }

    static JE value(String code) {
      return new JE(code, false, null, null);
    }

    boolean isConst() {
      return cst != null;
    }

    String asLong() {
      if (!bool) {
        return code;
      }
      return cst != null ? lit(cst) : "bit(" + code + ")";
    }

    String asBool() {
      if (bool) {
        return code;
      }
      return cst != null ? (cst != 0 ? "true" : "false") : "ne(" + code + ", 0L)";
    }
  }

  /**
   * A storage place: buffer variable, dynamic offset (a Java int expression evaluated once, or null) plus a constant
   * offset, and the type stored there.
   */
  record CRef(String buf, String dyn, int off, Type type) {
    String offCode() {
      if (dyn == null) {
        return Integer.toString(off);
      }
      return off == 0 ? dyn : "(" + dyn + " + " + off + ")";
    }

    CRef plus(int delta, Type t) {
      return new CRef(buf, dyn, off + delta, t);
    }

    CRef plusDyn(String extra, Type t) {
      return new CRef(buf, dyn == null ? extra : "(" + dyn + " + " + extra + ")", off, t);
    }
  }

  /** How a local is bound: a value in a Java variable (never undefined), or storage. */
  sealed interface Binding permits Val, Store {}

  /**
   * {@code boxed}: the interpreter holds it in a Box (it has no address); {@code range}: the type whose values it
   * is known to take (null when unknown).
   */
  record Val(String code, Long cst, boolean boxed, Type range) implements Binding {}

  record Store(CRef ref) implements Binding {}

  static boolean isValue(Type t) {
    return t.isSimple() || t instanceof Type.IntType || t instanceof Type.DoubleType;
  }

  /** CMurphi's reals: stored {@code real(p, e)} or computed; carried as the raw bits of a double. */
  static boolean isReal(Type t) {
    return t instanceof Type.RealType || t instanceof Type.DoubleType;
  }

  // ------------------------------------------------------------------------------------------ one method

  private final class Method {
    StringBuilder b = new StringBuilder();
    final Mode mode;
    final Function function;
    final Map<Local, Binding> env = new IdentityHashMap<>();
    final Map<Local, CRef> slots = new IdentityHashMap<>();
    /** The expression each alias bound so far denotes (for {@link UndefinedCopies}). */
    final Map<Local, Expr> aliasValues = new IdentityHashMap<>();
    final Map<Expr, Boolean> needs = new IdentityHashMap<>();
    /** Helper methods split off this one (to follow it in the class). */
    final List<String> helpers = new ArrayList<>();
    /** Java variables in scope that are not bindings (a switch's value), which helpers must receive too. */
    final Map<String, String> extraParams = new java.util.LinkedHashMap<>();
    int depth = 3;
    int temps;
    int lBits;

    Method(Mode mode, Function function) {
      this.mode = mode;
      this.function = function;
      if (mode == Mode.FUNCTION || mode == Mode.PROCEDURE) {
        depth = 2;
      }
    }

    /** The frame buffer's declaration, when the method needs one. */
    void header(StringBuilder to) {
      if (lBits > 0 || !helpers.isEmpty()) { // helpers take L
        to.append("    final long[] L = new long[").append(Math.max(1, (lBits + 63) >>> 6)).append("];\n");
      }
    }

    /** The helper methods split off this method, to follow it in the class. */
    String helpers() {
      return String.join("", helpers);
    }

    void line(String s) {
      for (int i = 0; i < depth; i++) {
        b.append("  ");
      }
      b.append(s).append('\n');
    }

    void open(String s) {
      line(s + " {");
      depth++;
    }

    void close() {
      depth--;
      line("}");
    }

    void closeOpen(String s) {
      depth--;
      line("} " + s + " {");
      depth++;
    }

    String tmp(String prefix) {
      return prefix + (temps++);
    }

    /** Frame storage for {@code local} (the same slot on every binding). */
    CRef slot(Local local, Type t) {
      CRef r = slots.get(local);
      if (r != null) {
        return r;
      }
      if (t instanceof Type.IntType) {
        throw new Unsupported("unbounded integer storage for " + local.name());
      }
      int w = t.bitWidth();
      if (t.isSimple() && (lBits & 63) + w > 64) {
        lBits = (lBits + 63) & ~63;
      }
      r = new CRef("L", null, lBits, t);
      lBits += Math.max(w, 0);
      slots.put(local, r);
      return r;
    }

    Binding binding(Local l) {
      Binding b = env.get(l);
      if (b == null) {
        throw new Unsupported("unbound local " + l.name());
      }
      return b;
    }

    boolean needs(Expr e) {
      if (e == null) {
        return false;
      }
      Boolean v = needs.get(e);
      if (v == null) {
        v = computeNeeds(e);
        needs.put(e, v);
      }
      return v;
    }

    private boolean computeNeeds(Expr e) {
      if (e instanceof Expr.Quantified || e instanceof Expr.MultisetCount) {
        return true;
      }
      if (e instanceof Expr.MathCall m) {
        return m.arguments().stream().anyMatch(this::needs);
      }
      if (e instanceof Expr.Ternary t) {
        return !isValue(t.type()) || isReal(t.type()) || needs(t.condition()) || needs(t.then()) || needs(t.otherwise());
      }
      if (e instanceof Expr.Call c) {
        if (!isValue(c.function().returnType())) {
          return true;
        }
        for (Expr a : c.arguments()) {
          if (needs(a)) {
            return true;
          }
        }
        return false;
      }
      if (e instanceof Expr.FieldRef f) {
        return needs(f.record());
      }
      if (e instanceof Expr.ElementRef el) {
        return needs(el.array()) || needs(el.index());
      }
      if (e instanceof Expr.Unary u) {
        return needs(u.operand());
      }
      if (e instanceof Expr.Binary bin) {
        return needs(bin.left()) || needs(bin.right());
      }
      if (e instanceof Expr.IsUndefined u) {
        return needs(u.target());
      }
      if (e instanceof Expr.IsMember m) {
        return needs(m.value());
      }
      return false;
    }

    JE spill(JE j) {
      if (j.isConst() || IDENT.matcher(j.code()).matches()) {
        return j;
      }
      String t = tmp(j.bool() ? "c" : "t");
      line("final " + (j.bool() ? "boolean " : "long ") + t + " = " + j.code() + ";");
      return new JE(t, j.bool(), null, j.range());
    }

    CRef materialize(CRef r) {
      if (r.dyn() == null || IDENT.matcher(r.dyn()).matches()) {
        return r;
      }
      String o = tmp("o");
      line("final int " + o + " = " + r.dyn() + ";");
      return new CRef(r.buf(), o, r.off(), r.type());
    }

    // -------------------------------------------------------------------------------------- storage access

    /** The raw stored bits of a simple value (or any width, through Bits.get). */
    String raw(CRef r, int w) {
      if (r.dyn() == null && w <= 63 && w > 0) {
        int word = r.off() >>> 6;
        int bit = r.off() & 63;
        long mask = (1L << w) - 1;
        String x = r.buf() + "[" + word + "]";
        if (bit + w <= 64) {
          String shifted = bit == 0 ? x : "(" + x + " >>> " + bit + ")";
          return bit + w == 64 ? shifted : "(" + shifted + " & " + hex(mask) + ")";
        }
        String y = r.buf() + "[" + (word + 1) + "]";
        return "(((" + x + " >>> " + bit + ") | (" + y + " << " + (64 - bit) + ")) & " + hex(mask) + ")";
      }
      return "get(" + r.buf() + ", " + r.offCode() + ", " + w + ")";
    }

    String raw(CRef r) {
      return raw(r, r.type().bitWidth());
    }

    /** Stores raw bits {@code value} (evaluated before the word is read) into a simple place. */
    void write(CRef r, String value) {
      int w = r.type().bitWidth();
      if (!IDENT.matcher(value).matches() && !isLiteral(value)) {
        String t = tmp("t");
        line("final long " + t + " = " + value + ";");
        value = t;
      }
      if (r.dyn() == null && w <= 63) {
        int word = r.off() >>> 6;
        int bit = r.off() & 63;
        if (bit + w <= 64) {
          long mask = ((1L << w) - 1) << bit;
          String x = r.buf() + "[" + word + "]";
          String v = bit == 0 ? value : "(" + value + " << " + bit + ")";
          line(x + " = (" + x + " & " + hex(~mask) + ") | " + v + ";");
          return;
        }
      }
      line("set(" + r.buf() + ", " + r.offCode() + ", " + w + ", " + value + ");");
    }

    /** The value read from a simple place, with the undefined check. */
    JE read(CRef r, String name, SourceLocation at) {
      Type t = r.type();
      if (!t.isSimple()) {
        throw new Unsupported("value of complex expression " + name);
      }
      int k = runtime("read of undefined value in " + name, at);
      String d = "def(" + raw(r) + ", " + k + ")";
      if (t instanceof Type.RealType) {
        return JE.value("rdec(" + d + ", " + type(t) + ")");
      }
      long lo = t instanceof Type.RangeType rt ? rt.lo() : 0;
      String code;
      if (lo == 1) {
        code = d;
      } else if (lo > Long.MIN_VALUE) {
        code = "(" + d + " + " + lit(lo - 1) + ")";
      } else {
        code = "(" + d + " - 1L + " + lit(lo) + ")";
      }
      return new JE(code, false, null, t);
    }

    /** The raw form of value {@code v} stored into type {@code t}: the range check, unless v is known to fit. */
    String encode(JE v, Type t, SourceLocation at) {
      if (t instanceof Type.RealType) {
        return "renc(" + v.asLong() + ", " + type(t) + ", " + runtime("real value", at) + ")";
      }
      long[] b = bounds(t);
      if (unsigned) {
        return "encu(" + v.asLong() + ", " + lit(b[0]) + ", " + lit(b[1]) + ", " + rangeSite(t, at) + ")";
      }
      if (v.isConst() && v.cst() >= b[0] && v.cst() <= b[1]) {
        return lit(v.cst() - b[0] + 1);
      }
      if (!v.isConst() && v.range() != null && v.range().isSimple()) {
        long[] r = bounds(v.range());
        if (r[0] >= b[0] && r[1] <= b[1]) {
          return b[0] == 1 ? v.asLong() : "(" + v.asLong() + " - " + lit(b[0] - 1) + ")";
        }
      }
      return "enc(" + v.asLong() + ", " + lit(b[0]) + ", " + lit(b[1]) + ", " + rangeSite(t, at) + ")";
    }

    /** Executor.convert: between a union and one of its members. */
    JE convert(JE v, Type from, Type to, SourceLocation at) {
      if (isReal(to)) {
        return isReal(from) ? v : JE.value("rb((double) " + v.asLong() + ")"); // CMurphi converts integers to real
      }
      if (to instanceof Type.UnionType u && !(from instanceof Type.UnionType)) {
        long off = Values.memberOffset(u, from);
        if (off < 0) {
          return v;
        }
        if (v.isConst()) {
          return JE.constant(off + v.cst());
        }
        return JE.value("(" + v.asLong() + " + " + lit(off) + ")");
      }
      if (from instanceof Type.UnionType u && !(to instanceof Type.UnionType)) {
        long off = Values.memberOffset(u, to);
        if (off < 0) {
          return v;
        }
        int k = runtime("union value is not a " + describe(to), at);
        if (v.isConst() && v.cst() - off >= 0 && v.cst() - off < to.cardinality()) {
          return JE.constant(v.cst() - off);
        }
        return new JE("unmember(" + v.asLong() + ", " + lit(off) + ", " + lit(to.cardinality()) + ", " + k + ")",
            false, null, to);
      }
      return v;
    }

    // -------------------------------------------------------------------------------------- designators

    CRef ref(Expr e) {
      if (e instanceof Expr.VarRef v) {
        return new CRef("s", null, layout.offset(v.variable()), v.variable().type());
      }
      if (e instanceof Expr.LocalRef l) {
        Binding bd = binding(l.local());
        if (bd instanceof Store st) {
          return st.ref();
        }
        Val val = (Val) bd;
        if (val.boxed()) {
          int k = runtime("cannot take the address of unbounded quantifier '" + l.local().name() + "'", e.location());
          // the interpreter fails here; code after it is never reached, so any simple type will do
          Type t = l.local().type().isSimple() ? l.local().type() : new Type.BooleanType();
          return new CRef("s", "failInt(" + k + ")", 0, t);
        }
        throw new Unsupported("address of immutable quantifier " + l.local().name());
      }
      if (e instanceof Expr.FieldRef fr) {
        CRef rec = ref(fr.record());
        Type.RecordType rt = (Type.RecordType) rec.type();
        return rec.plus(StateLayout.fieldOffset(rt, fr.fieldIndex()), fr.type());
      }
      if (e instanceof Expr.ElementRef el) {
        CRef arr = ref(el.array());
        if (needs(el.index())) {
          arr = materialize(arr);
        }
        if (arr.type() instanceof Type.MultisetType mt) {
          JE slot = compile(el.index());
          int stride = 1 + mt.element().bitWidth();
          int k = runtime("multiset element", e.location());
          return new CRef(arr.buf(), "msel(" + arr.buf() + ", " + arr.offCode() + ", " + slot.asLong() + ", "
              + stride + ", " + k + ")", 0, mt.element());
        }
        Type.ArrayType at = (Type.ArrayType) arr.type();
        int w = at.element().bitWidth();
        JE idx = convert(compile(el.index()), el.index().type(), at.index(), el.index().location());
        long[] bd = bounds(at.index());
        if (unsigned) {
          int k = runtime("index", el.index().location());
          String pos = "ixu(" + idx.asLong() + ", " + lit(bd[0]) + ", " + lit(bd[1]) + ", " + k + ")";
          return arr.plusDyn(w == 1 ? pos : pos + " * " + w, at.element());
        }
        if (idx.isConst() && idx.cst() >= bd[0] && idx.cst() <= bd[1]) {
          return arr.plus(Math.toIntExact((idx.cst() - bd[0]) * w), at.element());
        }
        String pos;
        long[] r = idx.range() != null && idx.range().isSimple() && !idx.isConst() ? bounds(idx.range()) : null;
        if (r != null && r[0] >= bd[0] && r[1] <= bd[1]) {
          pos = bd[0] == 0 ? "(int) " + idx.asLong() : "(int) (" + idx.asLong() + " - " + lit(bd[0]) + ")";
        } else {
          int k = runtime("index", el.index().location());
          pos = "ix(" + idx.asLong() + ", " + lit(bd[0]) + ", " + lit(bd[1]) + ", " + k + ")";
        }
        return arr.plusDyn(w == 1 ? pos : pos + " * " + w, at.element());
      }
      if (e instanceof Expr.Call c) {
        String t = tmp("b");
        line("final long[] " + t + " = " + call(c.function(), c.arguments(), c.location()) + ";");
        return new CRef(t, null, 0, c.function().returnType());
      }
      if (e instanceof Expr.Ternary t) {
        JE c = compile(t.condition());
        if (c.isConst()) {
          return ref(c.cst() != 0 ? t.then() : t.otherwise());
        }
        String bv = tmp("b");
        String ov = tmp("o");
        line("long[] " + bv + ";");
        line("int " + ov + ";");
        open("if (" + c.asBool() + ")");
        CRef x = ref(t.then());
        line(bv + " = " + x.buf() + ";");
        line(ov + " = " + x.offCode() + ";");
        closeOpen("else");
        CRef y = ref(t.otherwise());
        line(bv + " = " + y.buf() + ";");
        line(ov + " = " + y.offCode() + ";");
        close();
        if (x.type().bitWidth() != y.type().bitWidth()) {
          throw new Unsupported("conditional of values of different sizes");
        }
        return new CRef(bv, ov, 0, t.type());
      }
      throw new Unsupported("not a designator: " + e.getClass().getSimpleName());
    }

    // -------------------------------------------------------------------------------------- expressions

    JE compile(Expr e) {
      if (e instanceof Expr.Literal lit) {
        return JE.constant(lit.value());
      }
      if (e instanceof Expr.LocalRef l) {
        Binding bd = binding(l.local());
        if (bd instanceof Val v) {
          return new JE(v.code(), false, v.cst(), v.range());
        }
        return read(((Store) bd).ref(), ModelError.describe(e), e.location());
      }
      if (e instanceof Expr.VarRef || e instanceof Expr.FieldRef || e instanceof Expr.ElementRef) {
        return read(ref(e), ModelError.describe(e), e.location());
      }
      if (e instanceof Expr.Unary u && u.op() == Expr.UnaryOp.NEGATE && isReal(u.type())) {
        return JE.value("rb(-" + real(compile(u.operand()), u.operand().type()) + ")");
      }
      if (e instanceof Expr.MathCall m) {
        return mathCall(m);
      }
      if (e instanceof Expr.Ternary t && isReal(t.type())) {
        JE c = compile(t.condition());
        String r = tmp("t");
        line("long " + r + ";");
        open("if (" + c.asBool() + ")");
        line(r + " = " + convert(compile(t.then()), t.then().type(), t.type(), t.location()).asLong() + ";");
        closeOpen("else");
        line(r + " = " + convert(compile(t.otherwise()), t.otherwise().type(), t.type(), t.location()).asLong() + ";");
        close();
        return JE.value(r);
      }
      if (e instanceof Expr.Unary u) {
        JE v = compile(u.operand());
        switch (u.op()) {
          case NOT:
            if (v.isConst()) {
              return JE.truth(v.cst() == 0);
            }
            return JE.bool("not(" + v.asBool() + ")");
          case NEGATE:
            if (unsigned) {
              return JE.value("(-" + v.asLong() + ")"); // Rumur's negate() on an unsigned value_t wraps
            }
            if (v.isConst() && v.cst() != Long.MIN_VALUE) {
              return JE.constant(-v.cst());
            }
            return JE.value("neg(" + v.asLong() + ", " + runtime("integer overflow in negation", e.location()) + ")");
          default:
            if (v.isConst()) {
              return JE.constant(~v.cst());
            }
            return JE.value("(~" + v.asLong() + ")");
        }
      }
      if (e instanceof Expr.Binary bin) {
        return binary(bin);
      }
      if (e instanceof Expr.Ternary t) {
        JE c = compile(t.condition());
        if (c.isConst()) {
          return compile(c.cst() != 0 ? t.then() : t.otherwise());
        }
        if (!needs(t.then()) && !needs(t.otherwise())) {
          JE x = compile(t.then());
          JE y = compile(t.otherwise());
          if (x.bool() && y.bool()) {
            return JE.bool("(" + c.asBool() + " ? " + x.code() + " : " + y.code() + ")");
          }
          return JE.value("(" + c.asBool() + " ? " + x.asLong() + " : " + y.asLong() + ")");
        }
        String r = tmp("t");
        line("long " + r + ";");
        open("if (" + c.asBool() + ")");
        line(r + " = " + compile(t.then()).asLong() + ";");
        closeOpen("else");
        line(r + " = " + compile(t.otherwise()).asLong() + ";");
        close();
        return JE.value(r);
      }
      if (e instanceof Expr.Quantified q) {
        String c = tmp("c");
        boolean universal = q.universal();
        line("boolean " + c + " = " + universal + ";");
        loop(q.quantifier(), () -> {
          JE body = compile(q.body());
          line("if (" + (universal ? "!" + paren(body.asBool()) : body.asBool()) + ") { " + c + " = " + !universal
              + "; break; }");
        });
        return JE.bool(c);
      }
      if (e instanceof Expr.Call c) {
        if (!isValue(c.function().returnType())) {
          throw new Unsupported("value of a function returning a complex type");
        }
        return JE.value(call(c.function(), c.arguments(), c.location()));
      }
      if (e instanceof Expr.IsUndefined u) {
        if (u.target() instanceof Expr.LocalRef l && binding(l.local()) instanceof Val) {
          return JE.truth(false);
        }
        CRef r = ref(u.target());
        return JE.bool("(" + raw(r) + " == 0L)");
      }
      if (e instanceof Expr.IsMember m) {
        JE v = compile(m.value());
        Type.UnionType u = (Type.UnionType) m.value().type();
        long off = Values.memberOffset(u, m.memberType());
        long hi = off + m.memberType().cardinality() - 1;
        if (v.isConst()) {
          return JE.truth(v.cst() >= off && v.cst() <= hi);
        }
        return JE.bool("in(" + v.asLong() + ", " + lit(off) + ", " + lit(hi) + ")");
      }
      if (e instanceof Expr.MultisetCount mc) {
        CRef ms = materialize(ref(mc.multiset()));
        Type.MultisetType mt = (Type.MultisetType) ms.type();
        int stride = 1 + mt.element().bitWidth();
        String n = tmp("t");
        String slot = tmp("i");
        line("long " + n + " = 0L;");
        open("for (long " + slot + " = 0L; " + slot + " < " + lit(mt.capacity()) + "; " + slot + "++)");
        open("if (get(" + ms.buf() + ", " + ms.offCode() + " + (int) " + slot + " * " + stride + ", 1) != 0L)");
        env.put(mc.index(), new Val(slot, null, true, mc.index().type()));
        JE p = compile(mc.predicate());
        line("if (" + p.asBool() + ") " + n + "++;");
        close();
        close();
        env.remove(mc.index());
        return JE.value(n);
      }
      throw new Unsupported("expression " + e.getClass().getSimpleName());
    }

    private JE binary(Expr.Binary bin) {
      switch (bin.op()) {
        case AND:
          return shortCircuit(bin.left(), bin.right(), true, false);
        case OR:
          return shortCircuit(bin.left(), bin.right(), false, false);
        case IMPLIES:
          return shortCircuit(bin.left(), bin.right(), false, true);
        case EQ:
        case NEQ:
          return equality(bin.left(), bin.right(), bin.op() == Expr.BinaryOp.EQ);
        default:
          break;
      }
      JE l = compile(bin.left());
      if (needs(bin.right())) {
        l = spill(l);
      }
      JE r = compile(bin.right());
      if (isReal(bin.left().type()) || isReal(bin.right().type())) {
        return realBinary(bin.op(), real(l, bin.left().type()), real(r, bin.right().type()));
      }
      String a = l.asLong();
      String c = r.asLong();
      if (unsigned) {
        return unsignedBinary(bin, a, c);
      }
      boolean k = l.isConst() && r.isConst();
      long x = k ? l.cst() : 0;
      long y = k ? r.cst() : 0;
      SourceLocation at = bin.location();
      switch (bin.op()) {
        case LT:
          return k ? JE.truth(x < y) : JE.bool("lt(" + a + ", " + c + ")");
        case LE:
          return k ? JE.truth(x <= y) : JE.bool("le(" + a + ", " + c + ")");
        case GT:
          return k ? JE.truth(x > y) : JE.bool("gt(" + a + ", " + c + ")");
        case GE:
          return k ? JE.truth(x >= y) : JE.bool("ge(" + a + ", " + c + ")");
        case ADD:
          if (k) {
            try {
              return JE.constant(Math.addExact(x, y));
            } catch (ArithmeticException overflow) {
              // fall through to the run-time error
            }
          }
          return JE.value("add(" + a + ", " + c + ", " + runtime("integer overflow in +", at) + ")");
        case SUB:
          if (k) {
            try {
              return JE.constant(Math.subtractExact(x, y));
            } catch (ArithmeticException overflow) {
              // run-time error
            }
          }
          return JE.value("sub(" + a + ", " + c + ", " + runtime("integer overflow in -", at) + ")");
        case MUL:
          if (k) {
            try {
              return JE.constant(Math.multiplyExact(x, y));
            } catch (ArithmeticException overflow) {
              // run-time error
            }
          }
          return JE.value("mul(" + a + ", " + c + ", " + runtime("integer overflow in *", at) + ")");
        case DIV:
          if (k && y != 0 && !(x == Long.MIN_VALUE && y == -1)) {
            return JE.constant(x / y);
          }
          return JE.value("div(" + a + ", " + c + ", " + runtime("division by zero", at) + ", "
              + runtime("integer overflow in /", at) + ")");
        case MOD:
          if (k && y != 0) {
            return JE.constant(x % y);
          }
          return JE.value("mod(" + a + ", " + c + ", " + runtime("modulo by zero", at) + ")");
        case LSH:
          return k ? JE.constant(CompiledModel.shl(x, y)) : JE.value("shl(" + a + ", " + c + ")");
        case RSH:
          return k ? JE.constant(CompiledModel.shr(x, y)) : JE.value("shr(" + a + ", " + c + ")");
        case BITWISE_AND:
          return k ? JE.constant(x & y) : JE.value("(" + a + " & " + c + ")");
        case BITWISE_OR:
          return k ? JE.constant(x | y) : JE.value("(" + a + " | " + c + ")");
        case XOR:
          return k ? JE.constant(x ^ y) : JE.value("(" + a + " ^ " + c + ")");
        default:
          throw new Unsupported("operator " + bin.op());
      }
    }

    /** A Java double expression for the integer or real value {@code v} of type {@code t}. */
    private String real(JE v, Type t) {
      return isReal(t) ? "rv(" + v.asLong() + ")" : "((double) " + v.asLong() + ")";
    }

    /** An operator with a real operand ({@code l}, {@code r}: Java doubles), as C computes it on doubles. */
    private JE realBinary(Expr.BinaryOp op, String l, String r) {
      return switch (op) {
        case ADD -> JE.value("rb(" + l + " + " + r + ")");
        case SUB -> JE.value("rb(" + l + " - " + r + ")");
        case MUL -> JE.value("rb(" + l + " * " + r + ")");
        case DIV -> JE.value("rb(" + l + " / " + r + ")");
        case EQ -> JE.bool("(" + l + " == " + r + ")");
        case NEQ -> JE.bool("(" + l + " != " + r + ")");
        case LT -> JE.bool("(" + l + " < " + r + ")");
        case LE -> JE.bool("(" + l + " <= " + r + ")");
        case GT -> JE.bool("(" + l + " > " + r + ")");
        case GE -> JE.bool("(" + l + " >= " + r + ")");
        default -> throw new Unsupported("operator " + op + " on reals");
      };
    }

    /** A CMurphi math function: Java's {@link Math} (C's library), arguments evaluated in order. */
    private JE mathCall(Expr.MathCall m) {
      List<String> args = new ArrayList<>();
      for (int i = 0; i < m.arguments().size(); i++) {
        Expr a = m.arguments().get(i);
        JE v = compile(a);
        boolean later = false;
        for (int j = i + 1; j < m.arguments().size(); j++) {
          later |= needs(m.arguments().get(j));
        }
        args.add(real(later ? spill(v) : v, a.type()));
      }
      String call = switch (m.function()) {
        case FMOD -> "(" + args.get(0) + " % " + args.get(1) + ")";
        case FABS -> "Math.abs(" + args.get(0) + ")";
        default -> "Math." + m.function().murphiName() + "(" + String.join(", ", args) + ")";
      };
      return JE.value("rb(" + call + ")");
    }

    /** An arithmetic or comparison operator on unsigned 64-bit values: the {@code *u} helpers, never folded. */
    private JE unsignedBinary(Expr.Binary bin, String a, String c) {
      SourceLocation at = bin.location();
      int overflow = runtime("integer overflow in " + bin.op().symbol, at);
      return switch (bin.op()) {
        case LT -> JE.bool("(Long.compareUnsigned(" + a + ", " + c + ") < 0)");
        case LE -> JE.bool("(Long.compareUnsigned(" + a + ", " + c + ") <= 0)");
        case GT -> JE.bool("(Long.compareUnsigned(" + a + ", " + c + ") > 0)");
        case GE -> JE.bool("(Long.compareUnsigned(" + a + ", " + c + ") >= 0)");
        case ADD -> JE.value("addu(" + a + ", " + c + ", " + overflow + ")");
        case SUB -> JE.value("subu(" + a + ", " + c + ", " + overflow + ")");
        case MUL -> JE.value("mulu(" + a + ", " + c + ", " + overflow + ")");
        case DIV -> JE.value("divu(" + a + ", " + c + ", " + runtime("division by zero", at) + ")");
        case MOD -> JE.value("modu(" + a + ", " + c + ", " + runtime("modulo by zero", at) + ")");
        case LSH -> JE.value("shlu(" + a + ", " + c + ")");
        case RSH -> JE.value("shru(" + a + ", " + c + ")");
        case BITWISE_AND -> JE.value("(" + a + " & " + c + ")");
        case BITWISE_OR -> JE.value("(" + a + " | " + c + ")");
        case XOR -> JE.value("(" + a + " ^ " + c + ")");
        default -> throw new Unsupported("operator " + bin.op());
      };
    }

    /** {@code and}: l && r; otherwise l || r, with l negated when {@code negateLeft} (implication). */
    private JE shortCircuit(Expr left, Expr right, boolean and, boolean negateLeft) {
      JE l = compile(left);
      if (l.isConst()) {
        boolean lv = (l.cst() != 0) != negateLeft;
        if (and ? !lv : lv) {
          return JE.truth(!and);
        }
        JE r = compile(right);
        return r.isConst() ? JE.truth(r.cst() != 0) : JE.bool(r.asBool());
      }
      String lc = negateLeft ? "!" + paren(l.asBool()) : l.asBool();
      if (!needs(right)) {
        JE r = compile(right);
        return JE.bool("(" + lc + (and ? " && " : " || ") + r.asBool() + ")");
      }
      String c = tmp("c");
      line("boolean " + c + " = " + lc + ";");
      open(and ? "if (" + c + ")" : "if (!" + c + ")");
      JE r = compile(right);
      line(c + " = " + r.asBool() + ";");
      close();
      return JE.bool(c);
    }

    private JE equality(Expr a, Expr b, boolean eq) {
      Type ta = a.type();
      Type tb = b.type();
      if (isValue(ta)) {
        JE x = compile(a);
        if (needs(b)) {
          x = spill(x);
        }
        JE y = compile(b);
        return equalSimple(x, ta, y, tb, eq);
      }
      CRef ra = ref(a);
      if (needs(b)) {
        ra = materialize(ra);
      }
      CRef rb = ref(b);
      String code = "eqBits(" + ra.buf() + ", " + ra.offCode() + ", " + rb.buf() + ", " + rb.offCode() + ", "
          + ta.bitWidth() + ")";
      return JE.bool(eq ? code : "not(" + code + ")");
    }

    JE equalSimple(JE x, Type ta, JE y, Type tb, boolean eq) {
      if (isReal(ta) || isReal(tb)) {
        return realBinary(eq ? Expr.BinaryOp.EQ : Expr.BinaryOp.NEQ, real(x, ta), real(y, tb));
      }
      if (ta instanceof Type.UnionType && !(tb instanceof Type.UnionType)) {
        y = convert(y, tb, ta, null);
      } else if (tb instanceof Type.UnionType && !(ta instanceof Type.UnionType)) {
        x = convert(x, ta, tb, null);
      }
      if (x.isConst() && y.isConst()) {
        return JE.truth((x.cst().longValue() == y.cst().longValue()) == eq);
      }
      return JE.bool((eq ? "eq(" : "ne(") + x.asLong() + ", " + y.asLong() + ")");
    }

    // -------------------------------------------------------------------------------------- calls

    /** A call of {@code fn} as a Java expression; the arguments are evaluated in order. */
    String call(Function fn, List<Expr> args, SourceLocation at) {
      List<String> parts = new ArrayList<>();
      parts.add("s");
      parts.add("fx");
      if (!fn.isProcedure()) {
        parts.add(Integer.toString(
            runtime("the end of function " + fn.name() + " was reached without returning a value", at)));
      }
      for (int i = 0; i < args.size(); i++) {
        boolean later = false;
        for (int j = i + 1; j < args.size(); j++) {
          later |= needs(args.get(j));
        }
        Local p = fn.parameters().get(i);
        Expr arg = args.get(i);
        if (p.kind() == Local.Kind.VAR_PARAMETER) {
          CRef r = ref(arg);
          if (!sameStorage(r.type(), p.type())) {
            // the interpreter would use the argument's type inside the callee; compiled code uses the parameter's
            throw new Unsupported("var argument of a different type than its parameter (" + p.name() + ")");
          }
          if (later) {
            r = materialize(r);
          }
          parts.add(r.buf());
          parts.add(r.offCode());
        } else if (arg instanceof Expr.Undefined) {
          // CMurphi's UNDEFINED: the parameter starts undefined
          parts.add(p.type().isSimple() ? "0L" : "new long[" + Math.max(1, (p.type().bitWidth() + 63) >>> 6) + "]");
        } else if (p.type().isSimple()) {
          String code;
          if (arg.isLValue() && !(arg instanceof Expr.LocalRef l && binding(l.local()) instanceof Val)) {
            code = copyRaw(arg, p.type());
          } else {
            JE v = convert(compile(arg), arg.type(), p.type(), arg.location());
            code = encode(v, p.type(), arg.location());
          }
          if (later && !IDENT.matcher(code).matches() && !isLiteral(code)) {
            String t = tmp("t");
            line("final long " + t + " = " + code + ";");
            code = t;
          }
          parts.add(code);
        } else {
          CRef r = ref(arg);
          String code = "copyOf(" + r.buf() + ", " + r.offCode() + ", " + p.type().bitWidth() + ")";
          if (later) {
            String t = tmp("b");
            line("final long[] " + t + " = " + code + ";");
            code = t;
          }
          parts.add(code);
        }
      }
      return "fn" + functionIds.get(fn) + "(" + String.join(", ", parts) + ")";
    }

    /**
     * The raw stored form of designator {@code arg} converted to type {@code to}, for storage of type {@code to}: an
     * undefined value stays undefined (no read error); a defined one is converted and range-checked.
     */
    String copyRaw(Expr arg, Type to) {
      CRef r = ref(arg);
      String raw = raw(r);
      if (to instanceof Type.RealType && !to.equals(r.type())) {
        // undefined stays undefined; a value is converted and rounded to the target's real type
        return "rpass(" + raw + ", " + type(r.type()) + ", " + type(to) + ", " + runtime("real value", arg.location()) + ")";
      }
      long argLo = r.type() instanceof Type.RangeType rt ? rt.lo() : 0;
      int conv = 0;
      long off = 0;
      long card = 0;
      int kc = 0;
      if (to instanceof Type.UnionType u && !(arg.type() instanceof Type.UnionType)) {
        off = Values.memberOffset(u, arg.type());
        conv = off < 0 ? 0 : 1;
      } else if (arg.type() instanceof Type.UnionType u && !(to instanceof Type.UnionType)) {
        off = Values.memberOffset(u, to);
        conv = off < 0 ? 0 : 2;
        card = to.cardinality();
        kc = runtime("union value is not a " + describe(to), arg.location());
      }
      long[] bd = bounds(to);
      if (conv == 0 && r.type().isSimple() && sameNumbering(r.type(), to)) {
        return raw; // same stored form: undefined stays undefined, defined values fit
      } else {
        return (unsigned ? "passu(" : "pass(") + raw + ", " + lit(argLo) + ", " + conv + ", " + lit(off) + ", " + lit(card) + ", "
            + lit(bd[0]) + ", " + lit(bd[1]) + ", " + kc + ", " + rangeSite(to, arg.location()) + ")";
      }
    }

    // -------------------------------------------------------------------------------------- binders

    /** Binds an instance's binders; {@code values} null: they are the method's parameters p0, p1, ... */
    void bindBinders(List<Binder> binders, long[] values, String absent) {
      for (int k = 0; k < binders.size(); k++) {
        Binder binder = binders.get(k);
        if (binder instanceof Quantifier q) {
          JE v = values != null ? JE.constant(values[k]) : JE.value("p" + k);
          bindQuantifier(q, v, false);
        } else if (binder instanceof AliasBinding a) {
          bindAlias(a);
        } else if (binder instanceof Choose c) {
          CRef ms = ref(c.multiset());
          Type.MultisetType mt = (Type.MultisetType) ms.type();
          int stride = 1 + mt.element().bitWidth();
          CRef presence = values != null
              ? ms.plus(Math.toIntExact(values[k] * stride), new Type.BooleanType())
              : ms.plusDyn("(int) p" + k + " * " + stride, new Type.BooleanType());
          line("if (" + raw(presence, 1) + " == 0L) " + absent);
          env.put(c.index(), new Val(values != null ? lit(values[k]) : "p" + k,
              values != null ? values[k] : null, true, c.index().type()));
        }
      }
    }

    /** Binds quantifier {@code q} to {@code value}; {@code check}: the value may lie outside the variable's type. */
    void bindQuantifier(Quantifier q, JE value, boolean check) {
      Local v = q.variable();
      if (v.type() instanceof Type.IntType) {
        env.put(v, new Val(value.code(), value.cst(), true, null));
        return;
      }
      if (mutated.contains(v)) {
        CRef slot = slot(v, v.type());
        write(slot, encode(value, v.type(), q.location()));
        env.put(v, new Store(slot));
        return;
      }
      JE x = value;
      if (check) {
        long[] b = bounds(v.type());
        boolean fits = x.isConst() && !unsigned ? x.cst() >= b[0] && x.cst() <= b[1] : false;
        if (!fits) {
          x = spill(JE.value((unsigned ? "chku(" : "chk(") + x.asLong() + ", " + lit(b[0]) + ", " + lit(b[1]) + ", "
              + rangeSite(v.type(), q.location()) + ")"));
        }
      }
      env.put(v, new Val(x.code(), x.cst(), false, v.type()));
    }

    void bindAlias(AliasBinding a) {
      Expr v = a.value();
      aliasValues.put(a.alias(), v);
      if (v.isLValue()) {
        if (v instanceof Expr.LocalRef l && binding(l.local()) instanceof Val val && !val.boxed()) {
          env.put(a.alias(), val);
        } else {
          env.put(a.alias(), new Store(materialize(ref(v))));
        }
      } else if (isValue(v.type())) {
        JE x = spill(compile(v));
        env.put(a.alias(), new Val(x.code(), x.cst(), true, x.range()));
      } else {
        CRef r = ref(v);
        String t = tmp("b");
        line("final long[] " + t + " = copyOf(" + r.buf() + ", " + r.offCode() + ", " + r.type().bitWidth() + ");");
        env.put(a.alias(), new Store(new CRef(t, null, 0, r.type())));
      }
    }

    /** A loop over a quantifier's values, binding its variable; {@code body} emits the loop body. */
    void loop(Quantifier q, Runnable body) {
      String i = tmp("i");
      if (q.overType()) {
        Type t = q.type();
        long[] b = bounds(t);
        if (b[1] == Long.MAX_VALUE || unsigned && (b[0] < 0 || b[1] < 0)) {
          throw new Unsupported("quantifier up to Long.MAX_VALUE");
        }
        open("for (long " + i + " = " + lit(b[0]) + "; " + i + " <= " + lit(b[1]) + "; " + i + "++)");
        JE v = new JE(i, false, null, t);
        bindQuantifier(q, v, !sameBounds(t, q.variable().type()));
        body.run();
        close();
        env.remove(q.variable());
        return;
      }
      JE from = compile(q.from());
      if (needs(q.to()) || needs(q.step())) {
        from = spill(from);
      }
      JE to = compile(q.to());
      if (needs(q.step())) {
        to = spill(to);
      }
      JE step = q.step() == null ? JE.constant(1) : compile(q.step());
      String f = tmp("t");
      String t = tmp("t");
      line("final long " + f + " = " + from.asLong() + ";");
      line("final long " + t + " = " + to.asLong() + ";");
      String st;
      String cond;
      String overflow;
      if (unsigned) {
        st = tmp("t");
        line("final long " + st + " = " + step.asLong() + ";");
        line("if (" + st + " == 0L) throw err(" + runtime("infinite loop due to 0 step", q.location()) + ");");
        cond = "Long.compareUnsigned(" + i + ", " + t + ") <= 0";
        overflow = "Long.compareUnsigned(" + i + ", -1L - " + st + ") > 0";
      } else if (step.isConst()) {
        long sv = step.cst();
        if (sv == 0) {
          line("if (true) throw err(" + runtime("infinite loop due to 0 step", q.location()) + ");");
        }
        st = lit(sv);
        cond = sv > 0 ? i + " <= " + t : i + " >= " + t;
        overflow = sv > 0 ? i + " > Long.MAX_VALUE - " + st : i + " < Long.MIN_VALUE - " + st;
      } else {
        st = tmp("t");
        line("final long " + st + " = " + step.asLong() + ";");
        line("if (" + st + " == 0L) throw err(" + runtime("infinite loop due to 0 step", q.location()) + ");");
        cond = "(" + st + " > 0L ? " + i + " <= " + t + " : " + i + " >= " + t + ")";
        overflow = "(" + st + " > 0L ? " + i + " > Long.MAX_VALUE - " + st + " : " + i + " < Long.MIN_VALUE - " + st
            + ")";
      }
      open("for (long " + i + " = " + f + "; " + cond + "; " + i + " += " + st + ")");
      boolean check = true;
      if (q.variable().type() instanceof Type.RangeType rt && from.isConst() && to.isConst() && !unsigned) {
        check = !(Math.min(from.cst(), to.cst()) >= rt.lo() && Math.max(from.cst(), to.cst()) <= rt.hi());
      }
      bindQuantifier(q, JE.value(i), check);
      body.run();
      line("if (" + overflow + ") break;");
      close();
      env.remove(q.variable());
    }

    // -------------------------------------------------------------------------------------- statements

    /**
     * A block of statements. When its code is large, its large statements move into helper methods, so that no
     * method outgrows what the JIT compiles. The code generated in place is reused as the helper's body: it refers to
     * nothing from outside but the bindings in scope, which the helper receives as parameters of the same names.
     */
    void block(List<Stmt> body) {
      StringBuilder saved = b;
      List<String> codes = new ArrayList<>();
      int total = 0;
      for (Stmt s : body) {
        b = new StringBuilder();
        stmt(s);
        codes.add(b.toString());
        total += b.length();
      }
      b = saved;
      int limit = blockLimit;
      if (total <= limit) {
        codes.forEach(b::append);
        return;
      }
      // consecutive statements go to helpers in groups of up to half the limit
      StringBuilder group = new StringBuilder();
      for (int i = 0; i < body.size(); i++) {
        String code = codes.get(i);
        if (mode == Mode.FUNCTION && Analysis.containsReturn(body.get(i))) {
          flush(group);
          b.append(code);
          continue;
        }
        if (group.length() > 0 && group.length() + code.length() > limit / 2) {
          flush(group);
        }
        group.append(code);
      }
      flush(group);
    }

    /** Moves a group of statements' code into a helper (or leaves it in place when small); empties the group. */
    private void flush(StringBuilder group) {
      if (group.length() == 0) {
        return;
      }
      String code = group.toString();
      group.setLength(0);
      if (code.length() <= Math.min(OUTLINE_MIN, blockLimit / 4) || !outline(code)) {
        b.append(code);
      }
    }

    /** Emits a call of a new helper method whose body is {@code code}; false when it would take too many parameters. */
    private boolean outline(String code) {
      if (helperParams().size() > 100) {
        return false;
      }
      String call = helper("boolean", code + "    return false;\n");
      line(mode == Mode.FUNCTION ? call + ";" : "if (" + call + ") " + RETURNED);
      return true;
    }

    /** The parameters a helper needs: the fixed names and every binding in scope. */
    private Map<String, String> helperParams() {
      Map<String, String> params = new java.util.LinkedHashMap<>();
      params.put("s", "long[]");
      params.put("fx", "Effects");
      params.put("L", "long[]");
      if (mode == Mode.FUNCTION) {
        params.put("at", "int");
      }
      extraParams.forEach(params::putIfAbsent);
      for (Binding bd : env.values()) {
        if (bd instanceof Val v && IDENT.matcher(v.code()).matches()) {
          params.putIfAbsent(v.code(), "long");
        } else if (bd instanceof Store st) {
          params.putIfAbsent(st.ref().buf(), "long[]");
          if (st.ref().dyn() != null) {
            params.putIfAbsent(st.ref().dyn(), "int");
          }
        }
      }
      return params;
    }

    /** Adds a helper method with {@code body}; returns the call expression. */
    private String helper(String returns, String body) {
      Map<String, String> params = helperParams();
      String name = "x" + (helperCount++);
      StringBuilder decl = new StringBuilder();
      for (Map.Entry<String, String> p : params.entrySet()) {
        decl.append(decl.length() == 0 ? "" : ", ").append(p.getValue()).append(' ').append(p.getKey());
      }
      helpers.add("  private " + returns + " " + name + "(" + decl + ") throws ModelError {\n" + body + "  }\n\n");
      return name + "(" + String.join(", ", params.keySet()) + ")";
    }

    void stmt(Stmt s) {
      if (s instanceof Stmt.Assign a) {
        CRef t = materialize(ref(a.target()));
        Expr v = a.value();
        if (UndefinedCopies.copies(v, aliasValues::get)
            && !(v instanceof Expr.LocalRef l && binding(l.local()) instanceof Val)) {
          write(t, copyRaw(v, t.type())); // CMurphi: an undefined source makes the target undefined
        } else {
          assignTo(t, v);
        }
      } else if (s instanceof Stmt.If i) {
        ifChain(i.clauses());
      } else if (s instanceof Stmt.Switch sw) {
        JE v = spill(compile(sw.value()));
        switchChain(sw.cases(), v, sw.value().type());
      } else if (s instanceof Stmt.For f) {
        loop(f.quantifier(), () -> block(f.body()));
      } else if (s instanceof Stmt.While w) {
        open("while (true)");
        JE c = compile(w.condition());
        line("if (!" + paren(c.asBool()) + ") break;");
        block(w.body());
        close();
      } else if (s instanceof Stmt.Return r) {
        returnStmt(r);
      } else if (s instanceof Stmt.Clear c) {
        CRef r = ref(c.target());
        Type t = r.type();
        if (t.isSimple()) {
          write(r, "1L");
        } else if (t instanceof Type.IntType) {
          throw new Unsupported("clear of an unbounded integer");
        } else {
          line("copy(PAT[" + clearPattern(t) + "], 0, " + r.buf() + ", " + r.offCode() + ", " + t.bitWidth() + ");");
        }
      } else if (s instanceof Stmt.Undefine u) {
        CRef r = ref(u.target());
        Type t = r.type();
        if (t.isSimple()) {
          write(r, "0L");
        } else {
          line("zero(" + r.buf() + ", " + r.offCode() + ", " + (t instanceof Type.IntType ? 64 : t.bitWidth()) + ");");
        }
      } else if (s instanceof Stmt.Put p) {
        put(p);
      } else if (s instanceof Stmt.Error e) {
        line("if (true) throw err(" + site(ViolationKind.ASSERTION, e.message(), "error \"" + e.message() + "\"",
            e.location()) + ");");
      } else if (s instanceof Stmt.PropertyStmt p) {
        JE c = compile(p.condition());
        switch (p.kind()) {
          case ASSERTION -> {
            String name = p.name() != null ? p.name() : "assertion";
            int k = site(ViolationKind.ASSERTION, name, "assertion \"" + name + "\" failed", p.location());
            line("if (!" + paren(c.asBool()) + ") throw err(" + k + ");");
          }
          case ASSUMPTION -> line("if (!" + paren(c.asBool()) + ") throw ASSUME;");
          case COVER -> line("if (" + c.asBool() + ") fx.cover(" + coverSites.get(p) + ");");
          case LIVENESS -> line(
              "if (true) throw new IllegalStateException(\"liveness statements are rejected by the front end\");");
        }
      } else if (s instanceof Stmt.Alias a) {
        open("");
        for (AliasBinding bnd : a.bindings()) {
          bindAlias(bnd);
        }
        block(a.body());
        for (AliasBinding bnd : a.bindings()) {
          env.remove(bnd.alias());
        }
        close();
      } else if (s instanceof Stmt.ProcCall c) {
        line(call(c.function(), c.arguments(), c.location()) + ";");
      } else if (s instanceof Stmt.MultisetAdd m) {
        CRef ms = materialize(ref(m.multiset()));
        Type.MultisetType mt = (Type.MultisetType) ms.type();
        int stride = 1 + mt.element().bitWidth();
        String at = tmp("o");
        String slot = tmp("i");
        line("int " + at + " = -1;");
        open("for (int " + slot + " = 0; " + slot + " < " + mt.capacity() + "; " + slot + "++)");
        line("final int x" + slot + " = " + ms.offCode() + " + " + slot + " * " + stride + ";");
        line("if (get(" + ms.buf() + ", x" + slot + ", 1) == 0L) { " + at + " = x" + slot + "; break; }");
        close();
        line("if (" + at + " < 0) throw err(" + runtime("multiset is full: no room to add an element", m.location())
            + ");");
        line("set(" + ms.buf() + ", " + at + ", 1, 1L);");
        assignTo(new CRef(ms.buf(), at, 1, mt.element()), m.element());
      } else if (s instanceof Stmt.MultisetRemove m) {
        CRef ms = materialize(ref(m.multiset()));
        Type.MultisetType mt = (Type.MultisetType) ms.type();
        int stride = 1 + mt.element().bitWidth();
        JE slot = spill(compile(m.index()));
        line("if (" + slot.asLong() + " >= 0L && " + slot.asLong() + " < " + lit(mt.capacity()) + ") zero("
            + ms.buf() + ", " + ms.offCode() + " + (int) " + slot.asLong() + " * " + stride + ", " + stride + ");");
      } else if (s instanceof Stmt.MultisetRemovePred m) {
        CRef ms = materialize(ref(m.multiset()));
        Type.MultisetType mt = (Type.MultisetType) ms.type();
        int stride = 1 + mt.element().bitWidth();
        String slot = tmp("i");
        open("for (long " + slot + " = 0L; " + slot + " < " + lit(mt.capacity()) + "; " + slot + "++)");
        String at = tmp("o");
        line("final int " + at + " = " + ms.offCode() + " + (int) " + slot + " * " + stride + ";");
        open("if (get(" + ms.buf() + ", " + at + ", 1) != 0L)");
        env.put(m.index(), new Val(slot, null, true, m.index().type()));
        JE p = compile(m.predicate());
        line("if (" + p.asBool() + ") zero(" + ms.buf() + ", " + at + ", " + stride + ");");
        env.remove(m.index());
        close();
        close();
      } else {
        throw new Unsupported("statement " + s.getClass().getSimpleName());
      }
    }

    void assignTo(CRef t, Expr value) {
      Type tt = t.type();
      if (tt.isSimple()) {
        JE v = convert(compile(value), value.type(), tt, value.location());
        write(t, encode(v, tt, value.location()));
      } else if (tt instanceof Type.IntType) {
        throw new Unsupported("assignment to unbounded integer storage");
      } else {
        CRef f = ref(value);
        line("copy(" + f.buf() + ", " + f.offCode() + ", " + t.buf() + ", " + t.offCode() + ", " + tt.bitWidth()
            + ");");
      }
    }


    /**
     * {@code if}/{@code elsif}/{@code else} as a flat sequence in a labelled block ({@code if (c) { ...; break L; }}),
     * not as nested {@code else}s, so that a long chain does not nest deeply in Java (javac parses recursively).
     */
    void ifChain(List<Stmt.IfClause> clauses) {
      List<String> codes = new ArrayList<>();
      boolean returns = false;
      StringBuilder saved = b;
      for (Stmt.IfClause c : clauses) {
        returns |= c.body().stream().anyMatch(Analysis::containsReturn);
        b = new StringBuilder();
        boolean last = false;
        if (c.condition() == null) {
          block(c.body());
          last = true;
        } else {
          JE k = compile(c.condition());
          if (k.isConst()) {
            if (k.cst() != 0) {
              block(c.body());
              last = true;
            }
          } else {
            open("if (" + k.asBool() + ")");
            block(c.body());
            line(BREAK);
            close();
          }
        }
        codes.add(b.toString());
        if (last) {
          break;
        }
      }
      b = saved;
      chain(codes, returns);
    }

    /** {@code switch} as a flat chain of tests, like {@link #ifChain}. */
    void switchChain(List<Stmt.SwitchCase> cases, JE v, Type t) {
      boolean variable = !v.isConst() && extraParams.putIfAbsent(v.code(), v.bool() ? "boolean" : "long") == null;
      List<String> codes = new ArrayList<>();
      boolean returns = false;
      StringBuilder saved = b;
      for (Stmt.SwitchCase c : cases) {
        returns |= c.body().stream().anyMatch(Analysis::containsReturn);
        b = new StringBuilder();
        boolean last = switchCase(c, v, t);
        codes.add(b.toString());
        if (last) {
          break;
        }
      }
      b = saved;
      chain(codes, returns);
      if (variable) {
        extraParams.remove(v.code());
      }
    }

    /** One case of a switch chain; true when it is taken unconditionally (the chain ends there). */
    private boolean switchCase(Stmt.SwitchCase c, JE v, Type t) {
      if (c.labels().isEmpty()) {
        block(c.body());
        return true;
      }
      String cond;
      if (c.labels().stream().noneMatch(this::needs)) {
        List<String> parts = new ArrayList<>();
        boolean always = false;
        for (Expr label : c.labels()) {
          JE eq = equalSimple(v, t, compile(label), label.type(), true);
          if (eq.isConst()) {
            if (eq.cst() != 0) {
              always = true;
              break;
            }
            continue;
          }
          parts.add(eq.code());
        }
        if (always && parts.isEmpty()) {
          block(c.body());
          return true;
        }
        if (always) {
          parts.add("true");
        }
        if (parts.isEmpty()) {
          return false;
        }
        cond = String.join(" || ", parts);
      } else {
        cond = tmp("c");
        line("boolean " + cond + " = false;");
        for (Expr label : c.labels()) {
          open("if (!" + cond + ")");
          JE eq = equalSimple(v, t, compile(label), label.type(), true);
          line(cond + " = " + eq.asBool() + ";");
          close();
        }
      }
      open("if (" + cond + ")");
      block(c.body());
      line(BREAK);
      close();
      return false;
    }

    /**
     * Places a chain's clause codes in a labelled block. A long chain is cut into segments, each a helper returning
     * 0 (no clause taken: go on), 1 (a clause was taken) or 2 (a {@code return} was executed).
     */
    private void chain(List<String> codes, boolean returns) {
      String label = tmp("L");
      String leave = "break " + label + ";";
      int total = codes.stream().mapToInt(String::length).sum();
      open(label + ":");
      if (total <= blockLimit || codes.size() < 2 || (mode == Mode.FUNCTION && returns)) {
        for (String code : codes) {
          b.append(code.replace(BREAK, leave));
        }
        close();
        return;
      }
      int limit = Math.max(1, blockLimit / 2);
      int i = 0;
      while (i < codes.size()) {
        StringBuilder segment = new StringBuilder();
        do {
          segment.append(codes.get(i++).replace(BREAK, "return 1;").replace(RETURNED, "return 2;"));
        } while (i < codes.size() && segment.length() + codes.get(i).length() <= limit);
        String call = helper("int", segment + "    return 0;\n");
        if (mode == Mode.FUNCTION) {
          line("if (" + call + " == 1) " + leave);
        } else {
          String r = tmp("r");
          line("final int " + r + " = " + call + ";");
          line("if (" + r + " == 2) " + RETURNED);
          line("if (" + r + " == 1) " + leave);
        }
      }
      close();
    }

    void returnStmt(Stmt.Return r) {
      switch (mode) {
        case FIRE, START, GUARD, HOLDS -> {
          if (r.value() != null && isValue(r.value().type())) {
            spill(compile(r.value()));
          } else if (r.value() != null) {
            ref(r.value());
          }
          line("if (true) " + RETURNED);
        }
        case PROCEDURE -> {
          if (r.value() != null) {
            throw new Unsupported("procedure returning a value");
          }
          line("if (true) " + RETURNED);
        }
        case FUNCTION -> {
          if (r.value() == null) {
            line("if (true) throw err(at);");
          } else if (isValue(function.returnType())) {
            if (!isValue(r.value().type())) {
              throw new Unsupported("function returning a complex value as a simple one");
            }
            JE v = compile(r.value());
            if (function.returnType() instanceof Type.RealType rt) {
              // CMurphi constructs the result as a value of the return type: rounded to its precision
              JE x = convert(v, r.value().type(), rt, r.location());
              v = JE.value("rdec(" + encode(x, rt, r.location()) + ", " + type(rt) + ")");
            }
            line("if (true) return " + v.asLong() + ";");
          } else {
            CRef v = ref(r.value());
            line("if (true) return copyOf(" + v.buf() + ", " + v.offCode() + ", " + v.type().bitWidth() + ");");
          }
        }
      }
    }

    void put(Stmt.Put p) {
      if (p.text() != null) {
        String text = p.text().replace("\\n", "\n").replace("\\t", "\t").replace("\\\"", "\"").replace("\\\\", "\\");
        line("fx.put(" + javaString(text) + ");");
        return;
      }
      Expr v = p.value();
      if (v.isLValue() && !(v instanceof Expr.LocalRef l && binding(l.local()) instanceof Val)) {
        CRef r = ref(v);
        line("fx.put(render(" + r.buf() + ", " + r.offCode() + ", TYPE[" + type(r.type()) + "]"
            + (unsigned ? ", true" : "") + "));");
      } else if (isValue(v.type())) {
        JE x = compile(v);
        line("fx.put(Values.text(TYPE[" + type(v.type()) + "], " + x.asLong() + (unsigned ? ", true" : "") + "));");
      } else {
        line("fx.put(" + javaString(v.toString()) + ");");
      }
    }
  }

  // ------------------------------------------------------------------------------------------ helpers

  /** The numbers of a simple type's values: lo..hi (ranges), 0..card-1 (others). */
  static long[] bounds(Type t) {
    if (t instanceof Type.RangeType r) {
      return new long[] {r.lo(), r.hi()};
    }
    if (t instanceof Type.IntType) {
      return new long[] {Long.MIN_VALUE, Long.MAX_VALUE};
    }
    return new long[] {0, t.cardinality() - 1};
  }

  private static boolean sameBounds(Type a, Type b) {
    long[] x = bounds(a);
    long[] y = bounds(b);
    return x[0] == y[0] && x[1] == y[1];
  }

  /** Whether a place of type a can stand for one of type b: the same layout and the same numbering. */
  private static boolean sameStorage(Type a, Type b) {
    if (a.isSimple() || b.isSimple()) {
      return a.isSimple() && b.isSimple() && a.bitWidth() == b.bitWidth() && sameBounds(a, b)
          && a instanceof Type.UnionType == b instanceof Type.UnionType;
    }
    return io.ballot.checker.ir.IrPrinter.print(a).equals(io.ballot.checker.ir.IrPrinter.print(b));
  }

  /** Whether raw stored bits of type a mean the same values, all valid, in type b. */
  private boolean sameNumbering(Type a, Type b) {
    if (!b.isSimple() || a instanceof Type.UnionType != b instanceof Type.UnionType) {
      return false;
    }
    long[] x = bounds(a);
    long[] y = bounds(b);
    return x[0] == y[0] && (unsigned ? Long.compareUnsigned(x[1], y[1]) <= 0 : x[1] <= y[1]);
  }


  static String lit(long v) {
    if (v == Long.MIN_VALUE) {
      return "Long.MIN_VALUE";
    }
    return v < 0 ? "(" + v + "L)" : v + "L";
  }

  private static boolean isLiteral(String code) {
    return code.matches("\\(?-?\\d+L\\)?") || code.equals("Long.MIN_VALUE");
  }

  private static String hex(long v) {
    return "0x" + Long.toHexString(v) + "L";
  }

  private static String paren(String code) {
    return code.startsWith("(") && code.endsWith(")") && balanced(code) ? code : "(" + code + ")";
  }

  /** True when the parenthesis at 0 closes at the end. */
  private static boolean balanced(String code) {
    int d = 0;
    for (int i = 0; i < code.length(); i++) {
      char c = code.charAt(i);
      if (c == '"') {
        return false;
      }
      if (c == '(') {
        d++;
      } else if (c == ')') {
        d--;
        if (d == 0 && i < code.length() - 1) {
          return false;
        }
      }
    }
    return d == 0;
  }

  static String javaString(String s) {
    StringBuilder b = new StringBuilder("\"");
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> b.append("\\\"");
        case '\\' -> b.append("\\\\");
        case '\n' -> b.append("\\n");
        case '\r' -> b.append("\\r");
        case '\t' -> b.append("\\t");
        default -> {
          if (c < 0x20 || c > 0x7e) {
            b.append(String.format("\\u%04x", (int) c));
          } else {
            b.append(c);
          }
        }
      }
    }
    return b.append('"').toString();
  }

  private static String comment(String s) {
    return s == null ? "" : s.replace("*/", "* /").replace("\\u", "\\ u").replaceAll("[\\r\\n]", " ");
  }
}
