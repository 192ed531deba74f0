package io.ballot.dsl.linking;

import com.google.inject.Inject;
import io.ballot.dsl.ast.AstTypes;
import io.ballot.dsl.ast.NetworkQuery;
import io.ballot.dsl.ast.UndefinedWord;
import io.ballot.dsl.murphi.Call;
import io.ballot.dsl.murphi.FieldAccess;
import io.ballot.dsl.murphi.MsgDecl;
import io.ballot.dsl.murphi.NetworkDecl;
import io.ballot.dsl.murphi.MurphiPackage;
import io.ballot.dsl.murphi.RecordType;
import io.ballot.dsl.scoping.MurphiScopeProvider;
import io.ballot.dsl.settings.Suggestions;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.EReference;
import org.eclipse.xtext.diagnostics.Diagnostic;
import org.eclipse.xtext.diagnostics.DiagnosticMessage;
import org.eclipse.xtext.diagnostics.Severity;
import org.eclipse.xtext.linking.impl.LinkingDiagnosticMessageProvider;
import org.eclipse.xtext.naming.QualifiedName;
import org.eclipse.xtext.resource.IEObjectDescription;
import org.eclipse.xtext.scoping.IScopeProvider;

/**
 * Messages for names that do not resolve, in the words a Murphi user expects. No message (null) for CMurphi's
 * {@code UNDEFINED} where it is allowed ({@link UndefinedWord}).
 */
public class MurphiLinkingMessages extends LinkingDiagnosticMessageProvider {
  @Inject private IScopeProvider scopes;

  @Override
  public DiagnosticMessage getUnresolvedProxyMessage(ILinkingDiagnosticContext context) {
    EReference ref = context.getReference();
    EObject at = context.getContext();
    String name = context.getLinkText();
    String message;
    if ((ref == MurphiPackage.Literals.CALL__CALLEE && at instanceof Call call && NetworkQuery.of(call) != null)
        || NetworkQuery.isMessageName(at)) {
      return null; // a network query, or the message kind inside inflight(net, Msg(...)): lowered by Networks
    }
    if (ref == MurphiPackage.Literals.FIELD_ACCESS__FIELD && at instanceof FieldAccess f) {
      message =
          AstTypes.typeOf(f.getRecord()) instanceof RecordType
              ? "no field named '" + name + "' in record"
              : "left side of '.' is not a record, so it has no field '" + name + "'";
    } else if (ref == MurphiPackage.Literals.CALL__CALLEE || ref == MurphiPackage.Literals.PROC_CALL__CALLEE) {
      boolean exists =
          scopes instanceof MurphiScopeProvider msp
              && msp.allNames(at).getSingleElement(QualifiedName.create(name)) != null;
      message =
          exists
              ? "'" + name + "' is not a function or procedure"
              : "unknown function or procedure '" + name + "': it is not declared before this point";
      if (!exists && ref == MurphiPackage.Literals.CALL__CALLEE && NetworkQuery.named(name) != null) {
        message += " (the query " + NetworkQuery.named(name).spelling() + "(net" 
            + (NetworkQuery.named(name) == NetworkQuery.Kind.INFLIGHT ? ", Msg(...)" : "")
            + ") takes a network as its first argument)";
      }
    } else if (ref == MurphiPackage.Literals.MSG_EXPR__KIND || ref == MurphiPackage.Literals.MSG_PATTERN__KIND) {
      NetworkDecl net = MurphiScopeProvider.networkOf(at);
      if (net == null) {
        return null; // the network name is what is wrong, and that is reported
      }
      message = "network '" + net.getName() + "' has no message '" + name + "'"
          + Suggestions.amongKnown(name, net.getMessages().stream().map(MsgDecl::getName).toList());
    } else if (ref == MurphiPackage.Literals.ID_REF__REF && UndefinedWord.isSpelling(name)) {
      if (UndefinedWord.allowedAt(at)) {
        return null; // CMurphi's UNDEFINED value, lowered where it stands
      }
      message = "'" + name + "' (CMurphi's undefined value) may only be the whole right side of ':=' or a whole"
          + " argument of a call; to test for it use isundefined(...)";
    } else {
      message = "unknown identifier '" + name + "': it is not declared before this point" + didYouMean(name, at);
    }
    return new DiagnosticMessage(message, Severity.ERROR, Diagnostic.LINKING_DIAGNOSTIC);
  }

  /** {@code " (did you mean 'x'?)"} for the name visible at {@code at} closest to {@code name}, or {@code ""}. */
  private String didYouMean(String name, EObject at) {
    if (!(scopes instanceof MurphiScopeProvider msp)) {
      return "";
    }
    List<String> visible = new ArrayList<>();
    for (IEObjectDescription d : msp.allNames(at).getAllElements()) {
      visible.add(d.getName().toString());
    }
    return Suggestions.didYouMean(name, visible);
  }
}
