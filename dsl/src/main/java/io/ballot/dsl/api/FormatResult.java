package io.ballot.dsl.api;

/** The outcome of {@code ballot format}: the load (with its diagnostics) and the formatted text, null if rejected. */
public record FormatResult(LoadResult load, String formatted) {}
