package io.ballot.cli.view;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.channels.CancelledKeyException;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Serves one viewer page on the loopback interface (127.0.0.1) to the browser of the user who started it: {@code GET
 * /} is the page, anything else 404. One thread multiplexes every connection without blocking (java.nio), so no
 * client, however slow or idle, delays another; a request must arrive whole within the request timeout (10 s) or its
 * connection is closed. Only requests whose {@code Host} is {@code 127.0.0.1:PORT} or {@code localhost:PORT} are
 * answered (else 403), so a web page cannot read the report by DNS rebinding. {@link #close} stops it.
 */
public final class ViewerServer implements AutoCloseable {

  /** How long a client has to send a whole request (and to take each part of the answer). */
  public static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(10);

  private final ServerSocketChannel listener;
  private final Selector selector;
  private final Thread thread;
  private final int port;
  private final ViewerExchange exchange;
  private final long timeoutNanos;
  /** Open connections, oldest first (only the server's thread touches it). */
  private final Set<ViewerConnection> connections = new LinkedHashSet<>();
  private volatile boolean open = true;

  /** Starts serving {@code page} on 127.0.0.1:{@code port} (0: any free port). */
  public ViewerServer(String page, int port) throws IOException {
    this(page, port, REQUEST_TIMEOUT);
  }

  /** As {@link #ViewerServer(String, int)} with another request timeout (tests). */
  ViewerServer(String page, int port, Duration timeout) throws IOException {
    selector = Selector.open();
    listener = ServerSocketChannel.open();
    try {
      listener.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 128);
      listener.configureBlocking(false);
      listener.register(selector, SelectionKey.OP_ACCEPT);
    } catch (IOException e) {
      listener.close();
      selector.close();
      throw e;
    }
    this.port = ((InetSocketAddress) listener.getLocalAddress()).getPort();
    this.timeoutNanos = timeout.toNanos();
    this.exchange = new ViewerExchange(page.getBytes(StandardCharsets.UTF_8), this.port);
    thread = new Thread(this::run, "ballot-viewer-server-" + this.port);
    thread.setDaemon(true);
    thread.start();
  }

  /** The page's address, e.g. {@code http://127.0.0.1:41234/}. */
  public URI uri() {
    return URI.create("http://127.0.0.1:" + port + "/");
  }

  @Override
  public void close() {
    open = false;
    selector.wakeup();
    try {
      thread.join(5000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void run() {
    try {
      while (open) {
        selector.select(250);
        Iterator<SelectionKey> keys = selector.selectedKeys().iterator();
        while (keys.hasNext()) {
          SelectionKey key = keys.next();
          keys.remove();
          try {
            if (key.isValid() && key.isAcceptable()) {
              accept();
            } else if (key.isValid() && !((ViewerConnection) key.attachment()).step(key, exchange, timeoutNanos)) {
              drop((ViewerConnection) key.attachment());
            }
          } catch (CancelledKeyException e) {
            if (key.attachment() instanceof ViewerConnection c) {
              drop(c); // closed under us: nothing left to serve on it
            }
          }
        }
        long now = System.nanoTime();
        connections.removeIf(c -> {
          if (now - c.deadline() > 0) {
            c.close();
            return true;
          }
          return false;
        });
      }
    } catch (IOException e) {
      // the selector failed: stop serving (close releases the rest)
    } finally {
      connections.forEach(ViewerConnection::close);
      connections.clear();
      try {
        listener.close();
      } catch (IOException ignored) {
        // closing anyway
      }
      try {
        selector.close();
      } catch (IOException ignored) {
        // closing anyway
      }
    }
  }

  private void accept() throws IOException {
    SocketChannel ch;
    while ((ch = acceptOne()) != null) {
      if (connections.size() >= ViewerConnection.MAX_CONNECTIONS) {
        drop(connections.iterator().next()); // the oldest makes room: a flood cannot lock the user out
      }
      ch.configureBlocking(false);
      ViewerConnection c = new ViewerConnection(ch, System.nanoTime() + timeoutNanos);
      ch.register(selector, SelectionKey.OP_READ, c);
      connections.add(c);
    }
  }

  /** The next waiting client, or null when none is waiting or accepting fails (e.g. out of file descriptors). */
  private SocketChannel acceptOne() {
    try {
      return listener.accept();
    } catch (IOException e) {
      return null; // tried again on the next select; the server keeps serving the connections it has
    }
  }

  private void drop(ViewerConnection c) {
    connections.remove(c);
    c.close();
  }
}
