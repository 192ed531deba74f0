package io.ballot.cli.daemon;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The bytes a client and the daemon exchange over the Unix socket. The client sends a {@link Request}; the daemon
 * answers {@link #ACCEPTED} or {@link #REFUSED} (with a reason), then, for an accepted request, frames of stdout
 * ({@link #OUT}) and stderr ({@link #ERR}) bytes in the order the run wrote them, and last {@link #EXIT} with the
 * exit code. While the run lasts the client may send {@link #INTERRUPT} (its Ctrl-C).
 */
final class DaemonProtocol {
  static final int MAGIC = 0x42414c44; // "BALD"
  /** Raised whenever the bytes below change: a client never talks to a daemon of another protocol. */
  static final int VERSION = 2;
  static final byte ACCEPTED = 'A';
  static final byte REFUSED = 'R';
  static final byte OUT = 'O';
  static final byte ERR = 'E';
  static final byte EXIT = 'X';
  static final byte INTERRUPT = 'I';

  private DaemonProtocol() {}

  /**
   * One command line: the key the client computed (see {@link DaemonKey}), its directory, terminal and args. A plain
   * class, not a record: the client starts faster without the method handles a record's methods bootstrap.
   */
  static final class Request {
    private final String key;
    private final String cwd;
    private final boolean errIsTerminal;
    private final boolean ansi;
    private final List<String> args;

    /** {@code ansi}: whether picocli colours help in the client's process ({@code Main.ansiEnabled}). */
    Request(String key, String cwd, boolean errIsTerminal, boolean ansi, List<String> args) {
      this.key = key;
      this.cwd = cwd;
      this.errIsTerminal = errIsTerminal;
      this.ansi = ansi;
      this.args = List.copyOf(args);
    }

    String key() {
      return key;
    }

    String cwd() {
      return cwd;
    }

    boolean errIsTerminal() {
      return errIsTerminal;
    }

    boolean ansi() {
      return ansi;
    }

    List<String> args() {
      return args;
    }

    void write(DataOutputStream out) throws IOException {
      out.writeInt(MAGIC);
      out.writeInt(VERSION);
      writeString(out, key);
      writeString(out, cwd);
      out.writeBoolean(errIsTerminal);
      out.writeBoolean(ansi);
      out.writeInt(args.size());
      for (String a : args) {
        writeString(out, a);
      }
      out.flush();
    }

    /** Reads a request; fails on a foreign magic number or protocol version. */
    static Request read(DataInputStream in) throws IOException {
      if (in.readInt() != MAGIC || in.readInt() != VERSION) {
        throw new IOException("not a ballot client of protocol " + VERSION);
      }
      String key = readString(in);
      String cwd = readString(in);
      boolean terminal = in.readBoolean();
      boolean ansi = in.readBoolean();
      int n = in.readInt();
      if (n < 0 || n > 100_000) {
        throw new IOException("bad argument count " + n);
      }
      List<String> args = new ArrayList<>(n);
      for (int i = 0; i < n; i++) {
        args.add(readString(in));
      }
      return new Request(key, cwd, terminal, ansi, args);
    }
  }

  static void writeString(DataOutputStream out, String s) throws IOException {
    byte[] b = s.getBytes(StandardCharsets.UTF_8);
    out.writeInt(b.length);
    out.write(b);
  }

  static String readString(DataInputStream in) throws IOException {
    int n = in.readInt();
    if (n < 0 || n > (1 << 24)) {
      throw new IOException("bad string length " + n);
    }
    byte[] b = in.readNBytes(n);
    if (b.length != n) {
      throw new java.io.EOFException("connection closed inside a string");
    }
    return new String(b, StandardCharsets.UTF_8);
  }
}
