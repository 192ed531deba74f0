package io.ballot.checker.ir;

import java.util.List;

/**
 * A validated, typed Murphi model: the contract between the language front end and the checker. Lists keep
 * declaration order; rules, start states and properties are flattened out of rulesets and aliases.
 * {@code unsignedValues}: integer values are unsigned 64-bit (Rumur's {@code uint64_t} value type, chosen for models
 * whose numbers exceed {@link Long#MAX_VALUE} and are never negative); otherwise signed 64-bit. {@code networks}
 * describes the message-passing networks the front end lowered to variables and rules (for reports; empty in plain
 * Murphi).
 */
public record Model(
    String file,
    List<ConstantDecl> constants,
    List<TypeDecl> types,
    List<Variable> variables,
    List<Function> functions,
    List<StartState> startStates,
    List<Rule> rules,
    List<Property> properties,
    boolean unsignedValues,
    List<NetworkInfo> networks) {

  /** A model without message-passing networks. */
  public Model(
      String file,
      List<ConstantDecl> constants,
      List<TypeDecl> types,
      List<Variable> variables,
      List<Function> functions,
      List<StartState> startStates,
      List<Rule> rules,
      List<Property> properties,
      boolean unsignedValues) {
    this(file, constants, types, variables, functions, startStates, rules, properties, unsignedValues, List.of());
  }

  /** A model whose values are signed 64-bit integers (the usual case). */
  public Model(
      String file,
      List<ConstantDecl> constants,
      List<TypeDecl> types,
      List<Variable> variables,
      List<Function> functions,
      List<StartState> startStates,
      List<Rule> rules,
      List<Property> properties) {
    this(file, constants, types, variables, functions, startStates, rules, properties, false);
  }

  /**
   * The first liveness property, or null: its check walks the graph of all states, which hash compaction, the disk
   * store, checkpoints and the compact store do not keep.
   */
  public Property firstLiveness() {
    for (Property p : properties) {
      if (p.kind() == PropertyKind.LIVENESS) {
        return p;
      }
    }
    return null;
  }

  /** Total bits of one state: the sum of the variables' widths. */
  public long stateBits() {
    return variables.stream().mapToLong(v -> v.type().bitWidth()).sum();
  }
}
