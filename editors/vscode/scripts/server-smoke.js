'use strict';
// Drives the real `ballot lsp` with the JSON-RPC library the extension uses (vscode-jsonrpc): open the bugged
// Two-Phase Commit, check it with the extension's options, and render the counterexample as the extension does.
// Usage: node scripts/server-smoke.js /path/to/ballot-checkout   (not part of npm test: it needs a built ballot.jar)
const { spawn } = require('node:child_process');
const path = require('node:path');
const fs = require('node:fs');
const rpc = require('vscode-jsonrpc/node');
const { checkOptions, traceMarkdown } = require('../lib/commands');

async function main() {
  const root = path.resolve(process.argv[2] || path.join(__dirname, '..', '..', '..'));
  const server = spawn('java', ['-jar', path.join(root, 'cli/target/ballot.jar'), 'lsp'], { stdio: ['pipe', 'pipe', 'inherit'] });
  const conn = rpc.createMessageConnection(new rpc.StreamMessageReader(server.stdout), new rpc.StreamMessageWriter(server.stdin));
  const diagnostics = [];
  let ended;
  const done = new Promise((resolve) => { ended = resolve; });
  conn.onNotification('textDocument/publishDiagnostics', (p) => diagnostics.push(p));
  conn.onRequest('window/workDoneProgress/create', () => null);
  conn.onNotification('$/progress', (p) => { if (p.value.kind === 'end') ended(p.value.message); });
  conn.onNotification('window/logMessage', () => {});
  conn.listen();
  const model = path.join(root, 'protocols/models/two-phase/TwoPhase-bug-commit-on-timeout.m');
  const uri = 'file://' + model;
  await conn.sendRequest('initialize', { processId: process.pid, rootUri: null, capabilities: { window: { workDoneProgress: true }, workspace: { executeCommand: {} } } });
  conn.sendNotification('initialized', {});
  conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'murphi', version: 1, text: fs.readFileSync(model, 'utf8') } });
  const settings = { deadlockDetection: 'stuck' };
  const started = await conn.sendRequest('workspace/executeCommand', { command: 'ballot.checkModel', arguments: [uri, checkOptions((k, d) => (k in settings ? settings[k] : d))] });
  console.log('checkModel:', JSON.stringify(started));
  console.log('progress end:', await done);
  await new Promise((r) => setTimeout(r, 500));
  const violation = diagnostics.flatMap((p) => p.diagnostics).find((d) => d.source === 'ballot check');
  console.log('diagnostic:', violation && `${violation.range.start.line + 1}:${violation.range.start.character + 1} ${violation.message}`);
  const trace = await conn.sendRequest('workspace/executeCommand', { command: 'ballot.showTrace', arguments: [uri] });
  console.log(traceMarkdown(trace));
  await conn.sendRequest('shutdown');
  conn.sendNotification('exit');
  if (!violation || violation.range.start.line !== 119) {
    process.exitCode = 1;
  }
}

main().catch((e) => { console.error(e); process.exit(1); });
