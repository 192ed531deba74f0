package io.ballot.checker.explore;

import io.ballot.checker.checkpoint.StoredViolation;
import io.ballot.checker.ir.SourceLocation;
import io.ballot.checker.result.ViolationKind;

/**
 * A violation found during the current level, reported when the level is finished: found in state {@code at} (a
 * stored id, or -1 before any state was stored), while firing rule instance {@code rule} or evaluating property
 * instance {@code prop} (else -1; both for an assumption {@code prop} that erred on the successor by {@code rule}).
 * Under symmetry reduction the concrete trace may end in a permuted copy of the stored state, where the same
 * violation shows in a permuted instance ({@link Confirmation}).
 */
public record PendingViolation(
    ViolationKind kind, String property, SourceLocation where, String message, int at, int rule, int prop) {

  /** A violation a checkpoint stored, as the search notes it: its state's id is its position in the states file. */
  public static PendingViolation of(StoredViolation v) {
    return new PendingViolation(v.kind(), v.property(), v.where(), v.message(), v.at(), v.rule(), v.prop());
  }

  /** This violation as a checkpoint stores it, found in the state at position {@code position} of the states file. */
  public StoredViolation stored(int position) {
    return new StoredViolation(kind, property, where, message, position, rule, prop);
  }
}
