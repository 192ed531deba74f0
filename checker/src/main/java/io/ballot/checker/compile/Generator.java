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

  /**
   * Rules/properties with at most this many instances may get one method per instance, as long as the specialised
   * copies total at most {@link CompileOptions#specialiseBudget()} IR nodes and {@link #SPECIALISE_MAX_METHODS}
   * methods. Measured: per-instance code is no faster than the generic code once the JIT has run (it folds the
   * parameters well enough), but it costs compile time; it is kept small, for the constant folding of small models.
   */
  static final int SPECIALISE_MAX_INSTANCES = 64;
  static final long SPECIALISE_MAX_METHODS = 512;
  /** Dispatch switches over instances up to this size; beyond, over rules with a table of values. */
  static final int SWITCH_LIMIT = 4000;

  private final Model model;
  private final String packageName;
  private final String className;
  private final ClassContext cx;
  private final List<Inst<StartState>> starts;
  private final List<Inst<Rule>> rules;
  private final List<Inst<Property>> properties;
  private final List<Instance> coverList = new ArrayList<>();

  private final StringBuilder out = new StringBuilder();

  Generator(Model model, String packageName, String className, CompileOptions options) {
    this.model = model;
    this.packageName = packageName;
    this.className = className;
    this.starts = Instances.starts(model);
    this.rules = Instances.rules(model);
    this.properties = Instances.properties(model);
    Map<Stmt.PropertyStmt, Integer> coverSites = new IdentityHashMap<>();
    CoverSites.collect(model, coverSites, coverList);
    Map<Function, Integer> functionIds = new IdentityHashMap<>();
    int n = 0;
    for (Function f : model.functions()) {
      functionIds.put(f, n++);
    }
    this.cx = new ClassContext(model, new StateLayout(model), Analysis.mutatedLocals(model), functionIds, coverSites,
        options);
  }

  /** The tables the generated class's constructor receives (call after {@link #generate()}). */
  CompiledModel.Tables tables() {
    ErrorSites s = cx.sites;
    return new CompiledModel.Tables(cx.layout, starts, rules, properties, coverList, s.locations(), s.messages(),
        s.properties(), s.kinds(), s.types(), s.patterns());
  }

  // ------------------------------------------------------------------------------------------ the class

  String generate() {
    out.append("package ").append(packageName).append(";\n\n");
    out.append("import io.ballot.checker.compile.CompiledModel;\n");
    out.append("import io.ballot.checker.state.Values;\n");
    out.append("import io.ballot.checker.ts.Effects;\n");
    out.append("import io.ballot.checker.ts.ModelError;\n\n");
    out.append("/** Generated by Ballot from ").append(JavaText.comment(model.file())).append(". */\n");
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
            MethodKind.START));
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
        out.append(guardMethod("g" + i, r.binders(), inst.values(), r.guard(), MethodKind.GUARD));
        out.append(bodyMethod("f" + i, r.binders(), inst.values(), r.locals(), r.body(), MethodKind.FIRE));
        guardCalls.add("g" + i + "(s)");
        fireCalls.add("f" + i + "(n, fx)");
      } else {
        if (!genericDone.containsKey(src)) {
          genericDone.put(src, src);
          out.append(guardMethod("gr" + src, r.binders(), null, r.guard(), MethodKind.GUARD));
          out.append(bodyMethod("fr" + src, r.binders(), null, r.locals(), r.body(), MethodKind.FIRE));
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
        out.append(guardMethod("h" + i, p.binders(), inst.values(), p.condition(), MethodKind.HOLDS));
        holdCalls.add("h" + i + "(s)");
      } else {
        if (!genericDone.containsKey(src)) {
          genericDone.put(src, src);
          out.append(guardMethod("hr" + src, p.binders(), null, p.condition(), MethodKind.HOLDS));
        }
        holdCalls.add("hr" + src + "(s" + args(inst, !propsBySwitch, i, "PP") + ")");
      }
    }
    out.append(dispatch("public boolean holds(int i, long[] s)", holdCalls, properties, !propsBySwitch, "PP"));
    out.append("}\n");
    return out.toString().replace(StmtCompiler.RETURNED, "return true;");
  }

  /** Which sources get one method per instance: smallest total first, within the budget. */
  private <T> boolean[] chooseSpecialised(
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
      if (count[s] <= SPECIALISE_MAX_INSTANCES && used + weight[s] <= cx.options.specialiseBudget()
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
        b.append(", ").append(fromTable ? table + "[i][" + k + "]" : JavaText.lit(inst.values()[k]));
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

  // ------------------------------------------------------------------------------------------ methods

  private String guardMethod(String name, List<Binder> binders, long[] values, Expr condition, MethodKind kind) {
    MethodCompiler m = new MethodCompiler(cx, kind, null);
    String absent = kind == MethodKind.HOLDS ? "true" : "false";
    m.binders.bindBinders(binders, values, "return " + absent + ";");
    if (condition == null) {
      m.st.line("return true;");
    } else {
      JE c = m.exprs.compile(condition);
      m.st.line("return " + c.asBool() + ";");
    }
    StringBuilder b = new StringBuilder();
    b.append("  private boolean ").append(name).append("(long[] s").append(params(binders, values)).append(")"
        + " throws ModelError {\n");
    b.append("    final Effects fx = Effects.NONE;\n");
    m.st.header(b);
    b.append("    try {\n").append(m.st.b).append("    } catch (AssumptionFailed ex) {\n      return ")
        .append(absent).append(";\n    }\n  }\n\n");
    return b.append(m.st.helpers()).toString();
  }

  private String bodyMethod(
      String name, List<Binder> binders, long[] values, List<Local> locals, List<Stmt> body, MethodKind kind) {
    MethodCompiler m = new MethodCompiler(cx, kind, null);
    m.binders.bindBinders(binders, values, "return false;");
    for (Local l : locals) {
      m.st.env.put(l, new Binding.Store(m.st.slot(l, l.type())));
    }
    m.st.open("if (true)");
    m.stmts.block(body);
    m.st.close();
    m.st.line("return true;");
    StringBuilder b = new StringBuilder();
    b.append("  private boolean ").append(name).append("(long[] s, Effects fx").append(params(binders, values))
        .append(") throws ModelError {\n");
    m.st.header(b);
    b.append("    try {\n").append(m.st.b).append("    } catch (AssumptionFailed ex) {\n      return false;\n    }\n"
        + "  }\n\n");
    return b.append(m.st.helpers()).toString();
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
    MethodCompiler m = new MethodCompiler(cx, f.isProcedure() ? MethodKind.PROCEDURE : MethodKind.FUNCTION, f);
    StringBuilder sig = new StringBuilder("long[] s, Effects fx");
    if (!f.isProcedure()) {
      sig.append(", int at");
    }
    List<Local> params = f.parameters();
    for (int k = 0; k < params.size(); k++) {
      Local p = params.get(k);
      if (p.kind() == Local.Kind.VAR_PARAMETER) {
        sig.append(", long[] a").append(k).append("b, int a").append(k).append('o');
        m.st.env.put(p, new Binding.Store(new CRef("a" + k + "b", "a" + k + "o", 0, p.type())));
      } else if (p.type().isSimple()) {
        sig.append(", long a").append(k);
        CRef slot = m.st.slot(p, p.type());
        m.places.write(slot, "a" + k);
        m.st.env.put(p, new Binding.Store(slot));
      } else if (p.type() instanceof Type.IntType) {
        throw new Unsupported("unbounded integer parameter " + p.name());
      } else {
        sig.append(", long[] a").append(k);
        m.st.env.put(p, new Binding.Store(new CRef("a" + k, null, 0, p.type())));
      }
    }
    for (Local l : f.locals()) {
      m.st.env.put(l, new Binding.Store(m.st.slot(l, l.type())));
    }
    m.st.open("if (true)");
    m.stmts.block(f.body());
    m.st.close();
    // a procedure returns whether it executed "return" (the protocol of split-off helpers; callers ignore it)
    m.st.line(f.isProcedure() ? "return false;" : "throw err(at);");
    String ret = f.isProcedure() ? "boolean" : TypeFacts.isValue(f.returnType()) ? "long" : "long[]";
    StringBuilder b = new StringBuilder();
    b.append("  /** ").append(JavaText.comment(f.name())).append(" */\n");
    b.append("  private ").append(ret).append(" fn").append(cx.functionIds.get(f)).append('(').append(sig)
        .append(") throws ModelError {\n");
    m.st.header(b);
    b.append(m.st.b).append("  }\n\n");
    return b.append(m.st.helpers()).toString();
  }
}
