package io.ballot.checker.replay;

import io.ballot.checker.result.TraceStep;

/**
 * One step of the accepted prefix, as a model trace: the step and the log line it stands for ({@code event}; null
 * for a start state or a silent rule).
 */
public record ReplayStep(TraceStep step, LogEvent event) {}
