package io.ballot.eclipse.editor;

import io.ballot.eclipse.Activator;
import io.ballot.eclipse.core.MurphiServices;
import java.util.List;
import org.eclipse.jface.text.ITextViewer;
import org.eclipse.jface.text.contentassist.CompletionProposal;
import org.eclipse.jface.text.contentassist.ICompletionProposal;
import org.eclipse.jface.text.contentassist.IContentAssistProcessor;
import org.eclipse.jface.text.contentassist.IContextInformation;
import org.eclipse.jface.text.contentassist.IContextInformationValidator;

/** Content assist: keywords, names in scope, record fields after a dot, enum values (Xtext's ide proposals). */
public class MurphiContentAssistProcessor implements IContentAssistProcessor {

  @Override
  public ICompletionProposal[] computeCompletionProposals(ITextViewer viewer, int offset) {
    List<MurphiServices.Proposal> proposals = Activator.get().services().complete(viewer.getDocument().get(), offset);
    return proposals.stream()
        .map(p -> new CompletionProposal(p.replacement(), p.offset(), p.length(), p.replacement().length(), null,
            p.label(), null, p.detail()))
        .toArray(ICompletionProposal[]::new);
  }

  @Override
  public IContextInformation[] computeContextInformation(ITextViewer viewer, int offset) {
    return null;
  }

  @Override
  public char[] getCompletionProposalAutoActivationCharacters() {
    return new char[] {'.'};
  }

  @Override
  public char[] getContextInformationAutoActivationCharacters() {
    return null;
  }

  @Override
  public String getErrorMessage() {
    return null;
  }

  @Override
  public IContextInformationValidator getContextInformationValidator() {
    return null;
  }
}
