// Tests of the trace viewer's expression evaluator (expr.js) in node, on states shaped like the JSON report's.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const { overTrace, parse } = require('../../main/resources/io/ballot/cli/viewer/expr.js');

const info = {
  constants: [{ name: 'N', value: '2' }],
  types: [
    { name: 'Node', type: { kind: 'scalarset', values: ['Node_1', 'Node_2'] } },
    { name: 'Role', type: { kind: 'enum', values: ['follower', 'leader'] } },
  ],
  variables: [
    { name: 'role', type: { kind: 'array', index: { kind: 'scalarset', name: 'Node', values: ['Node_1', 'Node_2'] },
      element: { kind: 'enum', name: 'Role', values: ['follower', 'leader'] } } },
    { name: 'term', type: { kind: 'range', lo: 0, hi: 3 } },
    { name: 'r', type: { kind: 'record', fields: [{ name: 'v', type: { kind: 'range', lo: 0, hi: 3 } }] } },
  ],
};
const trace = [
  { state: { 'role[Node_1]': 'follower', 'role[Node_2]': 'follower', term: '0', 'r.v': 'Undefined' } },
  { state: { 'role[Node_1]': 'leader', 'role[Node_2]': 'follower', term: '1', 'r.v': '2' } },
  { state: { 'role[Node_1]': 'leader', 'role[Node_2]': 'leader', term: '2', 'r.v': '3' } },
];
const values = (src) => {
  const r = overTrace(src, trace, info);
  assert.equal(r.error, undefined, r.error);
  return r.values;
};

test('quantifiers over a scalarset, enum values, indexing', () => {
  assert.deepEqual(values('exists n: Node do role[n] = leader end'), ['false', 'true', 'true']);
  assert.deepEqual(values('forall n: Node do role[n] = leader end'), ['false', 'false', 'true']);
  assert.deepEqual(values('forall n: Node do forall m: Node do role[n] = leader & role[m] = leader -> n = m end end'),
    ['true', 'true', 'false']);
});

test('arithmetic, constants, comparisons, ranges and the conditional', () => {
  assert.deepEqual(values('term * N + 1'), ['1', '3', '5']);
  assert.deepEqual(values('term % 2 = 0 ? -term : term'), ['0', '1', '-2']);
  assert.deepEqual(values('exists i: 0 .. 3 do i > term & i < N end'), ['true', 'false', 'false']);
  assert.deepEqual(values('!(term >= 1) | term != 2'), ['true', 'true', 'false']);
});

test('undefined values: isundefined, and an error where a value is needed', () => {
  assert.deepEqual(values('isundefined(r.v)'), ['true', 'false', 'false']);
  const r = overTrace('r.v + 1', trace, info);
  assert.deepEqual(r.values, [null, '3', '4']);
  assert.match(r.errors[0], /undefined/);
  assert.deepEqual(values('role'), ['{[Node_1]: follower, [Node_2]: follower}', '{[Node_1]: leader, [Node_2]: follower}',
    '{[Node_1]: leader, [Node_2]: leader}']);
});

test('count(network) counts the messages of the messages view', () => {
  const steps = [
    { state: {}, messages: { networks: [{ network: 'ch', from: 'A', to: 'B', messages: [{ text: 'D(v: 1)' }] },
      { network: 'ch', from: 'B', to: 'A', messages: [{ text: 'D(v: 2)' }, { text: 'D(v: 3)' }] }] } },
    { state: {}, messages: { networks: [{ network: 'ch', from: 'A', to: 'B', messages: [] },
      { network: 'ch', from: 'B', to: 'A', messages: [] }] } },
  ];
  assert.deepEqual(overTrace('count(ch) > 1 ? count(ch) : 0', steps, info).values, ['3', '0']);
  assert.match(overTrace('count(role)', steps, info).errors[0], /not a network/);
});

test('clear messages for what it does not accept', () => {
  assert.match(overTrace('multisetcount(i: m, true)', trace, info).error, /calls .* are not supported/);
  assert.match(overTrace('term := 1', trace, info).error, /':=' assigns/);
  assert.match(overTrace('term +', trace, info).error, /ends too early/);
  assert.match(overTrace('term 1', trace, info).error, /unexpected '1' at column 6/);
  assert.match(overTrace('forall n: Nodes do true end', trace, info).errors[0], /unknown type 'Nodes'/);
  assert.match(overTrace('rolez[Node_1]', trace, info).errors[0], /unknown name 'rolez'/);
  assert.throws(() => parse('term @ 1'), /unexpected character '@'/);
});
