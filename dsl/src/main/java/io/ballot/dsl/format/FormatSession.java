package io.ballot.dsl.format;

import io.ballot.dsl.murphi.Field;
import io.ballot.dsl.murphi.Model;
import io.ballot.dsl.murphi.Named;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.EReference;
import org.eclipse.xtext.nodemodel.ICompositeNode;
import org.eclipse.xtext.nodemodel.ILeafNode;
import org.eclipse.xtext.nodemodel.INode;
import org.eclipse.xtext.nodemodel.util.NodeModelUtils;

/**
 * The state of one formatting run, shared by the printers: the {@link Layout} written to, the source's comments,
 * the elements to copy verbatim, and where each element stands in the source (from Xtext's node model).
 */
final class FormatSession {

  final Layout layout;
  final SourceComments comments;
  final DeclarationPrinter declarations;
  final RulePrinter rules;
  final StatementPrinter statements;
  final ExpressionPrinter expressions;
  private final Set<EObject> verbatim;
  private final boolean hasSource;
  private final int[] tokenOffsets;
  private final List<String> tokenTexts = new ArrayList<>();
  private final Map<EObject, int[]> spans = new IdentityHashMap<>();

  FormatSession(Model model, int width, java.util.function.Predicate<EObject> known) {
    this.layout = new Layout(width);
    ICompositeNode node = NodeModelUtils.getNode(model);
    INode root = node == null ? null : node.getRootNode();
    this.hasSource = root != null;
    this.comments = new SourceComments(root, layout);
    this.verbatim = KnownSyntax.verbatimNodes(model, known);
    List<Integer> offsets = new ArrayList<>();
    if (root != null) {
      for (ILeafNode leaf : root.getLeafNodes()) {
        if (!leaf.isHidden() && leaf.getTotalLength() > 0) {
          offsets.add(leaf.getTotalOffset());
          tokenTexts.add(leaf.getText());
        }
      }
    }
    this.tokenOffsets = offsets.stream().mapToInt(Integer::intValue).toArray();
    this.declarations = new DeclarationPrinter(this);
    this.rules = new RulePrinter(this);
    this.statements = new StatementPrinter(this);
    this.expressions = new ExpressionPrinter(this);
  }

  void w(String s) {
    layout.w(s);
  }

  // ------------------------------------------------------------------------------------------ source positions

  /** Offset of the first token of {@code o} in the source; -1 without source. */
  int offset(EObject o) {
    return span(o)[0];
  }

  /** Offset just past the last token of {@code o} in the source; -1 without source. */
  int end(EObject o) {
    return span(o)[1];
  }

  private int[] span(EObject o) {
    return spans.computeIfAbsent(o, x -> {
      ICompositeNode node = NodeModelUtils.getNode(x);
      int start = -1;
      int end = -1;
      if (node != null) {
        for (ILeafNode leaf : node.getLeafNodes()) {
          if (!leaf.isHidden() && leaf.getTotalLength() > 0) {
            if (start < 0) {
              start = leaf.getTotalOffset();
            }
            end = leaf.getTotalEndOffset();
          }
        }
      }
      return new int[] {start, end};
    });
  }

  /** Where an element without tokens (an empty block) stands in the source; -1 without source. */
  int emptyOffset(EObject o) {
    ICompositeNode node = NodeModelUtils.getNode(o);
    return node == null ? -1 : node.getTotalOffset();
  }

  /** Offset of the first token at or after {@code offset} that is not a {@code ;}; -1 if none or no source. */
  int nextTokenAfter(int offset) {
    if (offset < 0) {
      return -1;
    }
    int i = java.util.Arrays.binarySearch(tokenOffsets, offset);
    for (i = i < 0 ? -i - 1 : i; i < tokenOffsets.length; i++) {
      if (!tokenTexts.get(i).equals(";")) {
        return tokenOffsets[i];
      }
    }
    return -1;
  }

  /** Offset of the last token of {@code o} (the closing keyword of a construct); -1 without source. */
  int lastTokenOffset(EObject o) {
    int end = end(o);
    if (end < 0) {
      return -1;
    }
    int i = java.util.Arrays.binarySearch(tokenOffsets, end);
    i = i < 0 ? -i - 1 : i;
    return i > 0 ? tokenOffsets[i - 1] : -1;
  }

  // ------------------------------------------------------------------------------------------ elements and comments

  /**
   * Starts a line for an element of a list (a statement, a declaration, a rule): a new line, a blank one before it
   * where the source had one, then the comments that precede the element.
   */
  void startLine(EObject element) {
    layout.newline();
    int at = offset(element);
    comments.flushBefore(at);
    if (at >= 0 && comments.blankLineBefore(at)) {
      layout.blankLine();
    }
  }

  /** After an element: the comments left inside it and those after it on its source line. */
  void endLine(EObject element) {
    comments.trailing(end(element), nextTokenAfter(end(element)));
  }

  /**
   * The comments after the keyword that opens a block ({@code then}, {@code do}, {@code else}, {@code begin}) on
   * that keyword's source line, kept at the end of the line the printer has written it on.
   */
  void afterOpening(int blockStart) {
    if (blockStart < 0) {
      return;
    }
    int i = java.util.Arrays.binarySearch(tokenOffsets, blockStart);
    i = (i < 0 ? -i - 1 : i) - 1; // the last token before the block
    if (i >= 0) {
      int end = tokenOffsets[i] + tokenTexts.get(i).length();
      comments.trailing(end, nextTokenAfter(end));
    }
  }

  /** The comments before {@code o}, written where the printer has got to. */
  void before(EObject o) {
    int at = offset(o);
    if (at >= 0) {
      comments.flushBefore(at);
    }
  }

  /** The comments between {@code o} and the token after it (an operator or a closing parenthesis). */
  void after(EObject o) {
    int next = nextTokenAfter(end(o));
    if (next >= 0) {
      comments.flushBefore(next);
    }
  }

  /** Comments before the closing token at {@code closing}, on their own lines inside the container. */
  void beforeClosing(int closing) {
    if (closing >= 0 && comments.pendingBefore(closing)) {
      layout.newline();
      comments.flushBefore(closing);
    }
  }

  /**
   * If {@code o} holds syntax the printers do not know, writes its source text unchanged (comments included) and
   * returns true; the caller then prints nothing more of it.
   */
  boolean verbatim(EObject o) {
    if (!verbatim.contains(o)) {
      return false;
    }
    int start = offset(o);
    int end = end(o);
    if (!hasSource || start < 0) {
      throw new IllegalArgumentException("cannot format " + o.eClass().getName() + " without its source text");
    }
    comments.flushBefore(start);
    w(comments.text(start, end));
    comments.consumeUpTo(end);
    return true;
  }

  /** Whether {@code o} is one of the elements copied from the source unchanged. */
  boolean verbatimMarked(EObject o) {
    return verbatim.contains(o);
  }

  /** The length of what {@code printer} writes on one line, comments left out. */
  int measure(Runnable printer) {
    comments.suspend(true);
    try {
      return layout.measure(printer);
    } finally {
      comments.suspend(false);
    }
  }

  // ------------------------------------------------------------------------------------------ small pieces

  void string(String value) {
    w("\"" + value + "\"");
  }

  void names(List<? extends EObject> names) {
    for (int i = 0; i < names.size(); i++) {
      if (i > 0) {
        w(", ");
      }
      EObject n = names.get(i);
      w(n instanceof Named named ? named.getName() : ((Field) n).getName());
    }
  }

  /** A cross-reference as the source wrote it (the resolved target's name for a tree built without source). */
  static String refText(EObject owner, EReference feature, EObject target) {
    List<INode> nodes = NodeModelUtils.findNodesForFeature(owner, feature);
    if (!nodes.isEmpty()) {
      String text = NodeModelUtils.getTokenText(nodes.get(0));
      if (text != null && !text.isEmpty()) {
        return text;
      }
    }
    if (target instanceof Named n && !target.eIsProxy()) {
      return n.getName();
    }
    if (target instanceof Field f && !target.eIsProxy()) {
      return f.getName();
    }
    throw new IllegalArgumentException("unresolved reference in " + owner.eClass().getName());
  }

  /** Offset of the source token holding {@code feature} of {@code owner}; -1 without source. */
  static int featureOffset(EObject owner, org.eclipse.emf.ecore.EStructuralFeature feature) {
    List<INode> nodes = NodeModelUtils.findNodesForFeature(owner, feature);
    return nodes.isEmpty() ? -1 : nodes.get(0).getOffset();
  }

  static IllegalArgumentException unknown(EObject o) {
    return new IllegalArgumentException("cannot format " + (o == null ? "null" : o.eClass().getName()));
  }
}
