package io.ballot.dsl.ide.hover;

import io.ballot.checker.ir.ConstantDecl;
import io.ballot.checker.ir.IrPrinter;
import io.ballot.dsl.ast.AstTypes;
import io.ballot.dsl.ast.NetworkQuery;
import io.ballot.dsl.ide.lowering.LoweredModels;
import io.ballot.dsl.lower.Lowering;
import io.ballot.dsl.murphi.AliasDecl;
import io.ballot.dsl.murphi.Call;
import io.ballot.dsl.murphi.ConstGroup;
import io.ballot.dsl.murphi.ConstName;
import io.ballot.dsl.murphi.EnumLiteral;
import io.ballot.dsl.murphi.Field;
import io.ballot.dsl.murphi.Model;
import io.ballot.dsl.murphi.MultisetQuantifier;
import io.ballot.dsl.murphi.MurphiPackage;
import io.ballot.dsl.murphi.Param;
import io.ballot.dsl.murphi.ParamGroup;
import io.ballot.dsl.murphi.ProcDecl;
import io.ballot.dsl.murphi.Quantifier;
import io.ballot.dsl.murphi.TypeGroup;
import io.ballot.dsl.murphi.TypeName;
import io.ballot.dsl.murphi.VarGroup;
import io.ballot.dsl.murphi.VarName;
import io.ballot.dsl.scoping.Builtins;
import com.google.inject.Inject;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.util.EcoreUtil;
import org.eclipse.lsp4j.MarkupContent;
import org.eclipse.xtext.EcoreUtil2;
import org.eclipse.xtext.ide.server.Document;
import org.eclipse.xtext.ide.server.hover.HoverContext;
import org.eclipse.xtext.nodemodel.ICompositeNode;
import org.eclipse.xtext.nodemodel.ILeafNode;
import org.eclipse.xtext.nodemodel.util.NodeModelUtils;
import org.eclipse.xtext.resource.XtextResource;
import org.eclipse.xtext.util.LineAndColumn;

/**
 * Hover text (Markdown) for a declaration or a use of it: what kind of name it is, its declared type as written,
 * a constant's value (when the model is free of errors, as the checker will see it) and the line it is declared on.
 */
public class MurphiHoverService extends org.eclipse.xtext.ide.server.hover.HoverService {
  @Inject private LoweredModels lowered;

  @Override
  public String getContents(EObject element) {
    return describe(element, lowered);
  }

  /**
   * Xtext's context, but on the hovered token when the element's significant region (its name: the string of a
   * named rule) does not contain the cursor, e.g. on the {@code restart} of {@code restart "crash" p: Node}, where
   * Xtext would answer nothing.
   */
  @Override
  protected HoverContext createContext(Document document, XtextResource resource, int offset) {
    HoverContext context = super.createContext(document, resource, offset);
    if (resource.getParseResult() == null) {
      return context;
    }
    ILeafNode leaf = NodeModelUtils.findLeafNodeAtOffset(resource.getParseResult().getRootNode(), offset);
    if (leaf != null && !leaf.isHidden() && leaf.getSemanticElement() instanceof Call c
        && NetworkQuery.of(c) != null && NetworkQuery.linkText(c, MurphiPackage.Literals.CALL__CALLEE).equals(
            leaf.getText())) {
      // inflight / full / count: a query, not a declaration, so Xtext finds nothing to describe
      return new HoverContext(document, resource, offset, leaf.getTextRegion(), c);
    }
    if (context == null || context.getRegion().contains(offset)) {
      return context;
    }
    return leaf == null || leaf.isHidden() ? context
        : new HoverContext(document, resource, offset, leaf.getTextRegion(), context.getElement());
  }

  /** No hover (rather than Xtext's internal error) where there is nothing to describe. */
  @Override
  protected MarkupContent getMarkupContent(HoverContext context) {
    String contents = getContents(context.getElement());
    return contents == null ? null : toMarkupContent(getKind(context), contents);
  }

  /** The Markdown description of {@code element}; null for elements that are not declarations. */
  public static String describe(EObject element) {
    return describe(element, LoweredModels.UNCACHED);
  }

  /** {@link #describe(EObject)}, with the model's lowering (for a constant's value) from {@code lowered}. */
  public static String describe(EObject element, LoweredModels lowered) {
    if (element == null || element.eIsProxy()) {
      return null;
    }
    String head = headline(element);
    if (head == null) {
      return null;
    }
    StringBuilder md = new StringBuilder("```murphi\n").append(head).append("\n```");
    String value = element instanceof ConstName c ? constantValue(c, lowered) : null;
    if (value != null) {
      md.append("\n\nvalue: `").append(value).append('`');
    }
    String details = MessagePassingHover.details(element);
    if (details != null) {
      md.append("\n\n").append(details);
    }
    int line = declarationLine(element);
    if (line > 0) {
      md.append("\n\ndeclared on line ").append(line);
    }
    return md.toString();
  }

  /** One line of pseudo-Murphi that says what {@code element} is, e.g. {@code var x : 0..3}. */
  static String headline(EObject element) {
    if (element instanceof ConstName c) {
      return "const " + c.getName() + " : " + text(c.eContainer() instanceof ConstGroup g ? g.getValue() : null);
    }
    if (element instanceof VarName v) {
      VarGroup g = v.eContainer() instanceof VarGroup group ? group : null;
      return (g != null && g.isDurable() ? "durable var " : "var ") + v.getName() + " : "
          + text(AstTypes.declaredType(v)) + (g != null && g.getInit() != null ? " := " + text(g.getInit()) : "");
    }
    if (element instanceof TypeName t) {
      return "type " + t.getName() + " : " + text(t.eContainer() instanceof TypeGroup g ? g.getType() : null);
    }
    if (element instanceof EnumLiteral e) {
      TypeName owner = EcoreUtil2.getContainerOfType(e, TypeGroup.class) == null ? null
          : EcoreUtil2.getContainerOfType(e, TypeGroup.class).getNames().get(0);
      return "enum value " + e.getName() + (owner != null ? " of " + owner.getName() : "");
    }
    if (element instanceof Field f) {
      return "field " + f.getName() + " : " + text(AstTypes.declaredType(f));
    }
    if (element instanceof Param p) {
      boolean byRef = p.eContainer() instanceof ParamGroup g && g.isByRef();
      return "parameter " + (byRef ? "var " : "") + p.getName() + " : " + text(AstTypes.declaredType(p));
    }
    if (element instanceof Quantifier q) {
      if (q.getType() != null) {
        return "quantifier " + q.getName() + " : " + text(q.getType());
      }
      return "quantifier " + q.getName() + " := " + text(q.getFrom()) + " to " + text(q.getTo())
          + (q.getStep() != null ? " by " + text(q.getStep()) : "");
    }
    if (element instanceof MultisetQuantifier m) {
      return "multiset index " + m.getName() + " : " + text(m.getMultiset());
    }
    if (element instanceof AliasDecl a) {
      return "alias " + a.getName() + " : " + text(a.getValue());
    }
    if (element instanceof ProcDecl p && Builtins.isBuiltin(p)) {
      if (p.getName().equals(Builtins.REAL)) {
        return "built-in type real(precision, exponent) (CMurphi)";
      }
      String params = Builtins.MATH_BINARY.contains(p.getName()) ? "(x, y)" : "(x)";
      return "built-in function " + p.getName() + params + " : real (CMurphi)";
    }
    if (element instanceof ProcDecl p) {
      String signature = text(p);
      int cut = signature.indexOf(')');
      String head = cut > 0 ? signature.substring(0, cut + 1) : p.getKeyword() + " " + p.getName() + "(...)";
      return p.getReturnType() != null ? head + " : " + text(p.getReturnType()) : head;
    }
    String rule = RuleHover.headline(element);
    return rule != null ? rule : MessagePassingHover.headline(element);
  }

  /** The constant's value as the checker sees it; null when the model has errors. */
  static String constantValue(ConstName c, LoweredModels lowerings) {
    EObject root = EcoreUtil.getRootContainer(c);
    if (!(root instanceof Model model)) {
      return null;
    }
    Lowering.Result lowered = lowerings.of(model);
    if (lowered.model() == null) {
      return null;
    }
    int line = declarationLine(c);
    for (ConstantDecl d : lowered.model().constants()) {
      if (d.name().equals(c.getName()) && d.location().line() == line) {
        String value = d.type() instanceof io.ballot.checker.ir.Type.DoubleType
            ? io.ballot.checker.state.Values.text(d.type(), d.value())
            : Long.toString(d.value());
        return value + " (" + IrPrinter.print(d.type()) + ")";
      }
    }
    return null;
  }

  private static int declarationLine(EObject element) {
    ICompositeNode node = NodeModelUtils.findActualNodeFor(element);
    if (node == null) {
      return 0;
    }
    LineAndColumn lc = NodeModelUtils.getLineAndColumn(node.getRootNode(), node.getOffset());
    return lc.getLine();
  }

  /** The source text of a node, whitespace collapsed. */
  static String text(EObject o) {
    if (o == null) {
      return "?";
    }
    ICompositeNode node = NodeModelUtils.findActualNodeFor(o);
    return node == null ? "?" : NodeModelUtils.getTokenText(node).replaceAll("\\s+", " ").trim();
  }
}
