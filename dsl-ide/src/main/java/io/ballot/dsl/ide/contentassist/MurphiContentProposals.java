package io.ballot.dsl.ide.contentassist;

import io.ballot.dsl.ast.NetworkQuery;
import io.ballot.dsl.murphi.Call;
import io.ballot.dsl.murphi.MsgDecl;
import io.ballot.dsl.murphi.MurphiPackage;
import io.ballot.dsl.murphi.NetworkDecl;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.EReference;
import org.eclipse.xtext.Assignment;
import org.eclipse.xtext.CrossReference;
import org.eclipse.xtext.EcoreUtil2;
import org.eclipse.xtext.GrammarUtil;
import org.eclipse.xtext.Group;
import org.eclipse.xtext.Keyword;
import org.eclipse.xtext.ParserRule;
import org.eclipse.xtext.ide.editor.contentassist.ContentAssistContext;
import org.eclipse.xtext.ide.editor.contentassist.ContentAssistEntry;
import org.eclipse.xtext.ide.editor.contentassist.IIdeContentProposalAcceptor;
import org.eclipse.xtext.ide.editor.contentassist.IdeContentProposalProvider;
import org.eclipse.xtext.nodemodel.ICompositeNode;
import org.eclipse.xtext.nodemodel.ILeafNode;
import org.eclipse.xtext.nodemodel.INode;
import org.eclipse.xtext.nodemodel.util.NodeModelUtils;
import org.eclipse.xtext.resource.IEObjectDescription;

/**
 * Completion: the names in scope (message kinds of the network after {@code send net}, {@code broadcast net},
 * {@code receive net} and {@code inflight(net, }; only networks where a network is expected) and the keywords
 * the parser expects at the cursor, but only word keywords: no punctuation or operators, and none of the
 * extensions' contextual keywords where they would only be a name.
 */
public class MurphiContentProposals extends IdeContentProposalProvider {

  /**
   * No {@code "name"} placeholder for the optional name after a property's condition ({@code invariant x > 0
   * "name"}): Xtext's content-assist parser expects it after any name that might end such a condition, e.g. after
   * the {@code send} of {@code send |}, where it is noise. The name before the condition is still proposed.
   */
  @Override
  protected void _createProposals(Assignment a, ContentAssistContext context, IIdeContentProposalAcceptor acceptor) {
    if (!(a.getTerminal() instanceof CrossReference)
        && inflightMessageAt(context.getCurrentModel(), context.getOffset()) != null) {
      return; // only the network's message kinds (the cross-reference proposals) fit there
    }
    if (a.eContainer() instanceof Group g) {
      int i = g.getElements().indexOf(a);
      if (i > 0 && g.getElements().get(i - 1) instanceof Assignment before && before.getFeature().equals("condition")) {
        return;
      }
    }
    super._createProposals(a, context, acceptor);
  }

  @Override
  protected boolean filterKeyword(Keyword keyword, ContentAssistContext context) {
    return isWord(keyword.getValue()) && !isName(keyword)
        && inflightMessageAt(context.getCurrentModel(), context.getOffset()) == null
        && super.filterKeyword(keyword, context);
  }

  /**
   * Names in scope where the cursor is: inside the body of a rule, function or receive whose first statement is
   * not written yet, Xtext's context is the rule itself, whose scope lacks the rule's own local variables.
   */
  @Override
  protected void _createProposals(
      CrossReference reference, ContentAssistContext context, IIdeContentProposalAcceptor acceptor) {
    NetworkDecl queried = inflightMessageAt(context.getCurrentModel(), context.getOffset());
    if (queried != null) {
      for (MsgDecl m : queried.getMessages()) {
        ContentAssistEntry e = getProposalCreator().createProposal(m.getName(), context);
        if (e != null) {
          acceptor.accept(e, getProposalPriorities().getDefaultPriority(e));
        }
      }
      return;
    }
    EObject body = bodyAt(context.getCurrentModel(), context.getOffset());
    super._createProposals(reference,
        body == null ? context : context.copy().setCurrentModel(body).toContext(), acceptor);
  }

  /** The network of {@code inflight(net, |)} when {@code offset} is in its message argument; else null. */
  private static NetworkDecl inflightMessageAt(EObject model, int offset) {
    if (!(model instanceof Call c) || NetworkQuery.of(c) != NetworkQuery.Kind.INFLIGHT) {
      return null;
    }
    INode first = NodeModelUtils.findActualNodeFor(c.getArgs().get(0));
    return first != null && offset > first.getEndOffset() ? NetworkQuery.network(c) : null;
  }

  /** The body block of {@code owner} when {@code offset} is inside it (after its {@code begin}); else null. */
  private static EObject bodyAt(EObject owner, int offset) {
    var feature = owner == null ? null : owner.eClass().getEStructuralFeature("body");
    if (!(feature instanceof EReference ref) || !ref.isContainment()) {
      return null;
    }
    Object body = owner.eGet(feature);
    if (!(body instanceof EObject block)) {
      return null;
    }
    ICompositeNode node = NodeModelUtils.findActualNodeFor(owner);
    if (node == null) {
      return null;
    }
    int start = -1;
    for (ILeafNode leaf : node.getLeafNodes()) {
      if (leaf.getGrammarElement() instanceof Keyword k && k.getValue().equalsIgnoreCase("begin")) {
        start = leaf.getEndOffset();
      }
    }
    ICompositeNode blockNode = NodeModelUtils.findActualNodeFor(block);
    if (start < 0 && blockNode != null && blockNode.getLength() > 0) {
      start = blockNode.getOffset();
    }
    return start >= 0 && offset >= start ? block : null;
  }

  @Override
  protected com.google.common.base.Predicate<IEObjectDescription> getCrossrefFilter(
      CrossReference reference, ContentAssistContext context) {
    EReference ref = GrammarUtil.getReference(reference);
    if (ref == MurphiPackage.Literals.SEND_STMT__NET || ref == MurphiPackage.Literals.BROADCAST_STMT__NET
        || ref == MurphiPackage.Literals.RECEIVE_RULE__NET) {
      return d -> MurphiPackage.Literals.NETWORK_DECL.isSuperTypeOf(d.getEClass());
    }
    return super.getCrossrefFilter(reference, context);
  }

  /** A keyword made of letters (and digits or underscores), such as {@code rule}; not {@code :=} or {@code ==>}. */
  static boolean isWord(String keyword) {
    return !keyword.isEmpty() && Character.isLetter(keyword.charAt(0))
        && keyword.chars().allMatch(c -> Character.isLetterOrDigit(c) || c == '_');
  }

  /** Whether the keyword is one of the contextual keywords in the Ident rule, i.e. stands for a name here. */
  private static boolean isName(Keyword keyword) {
    ParserRule rule = EcoreUtil2.getContainerOfType(keyword, ParserRule.class);
    return rule != null && rule.getName().equals("Ident");
  }

}
