package io.ballot.cluster;

import java.io.Serializable;
import java.util.Objects;

/**
 * What the cluster keeps with a reached state: its parent link (the state it was first reached from, null for a start
 * state, and the rule instance that reached it, or the start state's index) and whether it is {@code blocked} (it
 * violates an invariant, so it is not expanded). Of two links to a state found in the same level the least is kept
 * ({@link #least}), so that the kept parent does not depend on the partitioning nor on the order of tasks. A plain
 * class rather than a record: Spark's Kryo serialiser cannot build records.
 */
public final class Node implements Serializable {
  private static final long serialVersionUID = 1L;

  private final PackedState parent;
  private final int rule;
  private final boolean blocked;

  public Node(PackedState parent, int rule, boolean blocked) {
    this.parent = parent;
    this.rule = rule;
    this.blocked = blocked;
  }

  /** The state this one was reached from; null for a start state. */
  public PackedState parent() {
    return parent;
  }

  /** The rule instance that reached this state from its parent, or the start state's index. */
  public int rule() {
    return rule;
  }

  /** Whether this state violates an invariant (and is not expanded). */
  public boolean blocked() {
    return blocked;
  }

  /** The lesser link by parent state, then rule; start states (no parent) first. */
  public static Node least(Node a, Node b) {
    if (a.parent == null || b.parent == null) {
      if (a.parent == null && b.parent == null) {
        return a.rule <= b.rule ? a : b;
      }
      return a.parent == null ? a : b;
    }
    int c = a.parent.compareTo(b.parent);
    return c < 0 || (c == 0 && a.rule <= b.rule) ? a : b;
  }

  /** This link, blocked. */
  Node block() {
    return new Node(parent, rule, true);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Node n && n.rule == rule && n.blocked == blocked && Objects.equals(n.parent, parent);
  }

  @Override
  public int hashCode() {
    return Objects.hash(parent, rule, blocked);
  }
}
