package io.ballot.cli;

import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * Installs and removes a handler of SIGINT through {@code sun.misc.Signal} (module jdk.unsupported, present in every
 * JDK ballot runs on). A shutdown hook would not do: the JVM exits with 130 once the hooks are done, and the run's
 * own exit code (4, with the report files written) would be lost.
 */
final class SigintHandler {
  private SigintHandler() {}

  /** Makes SIGINT run {@code action} (on the JVM's signal thread); returns the previous handler, or null if none. */
  static Object install(Runnable action) {
    try {
      return Signal.handle(new Signal("INT"), s -> action.run());
    } catch (IllegalArgumentException | UnsupportedOperationException e) {
      return null; // SIGINT is not available here (or the JVM was started with -Xrs): Ctrl-C kills as before
    }
  }

  /** Puts back the handler {@link #install} returned. */
  static void restore(Object previous) {
    try {
      Signal.handle(new Signal("INT"), (SignalHandler) previous);
    } catch (IllegalArgumentException | UnsupportedOperationException e) {
      // nothing to restore
    }
  }
}
