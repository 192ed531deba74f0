'use strict';
const test = require('node:test');
const assert = require('node:assert');
const { serverCommand, checkOptions, traceMarkdown, formattingOptions } = require('../lib/commands');

test('the server command defaults to ballot lsp', () => {
  assert.deepStrictEqual(serverCommand(undefined), { command: 'ballot', args: ['lsp'] });
  assert.deepStrictEqual(serverCommand(['java', '-jar', 'b.jar', 'lsp']), { command: 'java', args: ['-jar', 'b.jar', 'lsp'] });
});

test('check options come from the settings, time limit only when set', () => {
  const settings = { deadlockDetection: 'stuck', maxErrors: 3 };
  const get = (k, d) => (k in settings ? settings[k] : d);
  assert.deepStrictEqual(checkOptions(get), { deadlock: 'stuck', symmetry: 'heuristic', maxErrors: 3 });
  settings.timeLimit = 5;
  assert.strictEqual(checkOptions(get).timeLimit, 5);
});

test('a trace becomes a table of the variables each step changed', () => {
  const md = traceMarkdown({
    kind: 'invariant', property: 'TCConsistent', message: 'invariant "TCConsistent" failed', line: 120,
    steps: [
      { rule: 'startstate "TPInit"', parameters: [], changes: [{ name: 'x', value: '0' }, { name: 'y', value: 'a|b' }] },
      { rule: 'rule "inc"', parameters: ['p = 1'], changes: [{ name: 'x', value: '1' }] },
    ],
  });
  assert.match(md, /^# invariant "TCConsistent"/);
  assert.match(md, /\| 1 \| startstate "TPInit" \| x \| 0 \|/);
  assert.match(md, /\|  \|  \| y \| a\\\|b \|/);
  assert.match(md, /\| 2 \| rule "inc" \(p = 1\) \| x \| 1 \|/);
  assert.strictEqual(traceMarkdown({ message: 'no check yet' }), 'no check yet');
});

test('formatting sends the ballot.format.width setting to the server', () => {
  assert.deepStrictEqual(formattingOptions({ tabSize: 2, insertSpaces: true }, 80),
    { tabSize: 2, insertSpaces: true, 'ballot.format.width': 80 });
  assert.deepStrictEqual(formattingOptions({ tabSize: 4, insertSpaces: false }, 10), { tabSize: 4, insertSpaces: false });
  assert.deepStrictEqual(formattingOptions({ tabSize: 2, insertSpaces: true }, undefined), { tabSize: 2, insertSpaces: true });
});
