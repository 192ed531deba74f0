package io.ballot.dsl.format;

import io.ballot.dsl.murphi.Binary;
import io.ballot.dsl.murphi.BoolLiteral;
import io.ballot.dsl.murphi.Call;
import io.ballot.dsl.murphi.ElementAccess;
import io.ballot.dsl.murphi.Exists;
import io.ballot.dsl.murphi.Expr;
import io.ballot.dsl.murphi.FieldAccess;
import io.ballot.dsl.murphi.Forall;
import io.ballot.dsl.murphi.IdRef;
import io.ballot.dsl.murphi.IntLiteral;
import io.ballot.dsl.murphi.IsMember;
import io.ballot.dsl.murphi.IsUndefined;
import io.ballot.dsl.murphi.MsgExpr;
import io.ballot.dsl.murphi.MultisetCount;
import io.ballot.dsl.murphi.MultisetQuantifier;
import io.ballot.dsl.murphi.MurphiPackage;
import io.ballot.dsl.murphi.Paren;
import io.ballot.dsl.murphi.Quantifier;
import io.ballot.dsl.murphi.RealLiteral;
import io.ballot.dsl.murphi.Ternary;
import io.ballot.dsl.murphi.Unary;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Prints expressions, quantifiers and message values. A chain of one binary operator ({@code a & b & c}) that does
 * not fit in what is left of the line is wrapped before each operator, the continuation lines indented two levels
 * past the statement (one more per nested wrapped chain). Parentheses are printed exactly where the source had them.
 */
final class ExpressionPrinter {

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

  /** The operators a long chain is wrapped at: the logical connectives, and addition and subtraction. */
  private static final java.util.Set<String> WRAPPING_OPERATORS = java.util.Set.of("&", "|", "&&", "||", "->", "+", "-");

  private final FormatSession s;

  ExpressionPrinter(FormatSession session) {
    this.s = session;
  }

  void expr(Expr e) {
    s.before(e);
    if (s.verbatim(e)) {
      return;
    }
    if (e instanceof Ternary t) {
      expr(t.getCondition());
      s.w(" ? ");
      expr(t.getThen());
      s.w(" : ");
      expr(t.getElse());
    } else if (e instanceof Binary b) {
      chain(b);
    } else if (e instanceof Unary u) {
      String op = ascii(u.getOp());
      s.w(op);
      // "- -x" must not become "--x", which would start a comment.
      if (op.equals("-") && u.getOperand() instanceof Unary inner && ascii(inner.getOp()).equals("-")) {
        s.w(" ");
      }
      expr(u.getOperand());
    } else if (e instanceof IntLiteral i) {
      s.w(i.getValue());
    } else if (e instanceof RealLiteral r) {
      s.w(r.getValue());
    } else if (e instanceof BoolLiteral b) {
      s.w(b.isValue() ? "true" : "false");
    } else if (e instanceof Paren p) {
      s.w("(");
      expr(p.getExpr());
      s.after(p.getExpr());
      s.w(")");
    } else if (e instanceof Call c) {
      s.w(FormatSession.refText(c, MurphiPackage.Literals.CALL__CALLEE, c.getCallee()));
      args(c.getArgs());
    } else if (e instanceof IdRef r) {
      s.w(FormatSession.refText(r, MurphiPackage.Literals.ID_REF__REF, r.getRef()));
    } else if (e instanceof FieldAccess f) {
      expr(f.getRecord());
      s.w(".");
      s.w(FormatSession.refText(f, MurphiPackage.Literals.FIELD_ACCESS__FIELD, f.getField()));
    } else if (e instanceof ElementAccess a) {
      expr(a.getArray());
      s.w("[");
      expr(a.getIndex());
      s.after(a.getIndex());
      s.w("]");
    } else if (e instanceof Forall f) {
      quantified("forall ", f.getQuantifier(), f.getBody());
    } else if (e instanceof Exists x) {
      quantified("exists ", x.getQuantifier(), x.getBody());
    } else if (e instanceof IsUndefined u) {
      s.w("isundefined(");
      expr(u.getTarget());
      s.w(")");
    } else if (e instanceof IsMember m) {
      s.w("ismember(");
      expr(m.getValue());
      s.w(", ");
      s.declarations.type(m.getType());
      s.w(")");
    } else if (e instanceof MultisetCount m) {
      s.w("MultisetCount(");
      multisetQuantifier(m.getQuantifier());
      s.w(", ");
      expr(m.getPredicate());
      s.w(")");
    } else {
      throw FormatSession.unknown(e);
    }
  }

  /**
   * {@code forall q do body end}: on one line if it fits in the width, otherwise the body on continuation lines of
   * its own and {@code end} on the line after it.
   */
  private void quantified(String keyword, Quantifier q, Expr body) {
    boolean wrap = tooLong(() -> {
      s.w(keyword);
      quantifier(q);
      s.w(" do ");
      expr(body);
      s.w(" end");
    });
    s.w(keyword);
    quantifier(q);
    if (!wrap) {
      s.w(" do ");
      expr(body);
      s.after(body);
      s.w(" end");
      return;
    }
    s.w(" do");
    s.layout.enterWrap();
    s.layout.breakLine();
    expr(body);
    s.after(body);
    s.layout.exitWrap();
    s.layout.breakLine();
    s.w("end");
  }

  /** Whether what {@code printer} writes does not fit on the rest of the line (never while measuring). */
  private boolean tooLong(Runnable printer) {
    return !s.layout.flat() && s.layout.overflows(s.measure(printer));
  }

  /**
   * A left-nested chain of one operator, {@code ((a op b) op c) op d}: on one line if it fits in the width, otherwise
   * each operator starts a continuation line.
   */
  private void chain(Binary top) {
    List<Binary> links = new ArrayList<>();
    Expr first = top;
    while (first instanceof Binary b && b.getOp().equals(top.getOp()) && (b == top || !s.verbatimMarked(b))) {
      links.add(0, b);
      first = b.getLeft();
    }
    Expr head = first;
    boolean wrap = WRAPPING_OPERATORS.contains(ascii(top.getOp())) && tooLong(() -> chainOnOneLine(head, links));
    if (wrap) {
      s.layout.enterWrap();
    }
    expr(head);
    for (Binary link : links) {
      s.comments.flushBefore(FormatSession.featureOffset(link, MurphiPackage.Literals.BINARY__OP));
      String op = ascii(link.getOp());
      if (wrap) {
        s.layout.breakLine();
        s.w(op + " ");
      } else {
        s.w(" " + op + " ");
      }
      expr(link.getRight());
    }
    if (wrap) {
      s.layout.exitWrap();
    }
  }

  private void chainOnOneLine(Expr head, List<Binary> links) {
    expr(head);
    for (Binary link : links) {
      s.w(" " + ascii(link.getOp()) + " ");
      expr(link.getRight());
    }
  }

  void args(List<Expr> args) {
    s.w("(");
    exprList(args);
    if (!args.isEmpty()) {
      s.after(args.get(args.size() - 1));
    }
    s.w(")");
  }

  void exprList(List<Expr> list) {
    for (int i = 0; i < list.size(); i++) {
      if (i > 0) {
        s.w(", ");
      }
      expr(list.get(i));
    }
  }

  /** {@code x: T} or {@code x := lo to hi [by step]}. */
  void quantifier(Quantifier q) {
    s.w(q.getName());
    if (q.getType() != null) {
      s.w(": ");
      s.declarations.type(q.getType());
    } else {
      s.w(" := ");
      expr(q.getFrom());
      s.w(" to ");
      expr(q.getTo());
      if (q.getStep() != null) {
        s.w(" by ");
        expr(q.getStep());
      }
    }
  }

  void multisetQuantifier(MultisetQuantifier q) {
    s.w(q.getName());
    s.w(": ");
    expr(q.getMultiset());
  }

  void message(MsgExpr m) {
    s.w(FormatSession.refText(m, MurphiPackage.Literals.MSG_EXPR__KIND, m.getKind()));
    if (!m.getArgs().isEmpty()) {
      args(m.getArgs());
    }
  }

  static String ascii(String op) {
    return ASCII_OPERATORS.getOrDefault(op, op);
  }
}
