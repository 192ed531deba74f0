package io.ballot.checker.replay;

import java.util.Arrays;

/**
 * How each candidate state of a replay was reached, one entry per state stored: its parent entry, what led to it (a
 * start state, a rule instance for a log line or a silent rule, or a line that only observed) and the log line. The
 * states themselves are not kept: the trace is rebuilt by firing the recorded instances again.
 */
final class ReplayHistory {
  static final int START = 0;
  static final int STEP = 1;
  static final int SILENT = 2;
  static final int OBSERVE = 3;

  private int size;
  private int[] parent = new int[1024];
  private int[] what = new int[1024];
  private int[] index = new int[1024];
  private int[] log = new int[1024];
  private int[] line = new int[1024];

  int start(int startInstance) {
    return add(-1, START, startInstance, -1, -1);
  }

  int step(int from, int rule, int logIndex, int lineIndex) {
    return add(from, STEP, rule, logIndex, lineIndex);
  }

  int silent(int from, int rule) {
    return add(from, SILENT, rule, -1, -1);
  }

  int observe(int from, int logIndex, int lineIndex) {
    return add(from, OBSERVE, -1, logIndex, lineIndex);
  }

  int parent(int id) {
    return parent[id];
  }

  int what(int id) {
    return what[id];
  }

  /** The start state or rule instance of entry {@code id}. */
  int index(int id) {
    return index[id];
  }

  int log(int id) {
    return log[id];
  }

  int line(int id) {
    return line[id];
  }

  private int add(int p, int w, int i, int l, int n) {
    if (size == parent.length) {
      int cap = size * 2;
      parent = Arrays.copyOf(parent, cap);
      what = Arrays.copyOf(what, cap);
      index = Arrays.copyOf(index, cap);
      log = Arrays.copyOf(log, cap);
      line = Arrays.copyOf(line, cap);
    }
    parent[size] = p;
    what[size] = w;
    index[size] = i;
    log[size] = l;
    line[size] = n;
    return size++;
  }
}
