package io.ballot.cli.daemon;

import sun.misc.Signal;
import sun.misc.SignalHandler;

/** The daemon's signals: a Ctrl-C or a closed terminal meant for the client that started it must not end it. */
final class Signals {
  private Signals() {}

  /** Ignores SIGINT and SIGHUP (where the JVM lets it; the daemon is also started in its own session). */
  static void ignoreInterruptAndHangup() {
    for (String name : new String[] {"INT", "HUP"}) {
      try {
        Signal.handle(new Signal(name), SignalHandler.SIG_IGN);
      } catch (IllegalArgumentException | UnsupportedOperationException e) {
        // not available here: setsid keeps the terminal's signals away
      }
    }
  }
}
