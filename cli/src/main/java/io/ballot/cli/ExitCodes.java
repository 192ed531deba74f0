package io.ballot.cli;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The process exit codes of {@code ballot}; docs/exit-codes.md documents the same table. Codes 10 and above report
 * what the checker found in an accepted model.
 */
public final class ExitCodes {

  /** Success: every model accepted (and, for {@code check}, no property violated). */
  public static final int OK = 0;

  /** A bug in ballot: an unexpected exception. */
  public static final int INTERNAL_ERROR = 1;

  /** Bad command line: unknown option, missing argument, bad value. */
  public static final int USAGE = 2;

  /** At least one model file was rejected (syntax, name or type error, or the file could not be read). */
  public static final int MODEL_REJECTED = 3;

  /**
   * A resource limit was hit (memory, stack, or a state/time limit), or Ctrl-C stopped the search, before the run
   * could finish.
   */
  public static final int RESOURCE_LIMIT = 4;

  /**
   * A bug in ballot that could have printed a false verdict: the search reported a violation that replaying its trace
   * on the model's concrete semantics does not confirm. Nothing is printed as a counterexample.
   */
  public static final int SOUNDNESS_FAILURE = 5;

  /** {@code replay}: a log or mapping file is malformed or names what the model does not have. */
  public static final int LOG_INVALID = 6;

  /**
   * {@code check --resume}: the checkpoint cannot be resumed: there is none, it is damaged (truncated, a checksum
   * fails) or it was written for another model or with options that change the search.
   */
  public static final int CHECKPOINT_REFUSED = 7;

  /** An invariant was violated in a reachable state. */
  public static final int INVARIANT_VIOLATED = 10;

  /** An {@code assert} failed or an {@code error} statement was reached. */
  public static final int ASSERTION_FAILED = 11;

  /** A reachable state has no enabled rule (deadlock). */
  public static final int DEADLOCK = 12;

  /** A {@code cover} property was never satisfied in any reachable state. */
  public static final int COVER_NOT_REACHED = 13;

  /** A liveness property was violated. */
  public static final int LIVENESS_VIOLATED = 14;

  /**
   * A run over several models (or a project file): at least one model's outcome differed from its expectation,
   * every model was accepted and checked to the end. Single-model runs never exit with it.
   */
  public static final int EXPECTATION_NOT_MET = 15;

  /** {@code check --fail-on-dead-rules}: every property behaved as expected, but a rule never fired. */
  public static final int DEAD_RULES = 16;

  /** {@code format --check}: every file was accepted and at least one is not in the canonical layout. */
  public static final int NOT_FORMATTED = 17;

  /** {@code replay}: no execution of the model produces the logs. */
  public static final int REPLAY_REJECTED = 20;

  private ExitCodes() {}

  /** Code to one-line meaning, in ascending order, for {@code ballot --help}. */
  public static Map<String, String> descriptions() {
    Map<String, String> map = new LinkedHashMap<>();
    map.put(key(OK), "ok: every model accepted, no property violated");
    map.put(key(INTERNAL_ERROR), "internal error (a bug in ballot)");
    map.put(key(USAGE), "bad options or usage");
    map.put(key(MODEL_REJECTED), "a model was rejected (errors reported on stderr)");
    map.put(key(RESOURCE_LIMIT), "a resource limit was hit, or Ctrl-C stopped the check");
    map.put(key(SOUNDNESS_FAILURE), "soundness failure: a violation the concrete trace does not confirm (a bug in"
        + " ballot)");
    map.put(key(LOG_INVALID), "replay: a log or mapping file is in error (file:line:col on stderr)");
    map.put(key(CHECKPOINT_REFUSED), "check --resume: the checkpoint is missing, damaged or of another model or"
        + " options");
    map.put(key(INVARIANT_VIOLATED), "an invariant was violated");
    map.put(key(ASSERTION_FAILED), "an assertion failed or an error statement was reached");
    map.put(key(DEADLOCK), "deadlock");
    map.put(key(COVER_NOT_REACHED), "a cover property was never satisfied");
    map.put(key(LIVENESS_VIOLATED), "a liveness property was violated");
    map.put(key(EXPECTATION_NOT_MET), "several models: one did not meet its expectation");
    map.put(key(DEAD_RULES), "a rule never fired (with --fail-on-dead-rules)");
    map.put(key(NOT_FORMATTED), "format --check: a file is not in the canonical layout");
    map.put(key(REPLAY_REJECTED), "replay: no execution of the model produces the logs");
    return map;
  }

  private static String key(int code) {
    return String.format("%2d", code);
  }
}
