package io.ballot.checker.explore;

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
    ViolationKind kind, String property, SourceLocation where, String message, int at, int rule, int prop) {}
