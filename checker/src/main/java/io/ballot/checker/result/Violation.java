package io.ballot.checker.result;

import io.ballot.checker.ir.SourceLocation;
import java.util.List;

/**
 * A property violation: its kind, the property's name (or a description), where in the model, a message, and the
 * shortest trace that leads there (empty for a cover that was never hit).
 */
public record Violation(
    ViolationKind kind, String property, SourceLocation location, String message, List<TraceStep> trace) {}
