package io.ballot.checker.result;

import io.ballot.checker.ir.SourceLocation;

/**
 * How many times a rule of the model fired over the whole search, summed over its {@code instances} (one per
 * combination of its ruleset's quantifier values): a rule with {@code fires == 0} after a complete search is dead.
 */
public record RuleCount(String rule, SourceLocation location, int instances, long fires) {}
