package io.ballot.checker.compile;

import io.ballot.checker.compile.Binding.Store;
import io.ballot.checker.compile.Binding.Val;
import io.ballot.checker.ir.Expr;
import io.ballot.checker.ir.Function;
import io.ballot.checker.ir.Local;
import io.ballot.checker.ir.Type;
import io.ballot.checker.ir.UndefinedCopies;
import io.ballot.checker.ts.ModelError;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The state of one generated method while it is written: its code buffer and indentation, the bindings of Murphi
 * names to Java variables or frame storage, the frame buffer's layout, temporaries, and the helper methods split
 * off it (with the parameters a helper needs).
 */
final class MethodState {
  private final ClassContext cx;
  /** The method's code so far (swapped for a fresh buffer while a block's statements are measured). */
  StringBuilder b = new StringBuilder();
  final MethodKind kind;
  final Function function;
  final Map<Local, Binding> env = new IdentityHashMap<>();
  final Map<Local, CRef> slots = new IdentityHashMap<>();
  /** The expression each alias bound so far denotes (for {@link UndefinedCopies}). */
  final Map<Local, Expr> aliasValues = new IdentityHashMap<>();
  /** Helper methods split off this one (to follow it in the class). */
  final List<String> helpers = new ArrayList<>();
  /** Java variables in scope that are not bindings (a switch's value), which helpers must receive too. */
  final Map<String, String> extraParams = new LinkedHashMap<>();
  int depth = 3;
  int temps;
  int lBits;

  MethodState(ClassContext cx, MethodKind kind, Function function) {
    this.cx = cx;
    this.kind = kind;
    this.function = function;
    if (kind == MethodKind.FUNCTION || kind == MethodKind.PROCEDURE) {
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

  JE spill(JE j) {
    if (j.isConst() || JavaText.IDENT.matcher(j.code()).matches()) {
      return j;
    }
    String t = tmp(j.bool() ? "c" : "t");
    line("final " + (j.bool() ? "boolean " : "long ") + t + " = " + j.code() + ";");
    return new JE(t, j.bool(), null, j.range());
  }

  CRef materialize(CRef r) {
    if (r.dyn() == null || JavaText.IDENT.matcher(r.dyn()).matches()) {
      return r;
    }
    String o = tmp("o");
    line("final int " + o + " = " + r.dyn() + ";");
    return new CRef(r.buf(), o, r.off(), r.type());
  }

  /** The parameters a helper needs: the fixed names and every binding in scope. */
  Map<String, String> helperParams() {
    Map<String, String> params = new LinkedHashMap<>();
    params.put("s", "long[]");
    params.put("fx", "Effects");
    params.put("L", "long[]");
    if (kind == MethodKind.FUNCTION) {
      params.put("at", "int");
    }
    extraParams.forEach(params::putIfAbsent);
    for (Binding bd : env.values()) {
      if (bd instanceof Val v && JavaText.IDENT.matcher(v.code()).matches()) {
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
  String helper(String returns, String body) {
    Map<String, String> params = helperParams();
    String name = "x" + (cx.helperCount++);
    StringBuilder decl = new StringBuilder();
    for (Map.Entry<String, String> p : params.entrySet()) {
      decl.append(decl.length() == 0 ? "" : ", ").append(p.getValue()).append(' ').append(p.getKey());
    }
    helpers.add("  private " + returns + " " + name + "(" + decl + ") throws ModelError {\n" + body + "  }\n\n");
    return name + "(" + String.join(", ", params.keySet()) + ")";
  }
}
