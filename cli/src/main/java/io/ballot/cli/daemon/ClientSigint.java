package io.ballot.cli.daemon;

import java.io.DataOutputStream;
import java.io.IOException;
import java.util.concurrent.atomic.AtomicInteger;
import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * The client's Ctrl-C during a served run, with a plain run's meaning: the first asks the run to stop (the daemon
 * ends the check with what it found and writes the reports), a second ends the client at once with exit code 130.
 */
final class ClientSigint {
  private ClientSigint() {}

  static void forward(DataOutputStream toDaemon) {
    AtomicInteger count = new AtomicInteger();
    try {
      Signal.handle(new Signal("INT"), new SignalHandler() { // not a lambda: the client starts faster
        @Override
        public void handle(Signal s) {
          if (count.incrementAndGet() > 1) {
            Runtime.getRuntime().halt(130);
          }
          try {
            synchronized (toDaemon) {
              toDaemon.writeByte(DaemonProtocol.INTERRUPT);
              toDaemon.flush();
            }
          } catch (IOException e) {
            Runtime.getRuntime().halt(130); // the daemon is gone: nothing left to stop
          }
        }
      });
    } catch (IllegalArgumentException | UnsupportedOperationException e) {
      // no SIGINT here: Ctrl-C ends the client, and the daemon stops the run when the connection closes
    }
  }
}
