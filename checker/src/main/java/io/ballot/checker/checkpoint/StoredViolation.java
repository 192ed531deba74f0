package io.ballot.checker.checkpoint;

import io.ballot.checker.ir.SourceLocation;
import io.ballot.checker.result.ViolationKind;

/**
 * A violation the checkpointed run reported, as the search noted it: found in the state at position {@code at} of
 * the checkpoint (-1: before any state was stored), while firing rule instance {@code rule} or evaluating property
 * instance {@code prop} (else -1). A resumed run rebuilds its counterexample from the stored parents, as the run
 * that found it did.
 */
public record StoredViolation(
    ViolationKind kind, String property, SourceLocation where, String message, int at, int rule, int prop) {}
