package io.ballot.dsl.ide.highlight;

import io.ballot.dsl.murphi.AliasDecl;
import io.ballot.dsl.murphi.Call;
import io.ballot.dsl.murphi.ConstName;
import io.ballot.dsl.murphi.EnumLiteral;
import io.ballot.dsl.murphi.Field;
import io.ballot.dsl.murphi.MsgBinder;
import io.ballot.dsl.murphi.MsgDecl;
import io.ballot.dsl.murphi.MsgField;
import io.ballot.dsl.murphi.MultisetQuantifier;
import io.ballot.dsl.murphi.NetworkDecl;
import io.ballot.dsl.murphi.Param;
import io.ballot.dsl.murphi.ProcDecl;
import io.ballot.dsl.murphi.Quantifier;
import io.ballot.dsl.murphi.TypeName;
import io.ballot.dsl.murphi.VarName;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.lsp4j.SemanticTokenModifiers;
import org.eclipse.lsp4j.SemanticTokenTypes;
import org.eclipse.xtext.Assignment;
import org.eclipse.xtext.CrossReference;
import org.eclipse.xtext.EcoreUtil2;
import org.eclipse.xtext.Keyword;
import org.eclipse.xtext.RuleCall;
import org.eclipse.xtext.TerminalRule;
import org.eclipse.xtext.ide.editor.syntaxcoloring.IHighlightedPositionAcceptor;
import org.eclipse.xtext.ide.editor.syntaxcoloring.ISemanticHighlightingCalculator;
import org.eclipse.xtext.nodemodel.ILeafNode;
import org.eclipse.xtext.resource.XtextResource;
import org.eclipse.xtext.util.CancelIndicator;

/**
 * Classifies every token of a model for colouring: keywords, numbers, strings, comments, and each name by what it
 * denotes (constant, variable, type, enum value, field, parameter or bound name, function), declarations marked as
 * such. The ids are LSP semantic token types and modifiers; the Eclipse plugin maps the same ids to colours.
 */
public class MurphiHighlighting implements ISemanticHighlightingCalculator {

  @Override
  public void provideHighlightingFor(
      XtextResource resource, IHighlightedPositionAcceptor acceptor, CancelIndicator cancelIndicator) {
    if (resource == null || resource.getParseResult() == null) {
      return;
    }
    for (ILeafNode leaf : resource.getParseResult().getRootNode().getLeafNodes()) {
      if (cancelIndicator != null && cancelIndicator.isCanceled()) {
        return;
      }
      String[] ids = classify(leaf);
      if (ids != null && leaf.getLength() > 0) {
        acceptor.addPosition(leaf.getOffset(), leaf.getLength(), ids);
      }
    }
  }

  /** The token type (then modifiers) of one leaf; null for whitespace, punctuation and unresolved names. */
  public static String[] classify(ILeafNode leaf) {
    EObject g = leaf.getGrammarElement();
    if (insideIdent(g) && leaf.getParent() != null) {
      // a name is an Ident (an ID or a contextual keyword of the extensions): classify it by the Ident's call
      g = leaf.getParent().getGrammarElement();
    }
    if (g instanceof TerminalRule rule || (g instanceof RuleCall call && call.getRule() instanceof TerminalRule)) {
      String name = g instanceof TerminalRule rule2 ? rule2.getName() : ((RuleCall) g).getRule().getName();
      switch (name) {
        case "ML_COMMENT", "SL_COMMENT" -> {
          return new String[] {SemanticTokenTypes.Comment};
        }
        case "NUMBER" -> {
          return new String[] {SemanticTokenTypes.Number};
        }
        case "STRING" -> {
          return new String[] {SemanticTokenTypes.String};
        }
        default -> {}
      }
    }
    if (g instanceof Keyword k) {
      return Character.isLetter(k.getValue().charAt(0)) ? new String[] {SemanticTokenTypes.Keyword} : null;
    }
    if (g != null && EcoreUtil2.getContainerOfType(g, CrossReference.class) != null) {
      if (leaf.getSemanticElement() instanceof Call c && io.ballot.dsl.ast.NetworkQuery.of(c) != null) {
        return new String[] {SemanticTokenTypes.Keyword}; // inflight(net, ...), full(net), count(net)
      }
      return kind(target(leaf.getSemanticElement(), EcoreUtil2.getContainerOfType(g, Assignment.class)), false);
    }
    Assignment a = g == null ? null : EcoreUtil2.getContainerOfType(g, Assignment.class);
    if (a != null && a.getFeature().equals("name") && g instanceof RuleCall call
        && (call.getRule().getName().equals("ID") || call.getRule().getName().equals("Ident"))) {
      return kind(leaf.getSemanticElement(), true);
    }
    return null;
  }

  /** Whether a grammar element belongs to the Ident rule (the names of the grammar). */
  private static boolean insideIdent(EObject g) {
    org.eclipse.xtext.ParserRule rule = g == null ? null : EcoreUtil2.getContainerOfType(g, org.eclipse.xtext.ParserRule.class);
    return rule != null && rule.getName().equals("Ident");
  }

  /** What the cross-reference assigned by {@code a} in {@code semantic} resolves to; null when unresolved. */
  private static EObject target(EObject semantic, Assignment a) {
    if (semantic == null || a == null) {
      return null;
    }
    var feature = semantic.eClass().getEStructuralFeature(a.getFeature());
    Object target = feature == null || feature.isMany() ? null : semantic.eGet(feature, true);
    return target instanceof EObject o ? o : null;
  }

  private static String[] kind(EObject o, boolean declaration) {
    if (o == null || o.eIsProxy()) {
      return null;
    }
    String type;
    String modifier = null;
    if (o instanceof ConstName) {
      type = SemanticTokenTypes.Variable;
      modifier = SemanticTokenModifiers.Readonly;
    } else if (o instanceof VarName || o instanceof AliasDecl || o instanceof NetworkDecl) {
      type = SemanticTokenTypes.Variable;
    } else if (o instanceof TypeName) {
      type = SemanticTokenTypes.Type;
    } else if (o instanceof EnumLiteral) {
      type = SemanticTokenTypes.EnumMember;
    } else if (o instanceof MsgDecl) {
      type = SemanticTokenTypes.EnumMember;
    } else if (o instanceof Field || o instanceof MsgField) {
      type = SemanticTokenTypes.Property;
    } else if (o instanceof Param || o instanceof Quantifier || o instanceof MultisetQuantifier
        || o instanceof MsgBinder) {
      type = SemanticTokenTypes.Parameter;
    } else if (o instanceof ProcDecl) {
      type = SemanticTokenTypes.Function;
    } else {
      return null;
    }
    if (declaration) {
      return modifier == null
          ? new String[] {type, SemanticTokenModifiers.Declaration}
          : new String[] {type, modifier, SemanticTokenModifiers.Declaration};
    }
    return modifier == null ? new String[] {type} : new String[] {type, modifier};
  }
}
