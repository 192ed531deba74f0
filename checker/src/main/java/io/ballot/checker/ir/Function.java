package io.ballot.checker.ir;

import java.util.List;

/**
 * A function (with a return type) or procedure (without). The body is attached after construction so that
 * recursive calls can refer to the function itself.
 */
public final class Function {
  private final String name;
  private final List<Local> parameters;
  private final Type returnType;
  private final SourceLocation location;
  private List<Local> locals = List.of();
  private List<Stmt> body = List.of();

  public Function(String name, List<Local> parameters, Type returnType, SourceLocation location) {
    this.name = name;
    this.parameters = List.copyOf(parameters);
    this.returnType = returnType;
    this.location = location;
  }

  /** Attaches the local variables and the body; called once by the lowering. */
  public void define(List<Local> locals, List<Stmt> body) {
    this.locals = List.copyOf(locals);
    this.body = List.copyOf(body);
  }

  public String name() {
    return name;
  }

  public List<Local> parameters() {
    return parameters;
  }

  /** The return type, or null for a procedure. */
  public Type returnType() {
    return returnType;
  }

  public boolean isProcedure() {
    return returnType == null;
  }

  public List<Local> locals() {
    return locals;
  }

  public List<Stmt> body() {
    return body;
  }

  public SourceLocation location() {
    return location;
  }

  @Override
  public String toString() {
    return name;
  }
}
