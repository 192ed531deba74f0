package io.ballot.dsl;

import io.ballot.dsl.conversion.MurphiValueConverters;
import io.ballot.dsl.linking.MurphiLinkingMessages;
import io.ballot.dsl.parsing.StopAtHintResource;
import io.ballot.dsl.parsing.SyntaxHints;
import org.eclipse.xtext.conversion.IValueConverterService;
import org.eclipse.xtext.linking.ILinkingDiagnosticMessageProvider;
import org.eclipse.xtext.parser.antlr.ISyntaxErrorMessageProvider;
import org.eclipse.xtext.resource.XtextResource;

/** Guice bindings of the Murphi language: Ballot's own services over Xtext's defaults. */
public class MurphiRuntimeModule extends AbstractMurphiRuntimeModule {

  @Override
  public Class<? extends IValueConverterService> bindIValueConverterService() {
    return MurphiValueConverters.class;
  }

  public Class<? extends ILinkingDiagnosticMessageProvider> bindILinkingDiagnosticMessageProvider() {
    return MurphiLinkingMessages.class;
  }

  public Class<? extends ISyntaxErrorMessageProvider> bindISyntaxErrorMessageProvider() {
    return SyntaxHints.class;
  }

  @Override
  public Class<? extends XtextResource> bindXtextResource() {
    return StopAtHintResource.class;
  }
}
