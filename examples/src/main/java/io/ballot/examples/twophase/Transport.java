package io.ballot.examples.twophase;

import java.io.BufferedReader;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicIntegerArray;

/**
 * One node's network endpoint: a TCP listener on 127.0.0.1 whose messages land in {@link #inbox}, and a sender
 * that keeps one connection per peer and injects the run's faults (a lost message is never written; a delayed one
 * is written later by a scheduler, so later messages may overtake it). A message to a peer that is down is lost.
 * {@link #stop} and {@link #start} model a crash and a restart on the same port.
 */
final class Transport {
  final BlockingQueue<Message> inbox = new LinkedBlockingQueue<>();
  private final String name;
  private final Faults faults;
  private final Random random;
  private final List<Socket> accepted = new ArrayList<>();
  private final Map<Integer, Socket> connections = new HashMap<>();
  private ServerSocket server;
  private ScheduledExecutorService sender;
  private int port;
  private final AtomicIntegerArray directory;
  private final int self;

  /** The endpoint of node {@code self}, which publishes its port in (and finds its peers' in) {@code directory}. */
  Transport(String name, int self, AtomicIntegerArray directory, Faults faults, long seed) {
    this.name = name;
    this.self = self;
    this.directory = directory;
    this.faults = faults;
    this.random = new Random(seed);
  }

  /**
   * Listens (on a free port the first time, on the same port after a crash, unless another socket took it
   * meanwhile: then on a new port, published in the directory like a DNS update) and starts the sender.
   */
  synchronized void start() throws IOException {
    server = new ServerSocket();
    server.setReuseAddress(true);
    try {
      server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
    } catch (BindException e) {
      server.close();
      server = new ServerSocket();
      server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
    }
    port = server.getLocalPort();
    directory.set(self, port);
    sender = Executors.newSingleThreadScheduledExecutor(r -> daemon(r, name + "-send"));
    ServerSocket s = server;
    daemon(() -> accept(s), name + "-accept").start();
  }

  /** Sends {@code m} to node {@code to}, through the faults. Never blocks on the network. */
  void send(int to, Message m) {
    long delay;
    synchronized (this) {
      if (random.nextDouble() < faults.loss()) {
        return;
      }
      delay = faults.maxDelayMicros() == 0 ? 0 : random.nextInt(faults.maxDelayMicros() + 1);
    }
    try {
      sender.schedule(() -> write(to, m), delay, TimeUnit.MICROSECONDS);
    } catch (RejectedExecutionException e) {
      // stopped (crashed): the message is lost
    }
  }

  private void write(int to, Message m) {
    Socket s = connections.get(to);
    try {
      if (s != null && s.getPort() != directory.get(to)) {
        connections.remove(to);
        close(s);
        s = null;
      }
      if (s == null) {
        s = new Socket(InetAddress.getLoopbackAddress(), directory.get(to));
        s.setTcpNoDelay(true);
        connections.put(to, s);
      }
      OutputStream out = s.getOutputStream();
      out.write((m.encode() + "\n").getBytes(StandardCharsets.US_ASCII));
      out.flush();
    } catch (IOException e) {
      connections.remove(to);
      close(s); // the peer is down or restarted: this message is lost, the next one reconnects
    }
  }

  private void accept(ServerSocket s) {
    while (!s.isClosed()) {
      try {
        Socket c = s.accept();
        synchronized (this) {
          if (server != s) {
            close(c);
            return;
          }
          accepted.add(c);
        }
        daemon(() -> read(c), name + "-read").start();
      } catch (IOException e) {
        return;
      }
    }
  }

  private void read(Socket c) {
    try (BufferedReader in = new BufferedReader(new InputStreamReader(c.getInputStream(), StandardCharsets.US_ASCII))) {
      for (String line = in.readLine(); line != null; line = in.readLine()) {
        Message m = Message.decode(line);
        if (m != null) {
          inbox.add(m);
        }
      }
    } catch (IOException e) {
      // closed by a crash or by the peer
    }
  }

  /** Crashes the endpoint: closes every socket, drops queued outgoing and received messages. */
  synchronized void stop() throws InterruptedException {
    sender.shutdownNow();
    sender.awaitTermination(1, TimeUnit.SECONDS);
    connections.values().forEach(Transport::close);
    connections.clear();
    close(server);
    accepted.forEach(Transport::close);
    accepted.clear();
    inbox.clear();
  }

  private static void close(Closeable c) {
    try {
      if (c != null) {
        c.close();
      }
    } catch (IOException e) {
      // nothing more to do
    }
  }

  private static Thread daemon(Runnable r, String name) {
    Thread t = new Thread(r, name);
    t.setDaemon(true);
    return t;
  }
}
