package io.ballot.checker.compile;

/** What a generated method computes: a guard, a property, a rule's or start state's body, or a Murphi routine. */
enum MethodKind {
  GUARD,
  HOLDS,
  FIRE,
  START,
  FUNCTION,
  PROCEDURE
}
