package io.ballot.dsl.parsing;

import io.ballot.dsl.murphi.MsgDecl;
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
    return null;
  }
}
