package io.ballot.dsl.parsing;

import io.ballot.dsl.murphi.MsgDecl;
import io.ballot.dsl.murphi.NetKind;
import io.ballot.dsl.murphi.NetworkDecl;
import org.antlr.runtime.RecognitionException;
import org.antlr.runtime.Token;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.xtext.nodemodel.SyntaxErrorMessage;
import org.eclipse.xtext.parser.antlr.SyntaxErrorMessageProvider;

/**
 * Syntax errors that say what to write instead, where the parser's context tells a likely slip apart from a
 * general error (the plain "unexpected X, expecting Y" is reworded later by {@code api.MessageWording}).
 */
public class SyntaxHints extends SyntaxErrorMessageProvider {

  @Override
  public SyntaxErrorMessage getSyntaxErrorMessage(IParserErrorContext context) {
    String hint = hint(context.getCurrentContext(), context.getRecognitionException());
    return hint != null ? new SyntaxErrorMessage(hint, null) : super.getSyntaxErrorMessage(context);
  }

  private static String hint(EObject current, RecognitionException e) {
    Token token = e != null ? e.token : null;
    if (token == null || token.getText() == null) {
      return null;
    }
    boolean inNetwork = current instanceof NetworkDecl || current instanceof MsgDecl
        && current.eContainer() instanceof NetworkDecl;
    if (inNetwork && token.getText().equals(",")) {
      return "syntax error: unexpected ',': the message kinds of a network are separated by ';'"
          + " (network net: ... of Ping(n: Node); Pong(n: Node); end)";
    }
    if (current instanceof NetworkDecl n && n.getEndpoint() == null && n.getKind() == NetKind.ORDERED
        && !n.isLossy() && !n.isDuplicating() && n.getCapacity() == null && !n.isWhenFull()
        && Character.isJavaIdentifierStart(token.getText().charAt(0)) && !FLAGS.contains(token.getText())) {
      return "syntax error: unexpected '" + token.getText() + "': an ordered network's endpoint type is written in"
          + " brackets (network net: ordered [" + token.getText() + "] capacity 2 of ...)";
    }
    return null;
  }

  /** The words that may follow a network's kind. */
  private static final java.util.Set<String> FLAGS =
      java.util.Set.of("lossy", "duplicating", "capacity", "when", "of");
}
