package io.ballot.dsl.parsing;

import io.ballot.dsl.murphi.MsgDecl;
import io.ballot.dsl.murphi.NetKind;
import io.ballot.dsl.murphi.NetworkDecl;
import org.antlr.runtime.RecognitionException;
import org.antlr.runtime.Token;
import org.antlr.runtime.TokenStream;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.xtext.nodemodel.SyntaxErrorMessage;
import org.eclipse.xtext.parser.antlr.SyntaxErrorMessageProvider;

/**
 * Syntax errors that say what to write instead, where the parser's context tells a likely slip apart from a
 * general error (the plain "unexpected X, expecting Y" is reworded later by {@code api.MessageWording}).
 */
public class SyntaxHints extends SyntaxErrorMessageProvider {
  /**
   * The issue code of a syntax error that names the slip. The parser's recovery after such a slip reports errors
   * that are only its consequences ("unexpected 'end'"), so none is reported after it ({@link StopAtHintResource}).
   */
  public static final String HINTED = "io.ballot.syntax.hinted";

  @Override
  public SyntaxErrorMessage getSyntaxErrorMessage(IParserErrorContext context) {
    String hint = hint(context.getCurrentContext(), context.getRecognitionException());
    return hint != null ? new SyntaxErrorMessage(hint, HINTED) : super.getSyntaxErrorMessage(context);
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
    return missingSemicolon(e, token);
  }

  /**
   * A statement or declaration that runs on into the next line: the unexpected token starts a line and could start a
   * statement, and the token before it (on an earlier line) could end one. Murphi separates statements and
   * declarations with ';', and a forgotten one is the commonest slip; the parser would only name the next line's word.
   */
  private static String missingSemicolon(RecognitionException e, Token token) {
    if (!(e.input instanceof TokenStream tokens) || e.index <= 0 || e.index > tokens.size()) {
      return null;
    }
    Token previous = null;
    for (int i = e.index - 1; i >= 0 && previous == null; i--) {
      Token t = tokens.get(i);
      String text = t.getText();
      if (text != null && !text.isBlank() && !text.startsWith("--") && !text.startsWith("/*")) {
        previous = t;
      }
    }
    if (previous == null || previous.getLine() >= token.getLine()) {
      return null;
    }
    String before = previous.getText();
    String next = token.getText();
    boolean endsOne = before.equals(")") || before.equals("]") || Character.isLetterOrDigit(before.charAt(
        before.length() - 1)) && !NOT_LAST.contains(before.toLowerCase(java.util.Locale.ROOT));
    boolean startsOne = Character.isJavaIdentifierStart(next.charAt(0))
        && !NOT_FIRST.contains(next.toLowerCase(java.util.Locale.ROOT));
    if (!endsOne || !startsOne) {
      return null;
    }
    return "syntax error: unexpected '" + next + "': missing ';' after '" + before + "' at the end of line "
        + previous.getLine();
  }

  /** Words that cannot end a statement or declaration (something must follow them). */
  private static final java.util.Set<String> NOT_LAST = java.util.Set.of("then", "do", "of", "else", "begin", "var",
      "const", "type", "is", "to", "by", "from", "except", "where", "in", "if", "elsif", "while", "for", "case",
      "switch", "return", "rule", "ruleset", "alias", "not", "mod", "and", "or", "array", "record", "enum",
      "scalarset", "union", "multiset", "function", "procedure", "startstate", "invariant", "assert", "put", "error",
      "clear", "undefine", "exists", "forall", "network", "send", "broadcast", "receive", "restart");

  /** Words that cannot start a statement or declaration (they continue one). */
  private static final java.util.Set<String> NOT_FIRST = java.util.Set.of("then", "do", "of", "else", "elsif", "end",
      "endif", "endfor", "endwhile", "endswitch", "endrule", "endruleset", "endalias", "endfunction",
      "endprocedure", "endstartstate", "endexists", "endforall", "begin", "to", "by", "from", "except", "where",
      "in", "is", "mod", "and", "or", "not");

  /** The words that may follow a network's kind. */
  private static final java.util.Set<String> FLAGS =
      java.util.Set.of("lossy", "duplicating", "capacity", "when", "of");
}
