package io.ballot.dsl.lower;

import io.ballot.checker.ir.SourceLocation;
import java.util.List;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.EStructuralFeature;
import org.eclipse.xtext.nodemodel.INode;
import org.eclipse.xtext.nodemodel.util.NodeModelUtils;
import org.eclipse.xtext.util.LineAndColumn;

/** Turns syntax-tree nodes into {@link SourceLocation}s of one file, via Xtext's node model. */
public final class Locations {
  private final String file;
  private final NodeSpans spans = new NodeSpans();
  private INode root; // every node of one file shares its root: found once (a walk up from a deep node is long)

  public Locations(String file) {
    this.file = file;
  }

  public String file() {
    return file;
  }

  /** The span of the text {@code object} was parsed from. */
  public SourceLocation of(EObject object) {
    return of(object == null ? null : NodeModelUtils.findActualNodeFor(object));
  }

  /** The span of one feature of {@code object} (a name, a keyword-introduced value), or of the object. */
  public SourceLocation of(EObject object, EStructuralFeature feature) {
    List<INode> nodes = NodeModelUtils.findNodesForFeature(object, feature);
    return nodes.isEmpty() ? of(object) : of(nodes.get(0));
  }

  private SourceLocation of(INode node) {
    if (node == null) {
      return new SourceLocation(file, 1, 1, 1, 2);
    }
    if (root == null) {
      root = node.getRootNode();
    }
    int start = spans.offset(node);
    int end = spans.endOffset(node);
    LineAndColumn s = NodeModelUtils.getLineAndColumn(root, start);
    LineAndColumn e = NodeModelUtils.getLineAndColumn(root, end);
    return new SourceLocation(file, s.getLine(), s.getColumn(), e.getLine(), e.getColumn());
  }
}
