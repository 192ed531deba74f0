package io.ballot.checker.explore;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * The violations found during the current level, handed over in an order that depends only on their content (kind,
 * property, message, then the state's value, then the rule and property instance), so that which violations are
 * reported does not depend on the number of threads nor on which thread found one first. At most {@value #CAP} are
 * kept: the least ones, so the cap too is independent of the threads. Thread-safe.
 */
public final class PendingViolations {
  static final int CAP = 10_000;
  private final int words;
  private final StateValues store;
  private final List<PendingViolation> list = new ArrayList<>();

  /** The value of a stored state, by id: how violations found in two states are ordered. */
  @FunctionalInterface
  public interface StateValues {
    /** Writes the value of state {@code id} into {@code out}. */
    void get(int id, long[] out);
  }

  PendingViolations(StateStore store) {
    this(store.words(), store::get);
  }

  /** Violations in states of {@code words} words, whose values {@code values} reads. */
  public PendingViolations(int words, StateValues values) {
    this.words = words;
    this.store = values;
  }

  /** Notes {@code p}. */
  public synchronized void add(PendingViolation p) {
    list.add(p);
    if (list.size() >= 2 * CAP) {
      list.sort(order());
      list.subList(CAP, list.size()).clear();
    }
  }

  /** Translates the ids of the violations noted in the level {@code r} renumbered. */
  synchronized void renumber(Renumbering r) {
    list.replaceAll(p -> p.at() < r.from || p.at() >= r.limit ? p
        : new PendingViolation(p.kind(), p.property(), p.where(), p.message(), r.map(p.at()), p.rule(), p.prop()));
  }

  /** Whether no violation is noted. */
  public synchronized boolean isEmpty() {
    return list.isEmpty();
  }

  /** The violations noted since the last call, least first (at most {@value #CAP}); forgets them. */
  public synchronized List<PendingViolation> drain() {
    list.sort(order());
    List<PendingViolation> out = List.copyOf(list.subList(0, Math.min(CAP, list.size())));
    list.clear();
    return out;
  }

  /** A total order on content: two violations equal by it would be reported alike. */
  private Comparator<PendingViolation> order() {
    long[] a = new long[words];
    long[] b = new long[words];
    return (x, y) -> {
      int c = Integer.compare(x.kind().ordinal(), y.kind().ordinal());
      if (c == 0) {
        c = x.property().compareTo(y.property());
      }
      if (c == 0) {
        c = x.message().compareTo(y.message());
      }
      if (c == 0) {
        c = Integer.compare(x.at() < 0 ? 0 : 1, y.at() < 0 ? 0 : 1);
      }
      if (c == 0 && x.at() >= 0 && x.at() != y.at()) {
        store.get(x.at(), a);
        store.get(y.at(), b);
        c = Arrays.compare(a, b);
      }
      if (c == 0) {
        c = Integer.compare(x.rule(), y.rule());
      }
      return c != 0 ? c : Integer.compare(x.prop(), y.prop());
    };
  }
}
