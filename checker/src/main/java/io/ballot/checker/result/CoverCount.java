package io.ballot.checker.result;

import io.ballot.checker.ir.SourceLocation;

/** How many times a {@code cover} property was hit. */
public record CoverCount(String property, SourceLocation location, long hits) {}
