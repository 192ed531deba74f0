package io.ballot.checker.simulate;

import io.ballot.checker.ir.SourceLocation;
import io.ballot.checker.result.ViolationKind;
import java.util.Objects;

/**
 * A violation shown by one state of a walk: its kind, the property's name (or a description), where in the model,
 * and the message reported, worded as {@code ballot check} words it.
 */
record Found(ViolationKind kind, String property, SourceLocation where, String message) {

  /** Whether {@code other} is the same violation (kind, property and place): what a shortened walk must keep. */
  boolean same(Found other) {
    return other != null && kind == other.kind && property.equals(other.property)
        && Objects.equals(where, other.where);
  }
}
