package io.ballot.dsl.format;

import io.ballot.dsl.murphi.BroadcastStmt;
import io.ballot.dsl.murphi.MsgDecl;
import io.ballot.dsl.murphi.MsgExpr;
import io.ballot.dsl.murphi.NetworkDecl;
import io.ballot.dsl.murphi.ReceiveRule;
import io.ballot.dsl.murphi.RestartRule;
import io.ballot.dsl.murphi.SendStmt;
import io.ballot.dsl.murphi.AliasDecl;
import io.ballot.dsl.murphi.AliasRule;
import io.ballot.dsl.murphi.AliasStmt;
import io.ballot.dsl.murphi.ArrayType;
import io.ballot.dsl.murphi.Assignment;
import io.ballot.dsl.murphi.Binary;
import io.ballot.dsl.murphi.Block;
import io.ballot.dsl.murphi.BoolLiteral;
import io.ballot.dsl.murphi.BooleanType;
import io.ballot.dsl.murphi.Call;
import io.ballot.dsl.murphi.ChooseRule;
import io.ballot.dsl.murphi.ClearStmt;
import io.ballot.dsl.murphi.ConstGroup;
import io.ballot.dsl.murphi.ConstSection;
import io.ballot.dsl.murphi.DeclSection;
import io.ballot.dsl.murphi.ElementAccess;
import io.ballot.dsl.murphi.Elsif;
import io.ballot.dsl.murphi.EnumLiteral;
import io.ballot.dsl.murphi.EnumType;
import io.ballot.dsl.murphi.ErrorStmt;
import io.ballot.dsl.murphi.Exists;
import io.ballot.dsl.murphi.Expr;
import io.ballot.dsl.murphi.Field;
import io.ballot.dsl.murphi.FieldAccess;
import io.ballot.dsl.murphi.FieldGroup;
import io.ballot.dsl.murphi.ForStmt;
import io.ballot.dsl.murphi.Forall;
import io.ballot.dsl.murphi.IdRef;
import io.ballot.dsl.murphi.IfStmt;
import io.ballot.dsl.murphi.IntLiteral;
import io.ballot.dsl.murphi.IsMember;
import io.ballot.dsl.murphi.IsUndefined;
import io.ballot.dsl.murphi.Model;
import io.ballot.dsl.murphi.MultisetAddStmt;
import io.ballot.dsl.murphi.MultisetCount;
import io.ballot.dsl.murphi.MultisetQuantifier;
import io.ballot.dsl.murphi.MultisetRemovePredStmt;
import io.ballot.dsl.murphi.MultisetRemoveStmt;
import io.ballot.dsl.murphi.MultisetType;
import io.ballot.dsl.murphi.MurphiPackage;
import io.ballot.dsl.murphi.Named;
import io.ballot.dsl.murphi.ParamGroup;
import io.ballot.dsl.murphi.Paren;
import io.ballot.dsl.murphi.ProcCall;
import io.ballot.dsl.murphi.ProcDecl;
import io.ballot.dsl.murphi.PropertyKind;
import io.ballot.dsl.murphi.PropertyRule;
import io.ballot.dsl.murphi.PropertyStmt;
import io.ballot.dsl.murphi.PutStmt;
import io.ballot.dsl.murphi.Quantifier;
import io.ballot.dsl.murphi.RecordType;
import io.ballot.dsl.murphi.ReturnStmt;
import io.ballot.dsl.murphi.Rule;
import io.ballot.dsl.murphi.Ruleset;
import io.ballot.dsl.murphi.ScalarsetType;
import io.ballot.dsl.murphi.SimpleRule;
import io.ballot.dsl.murphi.SimpleType;
import io.ballot.dsl.murphi.StartState;
import io.ballot.dsl.murphi.Stmt;
import io.ballot.dsl.murphi.SwitchCase;
import io.ballot.dsl.murphi.SwitchStmt;
import io.ballot.dsl.murphi.Ternary;
import io.ballot.dsl.murphi.TopItem;
import io.ballot.dsl.murphi.TypeExpr;
import io.ballot.dsl.murphi.TypeGroup;
import io.ballot.dsl.murphi.TypeSection;
import io.ballot.dsl.murphi.Unary;
import io.ballot.dsl.murphi.UndefineStmt;
import io.ballot.dsl.murphi.UnionType;
import io.ballot.dsl.murphi.VarGroup;
import io.ballot.dsl.murphi.VarSection;
import io.ballot.dsl.murphi.WhileStmt;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.EReference;
import org.eclipse.xtext.nodemodel.INode;
import org.eclipse.xtext.nodemodel.util.NodeModelUtils;

/**
 * Pretty-prints a Murphi syntax tree in Ballot's layout: lowercase keywords, two-space indentation, {@code const},
 * {@code type} and {@code var} sections with one declaration group per line, every statement terminated by
 * {@code ;}, and {@code end} closing every construct ({@code endrule}, {@code endif} and the like are not used).
 *
 * <p>The output means exactly what the input meant: it re-parses to the same tree. Parentheses are printed exactly
 * where the source had them (the tree keeps them as {@code Paren} nodes) and nowhere else, because the tree already
 * encodes the precedence the parser applied; the printed token sequence is the source's, so it parses back the same
 * way. Unicode operators are written in ASCII ({@code ≤} as {@code <=}, {@code ∧} as {@code &&}, {@code →} as
 * {@code ->}, {@code ≔} as {@code :=}, {@code ⇒} as {@code ==>}, {@code ∀} as {@code forall} ...), while {@code =}
 * and {@code ==} keep the form written. Integer literals keep their source text ({@code 0x1F}, octal {@code 010});
 * strings are re-quoted with plain double quotes around their raw content; names are printed as written. The
 * multiset operations are written in CMurphi's form: {@code MultisetAdd(e, ms)}, {@code MultisetRemove(i, ms)},
 * {@code MultisetRemovePred(i: ms, pred)}, {@code MultisetCount(i: ms, pred)}.
 *
 * <p>Formatting is idempotent: formatting the output again yields the same text.
 *
 * <p><b>Comments are lost</b>: the syntax tree does not keep them, so a formatted model has none.
 */
public final class ModelFormatter {

  private static final String INDENT = "  ";

  /** ASCII spellings of the Unicode operators the grammar accepts. */
  private static final Map<String, String> ASCII_OPERATORS =
      Map.ofEntries(
          Map.entry("≤", "<="),
          Map.entry("≥", ">="),
          Map.entry("≠", "!="),
          Map.entry("∧", "&&"),
          Map.entry("∨", "||"),
          Map.entry("→", "->"),
          Map.entry("×", "*"),
          Map.entry("÷", "/"),
          Map.entry("∕", "/"),
          Map.entry("−", "-"),
          Map.entry("¬", "!"));

  private StringBuilder out;
  private int indent;
  private boolean atLineStart;

  /** The formatted text of {@code model}, ending with a newline (empty for a model without items). */
  public String format(Model model) {
    out = new StringBuilder();
    indent = 0;
    atLineStart = true;
    boolean first = true;
    for (TopItem item : model.getItems()) {
      if (!first) {
        newline();
      }
      first = false;
      topItem(item);
      newline();
    }
    return out.toString();
  }

  // ------------------------------------------------------------------------------------------ layout

  private void w(String s) {
    if (atLineStart && !s.isEmpty()) {
      out.append(INDENT.repeat(indent));
      atLineStart = false;
    }
    out.append(s);
  }

  private void newline() {
    out.append('\n');
    atLineStart = true;
  }

  // ------------------------------------------------------------------------------------------ top level

  private void topItem(TopItem item) {
    if (item instanceof DeclSection section) {
      declSection(section);
    } else if (item instanceof ProcDecl proc) {
      procDecl(proc);
    } else if (item instanceof Rule rule) {
      rule(rule);
    } else if (item instanceof NetworkDecl n) {
      network(n);
    } else {
      throw unknown(item);
    }
  }

  /** A section: its keyword on one line, then one indented line per group, each ending in {@code ;}. */
  private void declSection(DeclSection section) {
    if (section instanceof ConstSection cs) {
      w("const");
      indent++;
      for (ConstGroup g : cs.getGroups()) {
        newline();
        names(g.getNames());
        w(": ");
        expr(g.getValue());
        w(";");
      }
      indent--;
    } else if (section instanceof TypeSection ts) {
      w("type");
      indent++;
      for (TypeGroup g : ts.getGroups()) {
        newline();
        names(g.getNames());
        w(": ");
        type(g.getType());
        w(";");
      }
      indent--;
    } else if (section instanceof VarSection vs) {
      w("var");
      indent++;
      for (VarGroup g : vs.getGroups()) {
        newline();
        if (g.isDurable()) {
          w("durable ");
        }
        names(g.getNames());
        w(": ");
        type(g.getType());
        if (g.getInit() != null) {
          w(" := ");
          expr(g.getInit());
        }
        w(";");
      }
      indent--;
    } else {
      throw unknown(section);
    }
  }

  private void names(List<? extends EObject> names, String open, String close) {
    w(open);
    names(names);
    w(close);
  }

  /** {@code network name: kind [T] flags of Msg(f: T, ...); ... end;} */
  private void network(NetworkDecl n) {
    w("network " + n.getName() + ": " + n.getKind().getLiteral());
    if (n.getEndpoint() != null) {
      w(" [");
      type(n.getEndpoint());
      w("]");
    }
    if (n.isLossy()) {
      w(" lossy");
    }
    if (n.isDuplicating()) {
      w(" duplicating");
    }
    if (n.getCapacity() != null) {
      w(" capacity ");
      expr(n.getCapacity());
    }
    if (n.isWhenFull()) {
      w(" when full: " + n.getOnFull().getLiteral());
    }
    w(" of");
    indent++;
    for (MsgDecl m : n.getMessages()) {
      newline();
      w(m.getName());
      if (!m.getFields().isEmpty()) {
        w("(");
        for (int i = 0; i < m.getFields().size(); i++) {
          if (i > 0) {
            w(", ");
          }
          w(m.getFields().get(i).getName() + ": ");
          type(m.getFields().get(i).getType());
        }
        w(")");
      }
      w(";");
    }
    indent--;
    newline();
    w("end;");
  }

  private void message(MsgExpr m) {
    w(refText(m, MurphiPackage.Literals.MSG_EXPR__KIND, m.getKind()));
    if (!m.getArgs().isEmpty()) {
      args(m.getArgs());
    }
  }

  private void names(List<? extends EObject> names) {
    for (int i = 0; i < names.size(); i++) {
      if (i > 0) {
        w(", ");
      }
      EObject n = names.get(i);
      w(n instanceof Named named ? named.getName() : ((Field) n).getName());
    }
  }

  /** Declaration sections of a rule or function, each on its own lines, followed by a newline. */
  private void localDecls(List<DeclSection> decls) {
    for (DeclSection d : decls) {
      declSection(d);
      newline();
    }
  }

  private void procDecl(ProcDecl proc) {
    w(proc.getKeyword().toLowerCase(Locale.ROOT));
    w(" ");
    w(proc.getName());
    w("(");
    List<ParamGroup> params = proc.getParams();
    for (int i = 0; i < params.size(); i++) {
      if (i > 0) {
        w("; ");
      }
      ParamGroup g = params.get(i);
      if (g.isByRef()) {
        w("var ");
      }
      names(g.getNames());
      w(": ");
      type(g.getType());
    }
    w(")");
    if (proc.getReturnType() != null) {
      w(": ");
      type(proc.getReturnType());
    }
    w(";");
    newline();
    localDecls(proc.getDecls());
    w("begin");
    block(proc.getBody());
    w("end;");
  }

  // ------------------------------------------------------------------------------------------ rules

  /** A rule of any kind, ending with {@code ;} (no newline after it). */
  private void rule(Rule rule) {
    if (rule instanceof SimpleRule r) {
      w("rule");
      if (r.getPriority() != null) {
        w(" " + r.getPriority());
      }
      if (r.getName() != null) {
        w(" ");
        string(r.getName());
      }
      if (r.getGuard() != null) {
        w(" ");
        expr(r.getGuard());
        w(" ==>");
      }
      ruleBody(r.getDecls(), r.getBody());
    } else if (rule instanceof StartState s) {
      w("startstate");
      if (s.getName() != null) {
        w(" ");
        string(s.getName());
      }
      ruleBody(s.getDecls(), s.getBody());
    } else if (rule instanceof PropertyRule p) {
      property(p.getKind(), p.getName(), p.getCondition());
      w(";");
    } else if (rule instanceof Ruleset rs) {
      w("ruleset ");
      List<Quantifier> qs = rs.getQuantifiers();
      for (int i = 0; i < qs.size(); i++) {
        if (i > 0) {
          w("; ");
        }
        quantifier(qs.get(i));
      }
      w(" do");
      rules(rs.getRules());
    } else if (rule instanceof AliasRule ar) {
      w("alias ");
      aliases(ar.getAliases());
      w(" do");
      rules(ar.getRules());
    } else if (rule instanceof ReceiveRule r) {
      w("receive");
      if (r.getName() != null) {
        w(" ");
        string(r.getName());
      }
      w(" " + refText(r, MurphiPackage.Literals.RECEIVE_RULE__NET, r.getNet()) + " "
          + refText(r.getPattern(), MurphiPackage.Literals.MSG_PATTERN__KIND, r.getPattern().getKind()));
      if (!r.getPattern().getBinders().isEmpty()) {
        names(r.getPattern().getBinders(), "(", ")");
      }
      if (r.getFrom() != null) {
        w(" from " + r.getFrom().getName());
      }
      if (r.getTo() != null) {
        w(" to " + r.getTo().getName());
      }
      if (r.getGuard() != null) {
        w(" where ");
        expr(r.getGuard());
      }
      w(" ==>");
      ruleBody(r.getDecls(), r.getBody());
    } else if (rule instanceof RestartRule r) {
      w("restart");
      if (r.getName() != null) {
        w(" ");
        string(r.getName());
      }
      w(" ");
      quantifier(r.getQuantifier());
      if (r.getGuard() != null) {
        w(" where ");
        expr(r.getGuard());
      }
      if (r.getBody() != null) {
        w(" ==>");
        ruleBody(r.getDecls(), r.getBody());
      } else {
        w(";");
      }
    } else if (rule instanceof ChooseRule cr) {
      w("choose ");
      multisetQuantifier(cr.getQuantifier());
      w(" do");
      rules(cr.getRules());
    } else {
      throw unknown(rule);
    }
  }

  /** The rest of a rule or start state: {@code begin} on the header line, or local sections then {@code begin}. */
  private void ruleBody(List<DeclSection> decls, Block body) {
    if (decls.isEmpty()) {
      w(" begin");
    } else {
      newline();
      localDecls(decls);
      w("begin");
    }
    block(body);
    w("end;");
  }

  /** Nested rules, one level in, then {@code end;} on its own line. */
  private void rules(List<Rule> rules) {
    indent++;
    for (Rule r : rules) {
      newline();
      rule(r);
    }
    indent--;
    newline();
    w("end;");
  }

  private void property(PropertyKind kind, String name, Expr condition) {
    w(kind.getLiteral().toLowerCase(Locale.ROOT));
    if (name != null) {
      w(" ");
      string(name);
    }
    w(" ");
    expr(condition);
  }

  private void quantifier(Quantifier q) {
    w(q.getName());
    if (q.getType() != null) {
      w(": ");
      type(q.getType());
    } else {
      w(" := ");
      expr(q.getFrom());
      w(" to ");
      expr(q.getTo());
      if (q.getStep() != null) {
        w(" by ");
        expr(q.getStep());
      }
    }
  }

  private void multisetQuantifier(MultisetQuantifier q) {
    w(q.getName());
    w(": ");
    expr(q.getMultiset());
  }

  private void aliases(List<AliasDecl> aliases) {
    for (int i = 0; i < aliases.size(); i++) {
      if (i > 0) {
        w("; ");
      }
      AliasDecl a = aliases.get(i);
      w(a.getName());
      w(": ");
      expr(a.getValue());
    }
  }

  // ------------------------------------------------------------------------------------------ statements

  /**
   * The statements of a block, one level in, each on its own line and ending with {@code ;}; afterwards the cursor
   * is at the start of a new line at the enclosing level.
   */
  private void block(Block block) {
    indent++;
    for (Stmt s : block.getStmts()) {
      newline();
      stmt(s);
      w(";");
    }
    indent--;
    newline();
  }

  private void stmt(Stmt s) {
    if (s instanceof Assignment a) {
      expr(a.getTarget());
      w(" := ");
      expr(a.getValue());
    } else if (s instanceof ProcCall c) {
      w(refText(c, MurphiPackage.Literals.PROC_CALL__CALLEE, c.getCallee()));
      args(c.getArgs());
    } else if (s instanceof IfStmt i) {
      w("if ");
      expr(i.getCondition());
      w(" then");
      block(i.getThen());
      for (Elsif e : i.getElsifs()) {
        w("elsif ");
        expr(e.getCondition());
        w(" then");
        block(e.getBody());
      }
      if (i.getElse() != null) {
        w("else");
        block(i.getElse());
      }
      w("end");
    } else if (s instanceof SwitchStmt sw) {
      w("switch ");
      expr(sw.getValue());
      indent++;
      for (SwitchCase c : sw.getCases()) {
        newline();
        w("case ");
        exprList(c.getLabels());
        w(":");
        block(c.getBody());
        out.setLength(out.length() - 1); // the case's body ends with a newline; the next item adds its own
        atLineStart = false;
      }
      if (sw.getDefault() != null) {
        newline();
        w("else");
        block(sw.getDefault());
        out.setLength(out.length() - 1);
        atLineStart = false;
      }
      indent--;
      newline();
      w("end");
    } else if (s instanceof ForStmt f) {
      w("for ");
      quantifier(f.getQuantifier());
      w(" do");
      block(f.getBody());
      w("end");
    } else if (s instanceof WhileStmt wh) {
      w("while ");
      expr(wh.getCondition());
      w(" do");
      block(wh.getBody());
      w("end");
    } else if (s instanceof ReturnStmt r) {
      w("return");
      if (r.getValue() != null) {
        w(" ");
        expr(r.getValue());
      }
    } else if (s instanceof ClearStmt c) {
      w("clear ");
      expr(c.getTarget());
    } else if (s instanceof UndefineStmt u) {
      w("undefine ");
      expr(u.getTarget());
    } else if (s instanceof PutStmt p) {
      w("put ");
      if (p.getText() != null) {
        string(p.getText());
      } else {
        expr(p.getValue());
      }
    } else if (s instanceof ErrorStmt e) {
      w("error ");
      string(e.getMessage());
    } else if (s instanceof PropertyStmt p) {
      property(p.getKind(), p.getName(), p.getCondition());
    } else if (s instanceof AliasStmt a) {
      w("alias ");
      aliases(a.getAliases());
      w(" do");
      block(a.getBody());
      w("end");
    } else if (s instanceof MultisetAddStmt m) {
      w("MultisetAdd(");
      expr(m.getElement());
      w(", ");
      expr(m.getMultiset());
      w(")");
    } else if (s instanceof MultisetRemoveStmt m) {
      w("MultisetRemove(");
      expr(m.getIndex());
      w(", ");
      expr(m.getMultiset());
      w(")");
    } else if (s instanceof SendStmt m) {
      w("send " + refText(m, MurphiPackage.Literals.SEND_STMT__NET, m.getNet()) + " ");
      message(m.getMessage());
      if (m.getFrom() != null) {
        w(" from ");
        expr(m.getFrom());
      }
      if (m.getTo() != null) {
        w(" to ");
        expr(m.getTo());
      }
    } else if (s instanceof BroadcastStmt b) {
      w("broadcast " + refText(b, MurphiPackage.Literals.BROADCAST_STMT__NET, b.getNet()) + " ");
      message(b.getMessage());
      if (b.getFrom() != null) {
        w(" from ");
        expr(b.getFrom());
      }
      w(" to ");
      quantifier(b.getQuantifier());
      if (b.getExcept() != null) {
        w(" except ");
        expr(b.getExcept());
      }
    } else if (s instanceof MultisetRemovePredStmt m) {
      w("MultisetRemovePred(");
      multisetQuantifier(m.getQuantifier());
      w(", ");
      expr(m.getPredicate());
      w(")");
    } else {
      throw unknown(s);
    }
  }

  // ------------------------------------------------------------------------------------------ types

  private void type(TypeExpr t) {
    if (t instanceof BooleanType) {
      w("boolean");
    } else if (t instanceof SimpleType s) {
      expr(s.getLo());
      if (s.getHi() != null) {
        w(" .. ");
        expr(s.getHi());
      }
    } else if (t instanceof EnumType e) {
      w("enum {");
      List<EnumLiteral> literals = e.getLiterals();
      for (int i = 0; i < literals.size(); i++) {
        if (i > 0) {
          w(", ");
        }
        w(literals.get(i).getName());
      }
      w("}");
    } else if (t instanceof RecordType r) {
      w("record");
      indent++;
      for (FieldGroup g : r.getGroups()) {
        newline();
        names(g.getNames());
        w(": ");
        type(g.getType());
        w(";");
      }
      indent--;
      newline();
      w("end");
    } else if (t instanceof ArrayType a) {
      w("array [");
      type(a.getIndex());
      w("] of ");
      type(a.getElement());
    } else if (t instanceof ScalarsetType s) {
      w("scalarset(");
      expr(s.getSize());
      w(")");
    } else if (t instanceof UnionType u) {
      w("union {");
      List<TypeExpr> members = u.getMembers();
      for (int i = 0; i < members.size(); i++) {
        if (i > 0) {
          w(", ");
        }
        type(members.get(i));
      }
      w("}");
    } else if (t instanceof MultisetType m) {
      w("multiset [");
      expr(m.getSize());
      w("] of ");
      type(m.getElement());
    } else {
      throw unknown(t);
    }
  }

  // ------------------------------------------------------------------------------------------ expressions

  private void expr(Expr e) {
    if (e instanceof Ternary t) {
      expr(t.getCondition());
      w(" ? ");
      expr(t.getThen());
      w(" : ");
      expr(t.getElse());
    } else if (e instanceof Binary b) {
      expr(b.getLeft());
      w(" ");
      w(ascii(b.getOp()));
      w(" ");
      expr(b.getRight());
    } else if (e instanceof Unary u) {
      String op = ascii(u.getOp());
      w(op);
      int operandStart = out.length();
      expr(u.getOperand());
      // "- -x" must not become "--x", which would start a comment.
      if (op.equals("-") && operandStart < out.length() && out.charAt(operandStart) == '-') {
        out.insert(operandStart, ' ');
      }
    } else if (e instanceof IntLiteral i) {
      w(i.getValue());
    } else if (e instanceof io.ballot.dsl.murphi.RealLiteral r) {
      w(r.getValue());
    } else if (e instanceof BoolLiteral b) {
      w(b.isValue() ? "true" : "false");
    } else if (e instanceof Paren p) {
      w("(");
      expr(p.getExpr());
      w(")");
    } else if (e instanceof Call c) {
      w(refText(c, MurphiPackage.Literals.CALL__CALLEE, c.getCallee()));
      args(c.getArgs());
    } else if (e instanceof IdRef r) {
      w(refText(r, MurphiPackage.Literals.ID_REF__REF, r.getRef()));
    } else if (e instanceof FieldAccess f) {
      expr(f.getRecord());
      w(".");
      w(refText(f, MurphiPackage.Literals.FIELD_ACCESS__FIELD, f.getField()));
    } else if (e instanceof ElementAccess a) {
      expr(a.getArray());
      w("[");
      expr(a.getIndex());
      w("]");
    } else if (e instanceof Forall f) {
      w("forall ");
      quantifier(f.getQuantifier());
      w(" do ");
      expr(f.getBody());
      w(" end");
    } else if (e instanceof Exists x) {
      w("exists ");
      quantifier(x.getQuantifier());
      w(" do ");
      expr(x.getBody());
      w(" end");
    } else if (e instanceof IsUndefined u) {
      w("isundefined(");
      expr(u.getTarget());
      w(")");
    } else if (e instanceof IsMember m) {
      w("ismember(");
      expr(m.getValue());
      w(", ");
      type(m.getType());
      w(")");
    } else if (e instanceof MultisetCount m) {
      w("MultisetCount(");
      multisetQuantifier(m.getQuantifier());
      w(", ");
      expr(m.getPredicate());
      w(")");
    } else {
      throw unknown(e);
    }
  }

  private void args(List<Expr> args) {
    w("(");
    exprList(args);
    w(")");
  }

  private void exprList(List<Expr> list) {
    for (int i = 0; i < list.size(); i++) {
      if (i > 0) {
        w(", ");
      }
      expr(list.get(i));
    }
  }

  private void string(String value) {
    w("\"" + value + "\"");
  }

  private static String ascii(String op) {
    return ASCII_OPERATORS.getOrDefault(op, op);
  }

  /** A cross-reference as the source wrote it (the resolved target's name for a tree built without source). */
  private static String refText(EObject owner, EReference feature, EObject target) {
    List<INode> nodes = NodeModelUtils.findNodesForFeature(owner, feature);
    if (!nodes.isEmpty()) {
      String text = NodeModelUtils.getTokenText(nodes.get(0));
      if (text != null && !text.isEmpty()) {
        return text;
      }
    }
    if (target instanceof Named n && !target.eIsProxy()) {
      return n.getName();
    }
    if (target instanceof Field f && !target.eIsProxy()) {
      return f.getName();
    }
    if (target instanceof MsgDecl m && !target.eIsProxy()) {
      return m.getName();
    }
    throw new IllegalArgumentException("unresolved reference in " + owner.eClass().getName());
  }

  private static IllegalArgumentException unknown(EObject o) {
    return new IllegalArgumentException("cannot format " + (o == null ? "null" : o.eClass().getName()));
  }
}
