package io.ballot.dsl.format;

import io.ballot.dsl.murphi.AliasDecl;
import io.ballot.dsl.murphi.AliasStmt;
import io.ballot.dsl.murphi.Assignment;
import io.ballot.dsl.murphi.Block;
import io.ballot.dsl.murphi.BroadcastStmt;
import io.ballot.dsl.murphi.ClearStmt;
import io.ballot.dsl.murphi.Elsif;
import io.ballot.dsl.murphi.ErrorStmt;
import io.ballot.dsl.murphi.Expr;
import io.ballot.dsl.murphi.ForStmt;
import io.ballot.dsl.murphi.IfStmt;
import io.ballot.dsl.murphi.MultisetAddStmt;
import io.ballot.dsl.murphi.MultisetRemovePredStmt;
import io.ballot.dsl.murphi.MultisetRemoveStmt;
import io.ballot.dsl.murphi.MurphiPackage;
import io.ballot.dsl.murphi.ProcCall;
import io.ballot.dsl.murphi.PropertyKind;
import io.ballot.dsl.murphi.PropertyStmt;
import io.ballot.dsl.murphi.PutStmt;
import io.ballot.dsl.murphi.ReturnStmt;
import io.ballot.dsl.murphi.SendStmt;
import io.ballot.dsl.murphi.Stmt;
import io.ballot.dsl.murphi.SwitchCase;
import io.ballot.dsl.murphi.SwitchStmt;
import io.ballot.dsl.murphi.UndefineStmt;
import io.ballot.dsl.murphi.WhileStmt;
import java.util.List;
import java.util.Locale;

/** Prints statement blocks (one statement per line, each ending in {@code ;}) and the statements themselves. */
final class StatementPrinter {

  private final FormatSession s;

  StatementPrinter(FormatSession session) {
    this.s = session;
  }

  /**
   * The statements of a block, one level in, each on its own line and ending with {@code ;}, then the comments
   * that precede the block's closing keyword. The cursor stays at the end of the block's last line.
   */
  void block(Block block) {
    s.afterOpening(block.getStmts().isEmpty() ? s.emptyOffset(block) : s.offset(block.getStmts().get(0)));
    s.layout.indent();
    s.layout.open();
    for (Stmt st : block.getStmts()) {
      s.startLine(st);
      stmt(st);
      s.w(";");
      s.endLine(st);
    }
    s.beforeClosing(s.nextTokenAfter(block.getStmts().isEmpty() ? s.emptyOffset(block) : s.end(block)));
    s.layout.dedent();
  }

  private void stmt(Stmt st) {
    if (s.verbatim(st)) {
      return;
    }
    ExpressionPrinter x = s.expressions;
    if (st instanceof Assignment a) {
      x.expr(a.getTarget());
      s.after(a.getTarget());
      s.w(" := ");
      x.expr(a.getValue());
    } else if (st instanceof ProcCall c) {
      s.w(FormatSession.refText(c, MurphiPackage.Literals.PROC_CALL__CALLEE, c.getCallee()));
      x.args(c.getArgs());
    } else if (st instanceof IfStmt i) {
      s.w("if ");
      x.expr(i.getCondition());
      s.w(" then");
      block(i.getThen());
      for (Elsif e : i.getElsifs()) {
        s.startLine(e);
        s.w("elsif ");
        x.expr(e.getCondition());
        s.w(" then");
        block(e.getBody());
      }
      if (i.getElse() != null) {
        s.layout.newline();
        s.w("else");
        block(i.getElse());
      }
      s.layout.newline();
      s.w("end");
    } else if (st instanceof SwitchStmt sw) {
      switchStmt(sw);
    } else if (st instanceof ForStmt f) {
      s.w("for ");
      x.quantifier(f.getQuantifier());
      s.w(" do");
      block(f.getBody());
      s.layout.newline();
      s.w("end");
    } else if (st instanceof WhileStmt wh) {
      s.w("while ");
      x.expr(wh.getCondition());
      s.w(" do");
      block(wh.getBody());
      s.layout.newline();
      s.w("end");
    } else if (st instanceof ReturnStmt r) {
      s.w("return");
      if (r.getValue() != null) {
        s.w(" ");
        x.expr(r.getValue());
      }
    } else if (st instanceof ClearStmt c) {
      s.w("clear ");
      x.expr(c.getTarget());
    } else if (st instanceof UndefineStmt u) {
      s.w("undefine ");
      x.expr(u.getTarget());
    } else if (st instanceof PutStmt p) {
      s.w("put ");
      if (p.getText() != null) {
        s.string(p.getText());
      } else {
        x.expr(p.getValue());
      }
    } else if (st instanceof ErrorStmt e) {
      s.w("error ");
      s.string(e.getMessage());
    } else if (st instanceof PropertyStmt p) {
      property(p.getKind(), p.getName(), p.getCondition());
    } else if (st instanceof AliasStmt a) {
      s.w("alias ");
      aliases(a.getAliases());
      s.w(" do");
      block(a.getBody());
      s.layout.newline();
      s.w("end");
    } else if (st instanceof MultisetAddStmt m) {
      s.w("MultisetAdd(");
      x.expr(m.getElement());
      s.w(", ");
      x.expr(m.getMultiset());
      s.w(")");
    } else if (st instanceof MultisetRemoveStmt m) {
      s.w("MultisetRemove(");
      x.expr(m.getIndex());
      s.w(", ");
      x.expr(m.getMultiset());
      s.w(")");
    } else if (st instanceof MultisetRemovePredStmt m) {
      s.w("MultisetRemovePred(");
      x.multisetQuantifier(m.getQuantifier());
      s.w(", ");
      x.expr(m.getPredicate());
      s.w(")");
    } else if (st instanceof SendStmt m) {
      s.w("send " + FormatSession.refText(m, MurphiPackage.Literals.SEND_STMT__NET, m.getNet()) + " ");
      x.message(m.getMessage());
      optional(" from ", m.getFrom());
      optional(" to ", m.getTo());
    } else if (st instanceof BroadcastStmt b) {
      s.w("broadcast " + FormatSession.refText(b, MurphiPackage.Literals.BROADCAST_STMT__NET, b.getNet()) + " ");
      x.message(b.getMessage());
      optional(" from ", b.getFrom());
      s.w(" to ");
      x.quantifier(b.getQuantifier());
      optional(" except ", b.getExcept());
    } else {
      throw FormatSession.unknown(st);
    }
  }

  private void optional(String keyword, Expr e) {
    if (e != null) {
      s.w(keyword);
      s.expressions.expr(e);
    }
  }

  /** {@code switch e}, each {@code case} one level in with its statements one more, then {@code end}. */
  private void switchStmt(SwitchStmt sw) {
    s.w("switch ");
    s.expressions.expr(sw.getValue());
    s.layout.indent();
    s.layout.open();
    for (SwitchCase c : sw.getCases()) {
      s.startLine(c);
      s.w("case ");
      s.expressions.exprList(c.getLabels());
      s.w(":");
      block(c.getBody());
    }
    if (sw.getDefault() != null) {
      s.layout.newline();
      s.w("else");
      block(sw.getDefault());
    }
    s.layout.dedent();
    s.layout.newline();
    s.w("end");
  }

  /** {@code kind ["name"] condition}, for property rules and property statements. */
  void property(PropertyKind kind, String name, Expr condition) {
    s.w(kind.getLiteral().toLowerCase(Locale.ROOT));
    if (name != null) {
      s.w(" ");
      s.string(name);
    }
    s.w(" ");
    s.expressions.expr(condition);
  }

  /** {@code a: e; b: f} of an alias rule or statement. */
  void aliases(List<AliasDecl> aliases) {
    for (int i = 0; i < aliases.size(); i++) {
      if (i > 0) {
        s.w("; ");
      }
      AliasDecl a = aliases.get(i);
      s.before(a);
      s.w(a.getName());
      s.w(": ");
      s.expressions.expr(a.getValue());
    }
  }
}
