package io.ballot.checker.compile;

import io.ballot.checker.ir.Type;

/** How a Murphi local is bound in generated code: a value in a Java variable (never undefined), or storage. */
sealed interface Binding permits Binding.Val, Binding.Store {

  /**
   * A value: its Java code, its value when constant; {@code boxed}: the interpreter holds it in a Box (it has no
   * address); {@code range}: the type whose values it is known to take (null when unknown).
   */
  record Val(String code, Long cst, boolean boxed, Type range) implements Binding {}

  /** Storage: the local lives at {@code ref}. */
  record Store(CRef ref) implements Binding {}
}
