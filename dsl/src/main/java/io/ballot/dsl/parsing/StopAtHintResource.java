package io.ballot.dsl.parsing;

import java.util.List;
import org.eclipse.emf.ecore.resource.Resource;
import org.eclipse.xtext.diagnostics.AbstractDiagnostic;
import org.eclipse.xtext.linking.lazy.LazyLinkingResource;
import org.eclipse.xtext.nodemodel.INode;

/**
 * A Murphi resource whose syntax errors stop at the first one that names the slip ({@link SyntaxHints#HINTED}):
 * the parser's recovery from a slip it did not expect reports its consequences as errors of their own (an
 * "unexpected 'end'" two lines on), which would only mislead; the next parse shows any independent error left.
 * The command line and the editors both read their syntax errors from here.
 */
public class StopAtHintResource extends LazyLinkingResource {
  @Override
  protected void addSyntaxDiagnostic(List<Resource.Diagnostic> diagnostics, INode node) {
    // Xtext adds the errors in document order
    boolean afterHint = diagnostics.stream()
        .anyMatch(d -> d instanceof AbstractDiagnostic a && SyntaxHints.HINTED.equals(a.getCode()));
    if (!afterHint) {
      super.addSyntaxDiagnostic(diagnostics, node);
    }
  }
}
