package io.ballot.dsl.ide.server;

import com.google.common.collect.HashMultimap;
import com.google.common.collect.ImmutableList;
import com.google.common.collect.Multimap;
import io.ballot.dsl.ide.check.CheckModelCommands;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.lsp4j.ClientCapabilities;
import org.eclipse.lsp4j.CodeLensOptions;
import org.eclipse.lsp4j.CompletionOptions;
import org.eclipse.lsp4j.ExecuteCommandOptions;
import org.eclipse.lsp4j.RenameOptions;
import org.eclipse.lsp4j.SemanticTokensLegend;
import org.eclipse.lsp4j.SemanticTokensWithRegistrationOptions;
import org.eclipse.lsp4j.ServerCapabilities;
import org.eclipse.lsp4j.SignatureHelpOptions;
import org.eclipse.lsp4j.TextDocumentSyncKind;
import org.eclipse.lsp4j.WorkspaceFoldersOptions;
import org.eclipse.lsp4j.WorkspaceServerCapabilities;
import org.eclipse.lsp4j.jsonrpc.messages.Either;
import org.eclipse.xtext.ide.server.semantictokens.SemanticTokensService;

/**
 * The capabilities Ballot's language server announces, computed without its Guice injector, so that
 * {@code initialize} can be answered while the injector is still being built ({@link EarlyInitialize}). They are
 * what Xtext's {@code LanguageServerImpl.createServerCapabilities} computes from {@code MurphiIdeModule}'s bindings
 * (a code lens service without a resolver, no code actions, folding, rename, the three commands of
 * {@link CheckModelCommands}) and the client's capabilities; {@code EarlyInitializeTest} compares the two for
 * several clients, and the server logs a warning if they ever differ at run time.
 */
public final class StaticCapabilities {
  private StaticCapabilities() {}

  /** The capabilities for a client that declares {@code client} (null: a client that declares none). */
  public static ServerCapabilities of(ClientCapabilities client) {
    ServerCapabilities caps = new ServerCapabilities();
    caps.setHoverProvider(true);
    caps.setDefinitionProvider(true);
    caps.setReferencesProvider(true);
    caps.setDocumentSymbolProvider(true);
    caps.setWorkspaceSymbolProvider(true);
    caps.setCodeLensProvider(new CodeLensOptions(false));
    caps.setCodeActionProvider(false);
    caps.setSignatureHelpProvider(new SignatureHelpOptions(ImmutableList.of("(", ",")));
    caps.setTextDocumentSync(TextDocumentSyncKind.Incremental);
    SemanticTokensService tokens = new SemanticTokensService() {};
    SemanticTokensWithRegistrationOptions semantic = new SemanticTokensWithRegistrationOptions(
        new SemanticTokensLegend(tokens.getTokenTypes(), tokens.getTokenModifiers()));
    semantic.setFull(true);
    semantic.setRange(false);
    caps.setSemanticTokensProvider(semantic);
    CompletionOptions completion = new CompletionOptions();
    completion.setResolveProvider(false);
    completion.setTriggerCharacters(ImmutableList.of("."));
    caps.setCompletionProvider(completion);
    caps.setDocumentFormattingProvider(true);
    caps.setDocumentRangeFormattingProvider(true);
    caps.setDocumentHighlightProvider(true);
    var textDocument = client == null ? null : client.getTextDocument();
    if (textDocument != null && textDocument.getFoldingRange() != null) {
      caps.setFoldingRangeProvider(true);
    }
    var rename = textDocument == null ? null : textDocument.getRename();
    if (rename != null && Boolean.TRUE.equals(rename.getPrepareSupport())) {
      RenameOptions options = new RenameOptions();
      options.setPrepareProvider(true);
      caps.setRenameProvider(Either.forRight(options));
    } else {
      caps.setRenameProvider(Either.forLeft(true));
    }
    var workspace = client == null ? null : client.getWorkspace();
    if (workspace != null && workspace.getWorkspaceFolders() == Boolean.TRUE) {
      WorkspaceFoldersOptions folders = new WorkspaceFoldersOptions();
      folders.setSupported(true);
      folders.setChangeNotifications(true);
      caps.setWorkspace(new WorkspaceServerCapabilities(folders));
    }
    // BallotLanguageServer.initialize declares executeCommand for every client; Xtext lists the commands in the
    // order of a HashMultimap's keys.
    Multimap<String, Boolean> commands = HashMultimap.create();
    for (String command : List.of(CheckModelCommands.CHECK, CheckModelCommands.CANCEL, CheckModelCommands.TRACE)) {
      commands.put(command, true);
    }
    ExecuteCommandOptions execute = new ExecuteCommandOptions();
    execute.setCommands(new ArrayList<>(commands.keySet()));
    caps.setExecuteCommandProvider(execute);
    return caps;
  }
}
