package io.ballot.dsl.ide;

import io.ballot.dsl.ide.check.CheckCodeLens;
import io.ballot.dsl.ide.check.CheckModelCommands;
import io.ballot.dsl.ide.contentassist.MurphiContentProposals;
import io.ballot.dsl.ide.contentassist.SerializedProposalConflictHelper;
import io.ballot.dsl.ide.format.MurphiFormattingService;
import io.ballot.dsl.ide.highlight.MurphiHighlighting;
import io.ballot.dsl.ide.hover.MurphiHoverService;
import io.ballot.dsl.ide.rename.MurphiRenameService;
import io.ballot.dsl.ide.symbols.MurphiDocumentSymbols;
import io.ballot.dsl.ide.symbols.MurphiSymbolKinds;
import io.ballot.dsl.ide.validation.FrontEndValidator;
import org.eclipse.xtext.ide.editor.contentassist.IProposalConflictHelper;
import org.eclipse.xtext.ide.editor.contentassist.IdeContentProposalProvider;
import org.eclipse.xtext.ide.editor.syntaxcoloring.ISemanticHighlightingCalculator;
import org.eclipse.xtext.ide.server.codelens.ICodeLensService;
import org.eclipse.xtext.ide.server.commands.IExecutableCommandService;
import org.eclipse.xtext.ide.server.formatting.FormattingService;
import org.eclipse.xtext.ide.server.hover.IHoverService;
import org.eclipse.xtext.ide.server.rename.IRenameService2;
import org.eclipse.xtext.ide.server.symbol.DocumentSymbolMapper;
import org.eclipse.xtext.ide.server.symbol.DocumentSymbolService;
import org.eclipse.xtext.validation.IResourceValidator;

/** Guice bindings of the editor services: Ballot's own over Xtext's generic ones. */
public class MurphiIdeModule extends AbstractMurphiIdeModule {

  /** Validation as the command line does it (syntax, names, then the semantic checks of lowering). */
  public Class<? extends IResourceValidator> bindIResourceValidator() {
    return FrontEndValidator.class;
  }

  /** Xtext's proposal-conflict check, one call at a time (its lexers are fields; requests run in parallel). */
  @Override
  public Class<? extends IProposalConflictHelper> bindIProposalConflictHelper() {
    return SerializedProposalConflictHelper.class;
  }

  public Class<? extends IHoverService> bindIHoverService() {
    return MurphiHoverService.class;
  }

  public Class<? extends FormattingService> bindFormattingService() {
    return MurphiFormattingService.class;
  }

  public Class<? extends ISemanticHighlightingCalculator> bindISemanticHighlightingCalculator() {
    return MurphiHighlighting.class;
  }

  public Class<? extends DocumentSymbolService> bindDocumentSymbolService() {
    return MurphiDocumentSymbols.class;
  }

  public Class<? extends DocumentSymbolMapper.DocumentSymbolKindProvider> bindDocumentSymbolKindProvider() {
    return MurphiSymbolKinds.class;
  }

  public Class<? extends IExecutableCommandService> bindIExecutableCommandService() {
    return CheckModelCommands.class;
  }

  public Class<? extends ICodeLensService> bindICodeLensService() {
    return CheckCodeLens.class;
  }

  public Class<? extends IRenameService2> bindIRenameService2() {
    return MurphiRenameService.class;
  }

  public Class<? extends IdeContentProposalProvider> bindIdeContentProposalProvider() {
    return MurphiContentProposals.class;
  }
}
