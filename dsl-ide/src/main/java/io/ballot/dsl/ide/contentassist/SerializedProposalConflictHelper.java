package io.ballot.dsl.ide.contentassist;

import com.google.inject.Singleton;
import org.eclipse.xtext.ide.editor.contentassist.ContentAssistContext;
import org.eclipse.xtext.ide.editor.contentassist.antlr.AntlrProposalConflictHelper;

/**
 * Xtext's check that a completion proposal does not merge with the text before it, one call at a time. Xtext's
 * helper keeps three lexers in fields and resets their input per call, and one instance serves every completion
 * request of an injector, while the language server answers requests in parallel: two completions at once failed
 * with an internal error (a NullPointerException in the lexer, whose input the other request had replaced; seen in
 * {@code InterleavedRequestsTest}).
 */
@Singleton
public class SerializedProposalConflictHelper extends AntlrProposalConflictHelper {
  @Override
  public synchronized boolean existsConflict(String lastCompleteText, String proposal, ContentAssistContext context) {
    return super.existsConflict(lastCompleteText, proposal, context);
  }
}
