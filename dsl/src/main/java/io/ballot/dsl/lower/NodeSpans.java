package io.ballot.dsl.lower;

import java.util.ArrayDeque;
import java.util.IdentityHashMap;
import java.util.Map;
import org.eclipse.xtext.nodemodel.ICompositeNode;
import org.eclipse.xtext.nodemodel.ILeafNode;
import org.eclipse.xtext.nodemodel.INode;

/**
 * The offsets of the nodes of one parse: the same values as {@link INode#getOffset()} and
 * {@link INode#getEndOffset()} (the first and last character of the node's text without leading and trailing
 * whitespace and comments), remembered. Xtext computes them at each call by a walk down to the node's first leaf; in
 * a left-deep expression such as {@code 1 + 1 + ... + 1} a node is as deep as the terms before it, so locating
 * every node that way took time quadratic in the length of the expression (100,000 terms: minutes). Here the walk
 * down remembers the answer for every node it passes, which shares it: each node is walked through once.
 */
final class NodeSpans {
  private final Map<INode, Integer> starts = new IdentityHashMap<>();
  private final Map<INode, Integer> ends = new IdentityHashMap<>();

  /** {@link INode#getOffset()} of {@code node}. */
  int offset(INode node) {
    return find(node, true);
  }

  /** {@link INode#getEndOffset()} of {@code node}. */
  int endOffset(INode node) {
    return find(node, false);
  }

  /** A node without a visible leaf (whitespace and comments only, or nothing). */
  private static final int NONE = Integer.MIN_VALUE;

  /**
   * A depth-first walk from {@code node} in document order (or backwards, for the end) to its first visible leaf, in
   * a loop rather than by recursion (the tree may be 100,000 deep), remembering the answer of every composite it
   * enters; a composite already known is not entered again. A node without a visible leaf gets Xtext's answer.
   */
  private int find(INode node, boolean start) {
    if (node instanceof ILeafNode) {
      return start ? node.getOffset() : node.getEndOffset();
    }
    Map<INode, Integer> known = start ? starts : ends;
    ArrayDeque<INode> path = new ArrayDeque<>();
    INode n = node;
    descend:
    while (true) {
      int answer;
      if (n instanceof ILeafNode leaf) {
        answer = leaf.isHidden() ? NONE : start ? leaf.getOffset() : leaf.getEndOffset();
      } else {
        ICompositeNode c = (ICompositeNode) n;
        Integer k = known.get(c);
        INode first = k != null ? null : start ? c.getFirstChild() : c.getLastChild();
        if (first != null) {
          path.push(c);
          n = first;
          continue;
        }
        answer = k != null ? k : NONE;
        known.put(c, answer);
      }
      // n is answered: its answer is its parent's, unless it has no visible leaf and a sibling comes next
      while (true) {
        if (path.isEmpty()) {
          return answer != NONE ? answer : start ? node.getOffset() : node.getEndOffset();
        }
        INode parent = path.peek();
        if (answer == NONE && (start ? n.hasNextSibling() : n.hasPreviousSibling())) {
          n = start ? n.getNextSibling() : n.getPreviousSibling();
          continue descend;
        }
        known.put(parent, answer);
        path.pop();
        n = parent;
      }
    }
  }
}
