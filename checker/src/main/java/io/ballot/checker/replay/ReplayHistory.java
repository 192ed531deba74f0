package io.ballot.checker.replay;

import java.util.Arrays;

/**
 * How each candidate state of a replay was reached, one entry per state stored: its parent entry, what led to it (a
 * start state, a rule instance for a log line or a silent rule, or a line that only observed) and the log line. The
 * states themselves are not kept: the trace is rebuilt by firing the recorded instances again. Under symmetry
 * reduction ({@link LogSymmetry}) an entry also records the permutation applied to its parent's state before the
 * step ({@code pre}) and the one that made its result a representative ({@code post}), by number, {@code -1} none.
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
  private int[] pre = new int[1024];
  private int[] post = new int[1024];

  int start(int startInstance, int postPerm) {
    return add(-1, START, startInstance, -1, -1, -1, postPerm);
  }

  int step(int from, int rule, int logIndex, int lineIndex, int prePerm, int postPerm) {
    return add(from, STEP, rule, logIndex, lineIndex, prePerm, postPerm);
  }

  int silent(int from, int rule, int postPerm) {
    return add(from, SILENT, rule, -1, -1, -1, postPerm);
  }

  int observe(int from, int logIndex, int lineIndex, int prePerm, int postPerm) {
    return add(from, OBSERVE, -1, logIndex, lineIndex, prePerm, postPerm);
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

  /** The permutation applied to the parent's state before this entry's step (-1: none). */
  int pre(int id) {
    return pre[id];
  }

  /** The permutation that made this entry's state a representative (-1: none). */
  int post(int id) {
    return post[id];
  }

  private int add(int p, int w, int i, int l, int n, int before, int after) {
    if (size == parent.length) {
      int cap = size * 2;
      parent = Arrays.copyOf(parent, cap);
      what = Arrays.copyOf(what, cap);
      index = Arrays.copyOf(index, cap);
      log = Arrays.copyOf(log, cap);
      line = Arrays.copyOf(line, cap);
      pre = Arrays.copyOf(pre, cap);
      post = Arrays.copyOf(post, cap);
    }
    parent[size] = p;
    what[size] = w;
    index[size] = i;
    log[size] = l;
    line[size] = n;
    pre[size] = before;
    post[size] = after;
    return size++;
  }
}
