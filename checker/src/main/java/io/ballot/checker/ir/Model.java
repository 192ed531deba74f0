package io.ballot.checker.ir;

/** PLACEHOLDER: replaced by the real IR model. */
public final class Model {}
