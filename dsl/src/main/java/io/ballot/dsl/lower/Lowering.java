package io.ballot.dsl.lower;

import io.ballot.checker.ir.AliasBinding;
import io.ballot.checker.ir.Binder;
import io.ballot.checker.ir.Choose;
import io.ballot.checker.ir.ConstantDecl;
import io.ballot.checker.ir.Expr;
import io.ballot.checker.ir.Function;
import io.ballot.checker.ir.Local;
import io.ballot.checker.ir.Model;
import io.ballot.checker.ir.Property;
import io.ballot.checker.ir.PropertyKind;
import io.ballot.checker.ir.Quantifier;
import io.ballot.checker.ir.Rule;
import io.ballot.checker.ir.StartState;
import io.ballot.checker.ir.Stmt;
import io.ballot.checker.ir.Type;
import io.ballot.checker.ir.TypeDecl;
import io.ballot.checker.ir.Variable;
import io.ballot.dsl.api.Diagnostic;
import io.ballot.dsl.lint.IterationOrder;
import io.ballot.dsl.murphi.AliasDecl;
import io.ballot.dsl.murphi.AliasRule;
import io.ballot.dsl.murphi.ChooseRule;
import io.ballot.dsl.murphi.ConstGroup;
import io.ballot.dsl.murphi.ConstName;
import io.ballot.dsl.murphi.ConstSection;
import io.ballot.dsl.murphi.DeclSection;
import io.ballot.dsl.murphi.MurphiPackage;
import io.ballot.dsl.murphi.Named;
import io.ballot.dsl.murphi.Param;
import io.ballot.dsl.murphi.ParamGroup;
import io.ballot.dsl.murphi.ProcDecl;
import io.ballot.dsl.murphi.PropertyRule;
import io.ballot.dsl.murphi.Ruleset;
import io.ballot.dsl.murphi.SimpleRule;
import io.ballot.dsl.murphi.TopItem;
import io.ballot.dsl.murphi.TypeGroup;
import io.ballot.dsl.murphi.TypeName;
import io.ballot.dsl.murphi.TypeSection;
import io.ballot.dsl.murphi.VarGroup;
import io.ballot.dsl.murphi.VarName;
import io.ballot.dsl.murphi.VarSection;
import io.ballot.dsl.settings.ConstOverrides;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Lowers a linked Murphi syntax tree to the checker's IR, type-checking and constant-folding on the way. This is
 * Ballot's semantic analysis: every rule a model can break after parsing and name resolution is checked here and
 * reported with its position. Rulesets, aliases and chooses are flattened into the binders of each rule.
 */
public final class Lowering {
  private final Locations locations;
  private final Problems problems;
  /** The model's integers are unsigned 64-bit ({@link UnsignedValues}); otherwise signed 64-bit. */
  private final boolean unsignedValues;
  private final TypeRules typeRules;
  /** What each declaration became: Variable, Local, ConstantDecl, Type (type names), Function. */
  private final Map<Named, Object> bindings = new IdentityHashMap<>();
  /** The binding each alias local came from (for read-only checks through aliases). */
  private final Map<Local, AliasBinding> aliases = new IdentityHashMap<>();

  private final TypeLowering types;
  private final ExprLowering exprs;
  private final BinderLowering binderLowering;
  private final StmtLowering stmts;
  private final IterationOrder iterationOrder;
  private final Networks networks;
  private final NetworkQueries networkQueries;
  private final Receiving receiving;
  private final InitialValuesAndRestarts initialValues;

  private final List<ConstantDecl> constants = new ArrayList<>();
  /** Values that replace global constants' declared ones (--const and the like). */
  private final ConstOverrides overrides;
  private final List<TypeDecl> typeDecls = new ArrayList<>();
  private final List<Variable> variables = new ArrayList<>();
  private final List<Function> functions = new ArrayList<>();
  private final List<StartState> startStates = new ArrayList<>();
  private final List<Rule> rules = new ArrayList<>();
  private final List<Property> properties = new ArrayList<>();

  /** The result: the IR model (null when there were errors) and the diagnostics. */
  public record Result(Model model, List<Diagnostic> diagnostics) {}

  /**
   * Builds the sub-lowerers, each given what it uses. Types and expressions need each other (range bounds are
   * expressions, {@code ismember} names a type), as do expressions and network queries: those two edges go through
   * this class's {@link #lowerConstant} and {@link #lowerQuery}.
   */
  private Lowering(String file, boolean unsignedValues, ConstOverrides overrides) {
    this.unsignedValues = unsignedValues;
    this.overrides = overrides;
    this.typeRules = new TypeRules(unsignedValues);
    this.locations = new Locations(file);
    this.problems = new Problems(locations);
    LoweringContext cx = new LoweringContext(locations, problems, typeRules, unsignedValues, bindings, aliases);
    ReadOnlyTargets readOnly = new ReadOnlyTargets(aliases);
    Bodies bodies = new Bodies() {
      @Override
      public void lowerLocalDecls(List<DeclSection> sections, List<Local> locals) {
        Lowering.this.lowerLocalDecls(sections, locals);
      }

      @Override
      public List<Stmt> lowerBody(io.ballot.dsl.murphi.Block block, List<Local> locals) {
        return Lowering.this.lowerBody(block, locals);
      }
    };
    this.types = new TypeLowering(cx, this::lowerConstant);
    this.exprs = new ExprLowering(cx, types, this::lowerQuery, readOnly);
    this.binderLowering = exprs.binders();
    this.networks = new Networks(cx, exprs, binderLowering, types, variables::add, rules::add);
    this.networkQueries = new NetworkQueries(cx, exprs, networks);
    this.stmts = new StmtLowering(cx, exprs, binderLowering, exprs.calls(), networks, readOnly);
    this.iterationOrder = new IterationOrder(problems, typeRules::describe, aliases::get);
    this.receiving = new Receiving(cx, exprs, networks, bodies);
    this.initialValues = new InitialValuesAndRestarts(cx, exprs, binderLowering, bodies);
  }

  private Expr lowerConstant(io.ballot.dsl.murphi.Expr e) {
    return exprs.lower(e, ExprLowering.Mode.CONSTANT);
  }

  private Expr lowerQuery(io.ballot.dsl.murphi.Call c, io.ballot.dsl.ast.NetworkQuery.Kind kind, ExprLowering.Mode mode) {
    return networkQueries.lower(c, kind, mode);
  }

  /** Lowers a rule or start state body whose locals are {@code locals} (generated temporaries are added there). */
  private List<Stmt> lowerBody(io.ballot.dsl.murphi.Block block, List<Local> locals) {
    return lowerBody(block, new StmtLowering.Context(null, true, locals));
  }

  private List<Stmt> lowerBody(io.ballot.dsl.murphi.Block block, StmtLowering.Context ctx) {
    List<Stmt> body = stmts.lowerBlock(block, ctx);
    iterationOrder.check(body);
    return body;
  }

  /** Lowers a parsed and linked model; {@code file} is the name diagnostics and locations carry. */
  public static Result lower(io.ballot.dsl.murphi.Model ast, String file) {
    return lower(ast, file, ConstOverrides.none());
  }

  /**
   * Lowers a model with some global constants' values replaced ({@code overrides}, which afterwards lists the
   * overrides it could not apply): every use, including types and ranges, sees the new value.
   */
  public static Result lower(io.ballot.dsl.murphi.Model ast, String file, ConstOverrides overrides) {
    Lowering l = new Lowering(file, UnsignedValues.needed(ast), overrides);
    new DuplicateDeclarations(l.problems, l.locations).check(ast);
    if (!l.problems.hasErrors()) {
      // With a name declared twice, uses resolve to the first declaration: type errors would only be echoes.
      l.lowerModel(ast);
      l.checkStateSize();
    }
    Model model =
        l.problems.hasErrors()
            ? null
            : new Model(
                file,
                List.copyOf(l.constants),
                List.copyOf(l.typeDecls),
                List.copyOf(l.variables),
                List.copyOf(l.functions),
                List.copyOf(l.startStates),
                List.copyOf(l.rules),
                List.copyOf(l.properties),
                l.unsignedValues,
                l.networks.describe());
    return new Result(model, l.problems.diagnostics());
  }

  /**
   * Reports the global variable with which the state exceeds {@link Type#MAX_BITS} bits (each type fits, checked
   * where it is declared, but together they may not); the checker could not lay such a state out.
   */
  private void checkStateSize() {
    long bits = 0;
    for (Variable v : variables) {
      bits = Type.saturatedSum(bits, Type.bits(v.type()));
      if (bits > Type.MAX_BITS) {
        problems.error(v.location(), "the state is too large: with '" + v.name() + "' its variables need "
            + String.format(java.util.Locale.ROOT, "%,d", bits) + " bits, more than a state can hold ("
            + String.format(java.util.Locale.ROOT, "%,d", Type.MAX_BITS) + " bits, 256 MiB)");
        return;
      }
    }
  }

  private void lowerModel(io.ballot.dsl.murphi.Model ast) {
    for (TopItem item : ast.getItems()) {
      if (item instanceof DeclSection section) {
        lowerDecls(section, null, true);
      } else if (item instanceof ProcDecl proc) {
        lowerFunction(proc);
      } else if (item instanceof io.ballot.dsl.murphi.NetworkDecl net) {
        networks.declare(net);
      } else if (item instanceof io.ballot.dsl.murphi.Rule rule) {
        lowerRule(rule, List.of());
      }
    }
    java.util.Optional<io.ballot.checker.ir.SourceLocation> firstInitial = initialValues.initialLocation();
    boolean initialized = firstInitial.isPresent() || !networks.all().isEmpty();
    if (startStates.isEmpty() && initialized) {
      // the implicit start state is where the initial values are declared
      startStates.add(new StartState("Init", List.of(), List.of(), List.of(),
          firstInitial.orElseGet(() -> networks.all().get(0).variable().location())));
    }
    if (initialized) {
      // Declared initial values and empty networks come first in every start state.
      startStates.replaceAll(s -> {
        List<Stmt> body = new ArrayList<>(initialValues.initialization());
        body.addAll(networks.initialization());
        body.addAll(s.body());
        return new StartState(s.name(), s.binders(), s.locals(), body, s.location());
      });
    }
    if (startStates.isEmpty()) {
      problems.warning(ast, "the model has no start state, so it has no reachable states");
    }
  }

  /** CMurphi's rule priority ({@code rule 20 "name"}), 0 when absent; an error when it does not fit an int. */
  private int priority(SimpleRule r) {
    String text = r.getPriority();
    if (text == null) {
      return 0;
    }
    try {
      return text.startsWith("0x") || text.startsWith("0X")
          ? Integer.parseInt(text.substring(2), 16) : Integer.parseInt(text);
    } catch (NumberFormatException e) {
      problems.error(r, MurphiPackage.Literals.SIMPLE_RULE__PRIORITY, "rule priority " + text + " is too large");
      return 0;
    }
  }

  // ------------------------------------------------------------------------------------------ declarations

  /** Lowers a body's declaration sections (a rule's, a procedure's), adding its variables to {@code locals}. */
  private void lowerLocalDecls(List<DeclSection> sections, List<Local> locals) {
    for (DeclSection d : sections) {
      lowerDecls(d, locals, false);
    }
  }

  /**
   * Lowers a declaration section. Globals ({@code locals == null}) become model variables; inside rules and
   * functions, variables become locals appended to {@code locals}.
   */
  private void lowerDecls(DeclSection section, List<Local> locals, boolean global) {
    if (section instanceof ConstSection cs) {
      for (ConstGroup g : cs.getGroups()) {
        Expr value = exprs.lower(g.getValue(), ExprLowering.Mode.CONSTANT);
        for (ConstName name : g.getNames()) {
          if (value == null) {
            continue;
          }
          if (!(value instanceof Expr.Literal lit)) {
            problems.error(g.getValue(), "const definition of '" + name.getName() + "' is not a constant");
            continue;
          }
          Long replaced = global ? overrides.valueFor(name.getName(), lit.type()) : null;
          long v = replaced != null ? replaced : lit.value();
          ConstantDecl c = new ConstantDecl(name.getName(), lit.type(), v, locations.of(name));
          bindings.put(name, c);
          if (global) {
            constants.add(c);
          }
        }
      }
    } else if (section instanceof TypeSection ts) {
      for (TypeGroup g : ts.getGroups()) {
        for (TypeName name : g.getNames()) {
          Type t = types.lower(g.getType(), name.getName());
          if (t == null) {
            continue;
          }
          bindings.put(name, t);
          typeRules.name(t, name.getName());
          if (global) {
            typeDecls.add(new TypeDecl(name.getName(), t, locations.of(name)));
          }
        }
      }
    } else if (section instanceof VarSection vs) {
      for (VarGroup g : vs.getGroups()) {
        if (!global && (g.getInit() != null || g.isDurable())) {
          problems.error(g, "initial values and 'durable' apply to global variables only");
        }
        Type t = types.lower(g.getType(), null);
        if (t == null) {
          continue;
        }
        List<Variable> declared = new ArrayList<>();
        for (VarName name : g.getNames()) {
          if (global) {
            Variable v = new Variable(name.getName(), t, locations.of(name));
            variables.add(v);
            bindings.put(name, v);
            declared.add(v);
          } else {
            Local local = new Local(name.getName(), Local.Kind.VARIABLE, t, locations.of(name));
            locals.add(local);
            bindings.put(name, local);
          }
        }
        if (global) {
          initialValues.declare(declared, g);
        }
      }
    }
  }


  // ------------------------------------------------------------------------------------------ functions

  private void lowerFunction(ProcDecl proc) {
    List<Local> params = new ArrayList<>();
    for (ParamGroup g : proc.getParams()) {
      Type t = types.lower(g.getType(), null);
      for (Param p : g.getNames()) {
        Local local =
            new Local(
                p.getName(),
                g.isByRef() ? Local.Kind.VAR_PARAMETER : Local.Kind.PARAMETER,
                t == null ? new Type.IntType() : t,
                locations.of(p));
        params.add(local);
        bindings.put(p, local);
      }
    }
    Type returnType = proc.getReturnType() == null ? null : types.lower(proc.getReturnType(), null);
    if (proc.getReturnType() != null && returnType == null) {
      returnType = new Type.IntType(); // already reported; keep checking the body
    }
    Function f = new Function(proc.getName(), params, returnType, locations.of(proc, MurphiPackage.Literals.NAMED__NAME));
    bindings.put(proc, f);
    functions.add(f);
    List<Local> locals = new ArrayList<>();
    lowerLocalDecls(proc.getDecls(), locals);
    List<Stmt> body = lowerBody(proc.getBody(), new StmtLowering.Context(f, false, locals));
    f.define(locals, body);
  }

  // ------------------------------------------------------------------------------------------ rules

  /** Lowers a rule of any kind inside the given enclosing binders (outermost first). */
  private void lowerRule(io.ballot.dsl.murphi.Rule rule, List<Binder> binders) {
    if (rule instanceof SimpleRule r) {
      Expr guard = null;
      if (r.getGuard() != null) {
        guard = exprs.lower(r.getGuard(), ExprLowering.Mode.PURE);
        if (guard != null && !TypeRules.isBoolean(guard.type())) {
          // Rumur does not type-check guards: C's truthiness applies (non-zero is true).
          problems.warning(
              r.getGuard(), "rule guard is not boolean (it has type " + typeRules.describe(guard.type())
                  + "); it holds when non-zero");
        }
      }
      List<Local> locals = new ArrayList<>();
      lowerLocalDecls(r.getDecls(), locals);
      List<Stmt> body = lowerBody(r.getBody(), locals);
      rules.add(new Rule(r.getName(), List.copyOf(binders), guard, locals, body, locations.of(r), priority(r)));
    } else if (rule instanceof io.ballot.dsl.murphi.StartState s) {
      List<Local> locals = new ArrayList<>();
      lowerLocalDecls(s.getDecls(), locals);
      List<Stmt> body = lowerBody(s.getBody(), locals);
      startStates.add(new StartState(s.getName(), List.copyOf(binders), locals, body, locations.of(s)));
    } else if (rule instanceof PropertyRule p) {
      Expr cond = exprs.lower(p.getCondition(), ExprLowering.Mode.PURE);
      exprs.requireBoolean(cond, p.getCondition(), "a property");
      String keyword = p.getKind().getLiteral();
      properties.add(
          new Property(kindOf(p.getKind()), keyword, p.getName(), List.copyOf(binders), cond, locations.of(p)));
    } else if (rule instanceof Ruleset rs) {
      List<Binder> inner = new ArrayList<>(binders);
      for (io.ballot.dsl.murphi.Quantifier q : rs.getQuantifiers()) {
        Quantifier lowered = binderLowering.lowerQuantifier(q, true);
        if (lowered != null) {
          inner.add(lowered);
        }
      }
      for (io.ballot.dsl.murphi.Rule child : rs.getRules()) {
        lowerRule(child, inner);
      }
    } else if (rule instanceof AliasRule ar) {
      List<Binder> inner = new ArrayList<>(binders);
      for (AliasDecl a : ar.getAliases()) {
        AliasBinding b = binderLowering.lowerAlias(a);
        if (b != null) {
          inner.add(b);
        }
      }
      for (io.ballot.dsl.murphi.Rule child : ar.getRules()) {
        lowerRule(child, inner);
      }
    } else if (rule instanceof io.ballot.dsl.murphi.ReceiveRule r) {
      Rule lowered = receiving.receive(r, binders);
      if (lowered != null) {
        rules.add(lowered);
      }
    } else if (rule instanceof io.ballot.dsl.murphi.RestartRule r) {
      Rule lowered = initialValues.restart(r, binders);
      if (lowered != null) {
        rules.add(lowered);
      }
    } else if (rule instanceof ChooseRule cr) {
      List<Binder> inner = new ArrayList<>(binders);
      Choose c = binderLowering.lowerChoose(cr);
      if (c != null) {
        inner.add(c);
      }
      for (io.ballot.dsl.murphi.Rule child : cr.getRules()) {
        lowerRule(child, inner);
      }
    }
  }

  static PropertyKind kindOf(io.ballot.dsl.murphi.PropertyKind kind) {
    return switch (kind) {
      case ASSERT, INVARIANT -> PropertyKind.ASSERTION;
      case ASSUME -> PropertyKind.ASSUMPTION;
      case COVER -> PropertyKind.COVER;
      case LIVENESS -> PropertyKind.LIVENESS;
    };
  }
}
