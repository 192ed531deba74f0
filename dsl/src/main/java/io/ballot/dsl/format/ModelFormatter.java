package io.ballot.dsl.format;

/** Pretty-prints a Murphi syntax tree. */
public final class ModelFormatter {
  public String format(io.ballot.dsl.murphi.Model model) {
    throw new UnsupportedOperationException("TODO");
  }
}
