package io.ballot.cli.fuzz;

/** The ways {@link Mutator} breaks a model, each with its share of the mutants (weights, not percentages). */
enum Mutation {
  /** A token deleted. */
  DELETE_TOKEN(10),
  /** A token written twice. */
  DUPLICATE_TOKEN(8),
  /** A token swapped with the next one. */
  SWAP_TOKENS(8),
  /** The text cut before a token. */
  TRUNCATE(5),
  /** An operator replaced by another of its kind ({@code +} by {@code /}, {@code <} by {@code >=}, ...). */
  REPLACE_OPERATOR(12),
  /** A number replaced by an edge value: 0, -1, 255, 2147483647, -2147483648, ... */
  EDGE_NUMBER(12),
  /** A few random bytes written over or into the text. */
  RANDOM_BYTES(6),
  /** A byte sequence that is not UTF-8 (a lone continuation byte, an overlong form, a surrogate, 0xFF...). */
  INVALID_UTF8(6),
  /** A number replaced by (or a constant declared as) one beyond 32 or 64 bits, e.g. 99999999999999999999999. */
  HUGE_LITERAL(8),
  /** Hundreds to thousands of parentheses around a number, or a constant declared so. */
  DEEP_PARENTHESES(5),
  /** Hundreds to thousands of nested {@code if}s in a rule's body, or in a rule added for them. */
  DEEP_IFS(5),
  /** An expression of thousands of operators in a row ({@code 1+1+...}): parsed flat, a deep tree after. */
  LONG_CHAIN(4),
  /** A range's upper bound made huge, or a variable declared as a huge (nested) array. */
  HUGE_ARRAY(8);

  final int weight;

  Mutation(int weight) {
    this.weight = weight;
  }
}
