package io.ballot.dsl.format;

import io.ballot.dsl.murphi.ArrayType;
import io.ballot.dsl.murphi.BooleanType;
import io.ballot.dsl.murphi.ConstGroup;
import io.ballot.dsl.murphi.ConstSection;
import io.ballot.dsl.murphi.DeclSection;
import io.ballot.dsl.murphi.EnumLiteral;
import io.ballot.dsl.murphi.EnumType;
import io.ballot.dsl.murphi.FieldGroup;
import io.ballot.dsl.murphi.MsgDecl;
import io.ballot.dsl.murphi.MultisetType;
import io.ballot.dsl.murphi.NetworkDecl;
import io.ballot.dsl.murphi.ParamGroup;
import io.ballot.dsl.murphi.ProcDecl;
import io.ballot.dsl.murphi.RecordType;
import io.ballot.dsl.murphi.ScalarsetType;
import io.ballot.dsl.murphi.SimpleType;
import io.ballot.dsl.murphi.TypeExpr;
import io.ballot.dsl.murphi.TypeGroup;
import io.ballot.dsl.murphi.TypeSection;
import io.ballot.dsl.murphi.UnionType;
import io.ballot.dsl.murphi.VarGroup;
import io.ballot.dsl.murphi.VarSection;
import java.util.List;
import java.util.Locale;
import org.eclipse.emf.ecore.EObject;

/**
 * Prints declarations: {@code const}, {@code type} and {@code var} sections (the keyword on its own line, one
 * indented line per group), types, functions and procedures, and networks.
 */
final class DeclarationPrinter {

  private final FormatSession s;

  DeclarationPrinter(FormatSession session) {
    this.s = session;
  }

  /** A section, from its keyword to its last group's {@code ;} (no newline after it). */
  void declSection(DeclSection section) {
    if (s.verbatim(section)) {
      return;
    }
    if (section instanceof ConstSection cs) {
      s.w("const");
      groups(cs.getGroups(), -1);
    } else if (section instanceof TypeSection ts) {
      s.w("type");
      groups(ts.getGroups(), -1);
    } else if (section instanceof VarSection vs) {
      s.w("var");
      groups(vs.getGroups(), -1);
    } else {
      throw FormatSession.unknown(section);
    }
  }

  /** One indented line per group; comments before the {@code closing} token (if any) stay inside. */
  private void groups(List<? extends EObject> groups, int closing) {
    s.layout.indent();
    s.layout.open();
    for (EObject g : groups) {
      s.startLine(g);
      if (!s.verbatim(g)) {
        group(g);
      }
      s.w(";");
      s.endLine(g);
    }
    s.beforeClosing(closing);
    s.layout.dedent();
  }

  private void group(EObject group) {
    if (group instanceof ConstGroup g) {
      s.names(g.getNames());
      s.w(": ");
      s.expressions.expr(g.getValue());
    } else if (group instanceof TypeGroup g) {
      s.names(g.getNames());
      s.w(": ");
      type(g.getType());
    } else if (group instanceof VarGroup g) {
      if (g.isDurable()) {
        s.w("durable ");
      }
      s.names(g.getNames());
      s.w(": ");
      type(g.getType());
      if (g.getInit() != null) {
        s.w(" := ");
        s.expressions.expr(g.getInit());
      }
    } else if (group instanceof FieldGroup g) {
      s.names(g.getNames());
      s.w(": ");
      type(g.getType());
    } else {
      throw FormatSession.unknown(group);
    }
  }

  /** Declaration sections of a rule or function, each starting on a line of its own. */
  void localDecls(List<DeclSection> decls) {
    for (DeclSection d : decls) {
      s.startLine(d);
      declSection(d);
    }
  }

  /** {@code function f(params): T;}, local sections, {@code begin}, statements, {@code end;}. */
  void procDecl(ProcDecl proc) {
    s.w(proc.getKeyword().toLowerCase(Locale.ROOT));
    s.w(" ");
    s.w(proc.getName());
    s.w("(");
    List<ParamGroup> params = proc.getParams();
    for (int i = 0; i < params.size(); i++) {
      if (i > 0) {
        s.w("; ");
      }
      ParamGroup g = params.get(i);
      s.before(g);
      if (g.isByRef()) {
        s.w("var ");
      }
      s.names(g.getNames());
      s.w(": ");
      type(g.getType());
      s.after(g);
    }
    s.w(")");
    if (proc.getReturnType() != null) {
      s.w(": ");
      type(proc.getReturnType());
    }
    s.w(";");
    localDecls(proc.getDecls());
    s.layout.newline();
    s.w("begin");
    s.statements.block(proc.getBody());
    s.layout.newline();
    s.w("end;");
  }

  /** {@code network name: kind [T] flags of Msg(f: T, ...); ... end;} */
  void network(NetworkDecl n) {
    s.w("network " + n.getName() + ": " + n.getKind().getLiteral());
    if (n.getEndpoint() != null) {
      s.w(" [");
      type(n.getEndpoint());
      s.w("]");
    }
    if (n.isLossy()) {
      s.w(" lossy");
    }
    if (n.isDuplicating()) {
      s.w(" duplicating");
    }
    if (n.getCapacity() != null) {
      s.w(" capacity ");
      s.expressions.expr(n.getCapacity());
    }
    if (n.isWhenFull()) {
      s.w(" when full: " + n.getOnFull().getLiteral());
    }
    s.w(" of");
    s.layout.indent();
    s.layout.open();
    for (MsgDecl m : n.getMessages()) {
      s.startLine(m);
      s.w(m.getName());
      if (!m.getFields().isEmpty()) {
        s.w("(");
        for (int i = 0; i < m.getFields().size(); i++) {
          if (i > 0) {
            s.w(", ");
          }
          s.before(m.getFields().get(i));
          s.w(m.getFields().get(i).getName() + ": ");
          type(m.getFields().get(i).getType());
        }
        s.w(")");
      }
      s.w(";");
      s.endLine(m);
    }
    s.beforeClosing(s.lastTokenOffset(n));
    s.layout.dedent();
    s.layout.newline();
    s.w("end;");
  }

  /** An enum with comments among its values: one value per line, each with the comments after it on its line. */
  private void commentedEnum(EnumType e) {
    s.w("enum {");
    s.layout.indent();
    s.layout.open();
    List<EnumLiteral> literals = e.getLiterals();
    int closing = s.lastTokenOffset(e);
    for (int i = 0; i < literals.size(); i++) {
      EnumLiteral literal = literals.get(i);
      s.startLine(literal);
      s.w(literal.getName());
      boolean last = i == literals.size() - 1;
      if (!last) {
        s.w(",");
      }
      s.comments.trailing(s.end(literal), last ? closing : s.offset(literals.get(i + 1)));
    }
    s.beforeClosing(closing);
    s.layout.dedent();
    s.layout.newline();
    s.w("}");
  }

  void type(TypeExpr t) {
    s.before(t);
    if (s.verbatim(t)) {
      return;
    }
    if (t instanceof BooleanType) {
      s.w("boolean");
    } else if (t instanceof SimpleType st) {
      s.expressions.expr(st.getLo());
      if (st.getHi() != null) {
        s.after(st.getLo());
        s.w(" .. ");
        s.expressions.expr(st.getHi());
      }
    } else if (t instanceof EnumType e && s.comments.pendingBefore(s.end(e))) {
      commentedEnum(e);
    } else if (t instanceof EnumType e) {
      s.w("enum {");
      List<EnumLiteral> literals = e.getLiterals();
      for (int i = 0; i < literals.size(); i++) {
        if (i > 0) {
          s.w(", ");
        }
        s.before(literals.get(i));
        s.w(literals.get(i).getName());
      }
      s.w("}");
    } else if (t instanceof RecordType r) {
      s.w("record");
      groups(r.getGroups(), s.lastTokenOffset(r));
      s.layout.newline();
      s.w("end");
    } else if (t instanceof ArrayType a) {
      s.w("array [");
      type(a.getIndex());
      s.w("] of ");
      type(a.getElement());
    } else if (t instanceof ScalarsetType st) {
      s.w("scalarset(");
      s.expressions.expr(st.getSize());
      s.w(")");
    } else if (t instanceof UnionType u) {
      s.w("union {");
      List<TypeExpr> members = u.getMembers();
      for (int i = 0; i < members.size(); i++) {
        if (i > 0) {
          s.w(", ");
        }
        type(members.get(i));
      }
      s.w("}");
    } else if (t instanceof MultisetType m) {
      s.w("multiset [");
      s.expressions.expr(m.getSize());
      s.w("] of ");
      type(m.getElement());
    } else {
      throw FormatSession.unknown(t);
    }
  }
}
