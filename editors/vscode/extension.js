'use strict';
// Ballot for VS Code: starts `ballot lsp` (the Murphi language server) and adds the Check model commands.
const vscode = require('vscode');
const { LanguageClient } = require('vscode-languageclient/node');
const { serverCommand, checkOptions, traceMarkdown, formattingOptions } = require('./lib/commands');

let client;

function createClient() {
  const { command, args } = serverCommand(vscode.workspace.getConfiguration('ballot').get('server.command'));
  const serverOptions = { command, args };
  const clientOptions = {
    documentSelector: [{ scheme: 'file', language: 'murphi' }, { scheme: 'untitled', language: 'murphi' }],
    middleware: {
      // Code lenses run the server's commands directly; show what "Show counterexample" returns.
      executeCommand: async (command, args, next) => {
        const result = await next(command, args);
        if (command === 'ballot.showTrace') {
          await showTrace(result);
        } else if (command === 'ballot.checkModel') {
          reportStart(result);
        }
        return result;
      },
      // The client drops formatting options it does not know, so send the request with the wrap width ourselves.
      provideDocumentFormattingEdits: (document, options, token) => format(document, options, token),
      provideDocumentRangeFormattingEdits: (document, range, options, token) => format(document, options, token),
    },
  };
  return new LanguageClient('ballot', 'Ballot (Murphi)', serverOptions, clientOptions);
}

/** Formats the whole document (the server does so for a range too) at the ballot.format.width setting. */
async function format(document, options, token) {
  const width = vscode.workspace.getConfiguration('ballot.format').get('width');
  const params = {
    textDocument: client.code2ProtocolConverter.asTextDocumentIdentifier(document),
    options: formattingOptions(options, width),
  };
  const edits = await client.sendRequest('textDocument/formatting', params, token);
  return client.protocol2CodeConverter.asTextEdits(edits);
}

async function showTrace(trace) {
  const doc = await vscode.workspace.openTextDocument({ language: 'markdown', content: traceMarkdown(trace) });
  await vscode.window.showTextDocument(doc, { viewColumn: vscode.ViewColumn.Beside, preview: true });
}

function reportStart(result) {
  if (result && result.status === 'rejected') {
    vscode.window.showErrorMessage(`Ballot: ${result.message}`);
  }
}

function activeModel() {
  const editor = vscode.window.activeTextEditor;
  if (!editor || editor.document.languageId !== 'murphi') {
    vscode.window.showWarningMessage('Ballot: open a Murphi model (.m) first.');
    return undefined;
  }
  return editor.document.uri.toString();
}

async function run(command, args) {
  return client.sendRequest('workspace/executeCommand', { command, arguments: args });
}

async function activate(context) {
  client = createClient();
  const settings = () => vscode.workspace.getConfiguration('ballot.check');
  context.subscriptions.push(
    vscode.commands.registerCommand('murphi.checkModel', async () => {
      const uri = activeModel();
      if (uri) {
        await vscode.window.activeTextEditor.document.save();
        reportStart(await run('ballot.checkModel', [uri, checkOptions((k, d) => settings().get(k, d))]));
      }
    }),
    vscode.commands.registerCommand('murphi.cancelCheck', async () => {
      const uri = activeModel();
      if (uri) {
        await run('ballot.cancelCheck', [uri]);
      }
    }),
    vscode.commands.registerCommand('murphi.showTrace', async () => {
      const uri = activeModel();
      if (uri) {
        await showTrace(await run('ballot.showTrace', [uri]));
      }
    }),
    vscode.commands.registerCommand('murphi.restartServer', async () => {
      await client.restart();
    })
  );
  await client.start();
}

async function deactivate() {
  if (client) {
    await client.stop();
  }
}

module.exports = { activate, deactivate };
