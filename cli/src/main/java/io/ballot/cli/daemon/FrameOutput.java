package io.ballot.cli.daemon;

import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;

/**
 * The daemon's end of a client's stdout or stderr: every write becomes one frame ({@link DaemonProtocol#OUT} or
 * {@link DaemonProtocol#ERR}) on the shared connection, in the order the run wrote them. Once the client is gone,
 * writes are dropped and {@code onBroken} runs once (the run is asked to stop: nobody reads its output any more).
 */
final class FrameOutput extends OutputStream {
  private final DataOutputStream connection;
  private final byte type;
  private final Runnable onBroken;
  private final Object lock;
  private final boolean[] broken;

  /** {@code lock} and {@code broken} are shared by the two streams of one connection. */
  FrameOutput(DataOutputStream connection, byte type, Object lock, boolean[] broken, Runnable onBroken) {
    this.connection = connection;
    this.type = type;
    this.lock = lock;
    this.broken = broken;
    this.onBroken = onBroken;
  }

  @Override
  public void write(int b) {
    write(new byte[] {(byte) b}, 0, 1);
  }

  @Override
  public void write(byte[] b, int off, int len) {
    if (len == 0) {
      return;
    }
    boolean justBroke = false;
    synchronized (lock) {
      if (broken[0]) {
        return;
      }
      try {
        connection.writeByte(type);
        connection.writeInt(len);
        connection.write(b, off, len);
        connection.flush();
      } catch (IOException e) {
        broken[0] = true;
        justBroke = true;
      }
    }
    if (justBroke) {
      onBroken.run();
    }
  }
}
