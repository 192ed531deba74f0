package io.ballot.checker.ir;

import java.util.List;

/**
 * A validated, typed Murphi model: the contract between the language front end and the checker. Lists keep
 * declaration order; rules, start states and properties are flattened out of rulesets and aliases.
 */
public record Model(
    String file,
    List<ConstantDecl> constants,
    List<TypeDecl> types,
    List<Variable> variables,
    List<Function> functions,
    List<StartState> startStates,
    List<Rule> rules,
    List<Property> properties) {

  /** Total bits of one state: the sum of the variables' widths. */
  public long stateBits() {
    return variables.stream().mapToLong(v -> v.type().bitWidth()).sum();
  }
}
