package io.ballot.checker.ir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Constructor;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Every kind of IR node (every permitted subclass of {@link Expr}, {@link Stmt} and {@link Binder}, found by
 * reflection, so a kind added later is included without editing this test) is handled by {@link IrWalker}, and the
 * walker reaches every expression, statement and quantifier inside it: each child slot of a node is filled with a
 * distinct marker, and every marker must be visited.
 */
class IrWalkerTest {
  private final List<Long> expectedLiterals = new ArrayList<>();
  private final List<String> expectedErrors = new ArrayList<>();
  private long next;

  @Test
  void everyNodeKindIsWalkedIntoEveryChild() throws Exception {
    List<Class<?>> kinds = new ArrayList<>();
    kinds.addAll(List.of(Expr.class.getPermittedSubclasses()));
    kinds.addAll(List.of(Stmt.class.getPermittedSubclasses()));
    kinds.addAll(List.of(Binder.class.getPermittedSubclasses()));
    assertTrue(kinds.size() > 30, "found " + kinds.size() + " kinds");
    for (Class<?> kind : kinds) {
      expectedLiterals.clear();
      expectedErrors.clear();
      Object node = build(kind, 0);
      Set<Long> literals = new HashSet<>();
      Set<String> errors = new HashSet<>();
      IrWalker recorder = new IrWalker() {
        @Override
        public void expr(Expr e) {
          if (e instanceof Expr.Literal l) {
            literals.add(l.value());
          }
          super.expr(e);
        }

        @Override
        public void stmt(Stmt s) {
          if (s instanceof Stmt.Error err) {
            errors.add(err.message());
          }
          super.stmt(s);
        }
      };
      if (node instanceof Expr e) {
        recorder.expr(e);
      } else if (node instanceof Stmt s) {
        recorder.stmt(s);
      } else {
        recorder.binder((Binder) node);
      }
      if (!(node instanceof Expr.Literal) && !(node instanceof Stmt.Error)) {
        assertEquals(new HashSet<>(expectedLiterals), literals, kind.getSimpleName() + ": expressions reached");
        assertEquals(new HashSet<>(expectedErrors), errors, kind.getSimpleName() + ": statements reached");
      }
    }
  }

  @Test
  void anUnknownNodeFailsLoudly() {
    assertThrows(IllegalStateException.class, () -> new IrWalker().binder(null));
  }

  /** A node of record class {@code c} whose expression and statement slots hold fresh markers. */
  private Object build(Class<?> c, int depth) throws Exception {
    RecordComponent[] parts = c.getRecordComponents();
    Class<?>[] types = new Class<?>[parts.length];
    Object[] args = new Object[parts.length];
    for (int i = 0; i < parts.length; i++) {
      types[i] = parts[i].getType();
      args[i] = value(parts[i].getType(), parts[i].getGenericType(), depth);
    }
    Constructor<?> k = c.getDeclaredConstructor(types);
    k.setAccessible(true);
    return k.newInstance(args);
  }

  private Object value(Class<?> t, java.lang.reflect.Type generic, int depth) throws Exception {
    if (t == Expr.class) {
      return marker();
    }
    if (t == Stmt.class) {
      return errorMarker();
    }
    if (t == List.class) {
      Class<?> element = (Class<?>) ((ParameterizedType) generic).getActualTypeArguments()[0];
      if (element == Expr.class) {
        return List.of(marker(), marker());
      }
      if (element == Stmt.class) {
        return List.of(errorMarker());
      }
      if (element.isRecord() || element == Binder.class) {
        return List.of(value(element, element, depth));
      }
      return List.of();
    }
    if (t == Binder.class) {
      return build(Quantifier.class, depth + 1);
    }
    if (t.isRecord() && depth < 3 && t != SourceLocation.class) {
      return build(t, depth + 1);
    }
    if (t.isEnum()) {
      return t.getEnumConstants()[0];
    }
    if (t == boolean.class) {
      return false;
    }
    if (t == int.class) {
      return 0;
    }
    if (t == long.class) {
      return 0L;
    }
    if (t == String.class) {
      return "";
    }
    return null;
  }

  private Expr marker() {
    long v = ++next;
    expectedLiterals.add(v);
    return new Expr.Literal(null, v, null);
  }

  private Stmt errorMarker() {
    String m = "marker " + (++next);
    expectedErrors.add(m);
    return new Stmt.Error(m, null);
  }
}
