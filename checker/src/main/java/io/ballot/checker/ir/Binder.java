package io.ballot.checker.ir;

/**
 * One enclosing binding of a rule, start state or property, outermost first: a ruleset quantifier, an alias, or a
 * CMurphi {@code choose} over a multiset.
 */
public sealed interface Binder permits Quantifier, AliasBinding, Choose {}
