// Murphi expressions over the states of a trace, for the trace viewer's "Expression" box (TLA+'s trace explorer):
// parse once, evaluate in each step's state (the JSON report's `state`: designator -> value text). Offline and
// self-contained; also loadable by node for its tests (module.exports). docs/trace-viewer.md lists what it accepts.
(function (root) {
  'use strict';

  const SUPPORTED = 'numbers, true/false, constants, enum and scalarset values, variables with [index] and .field, ' +
    '+ - * / %, = != < <= > >=, ! & | ->, c ? a : b, forall/exists x: T do e end, isundefined(e), count(network)';

  /** A mistake in the user's expression (its message is shown), not a bug of the evaluator. A constructor function,
   * not a class: the page also runs in engines without classes (HtmlUnit's, in the tests). */
  function ExprError(message) {
    this.message = message;
  }
  ExprError.prototype = Object.create(Error.prototype);
  ExprError.prototype.constructor = ExprError;
  ExprError.prototype.name = 'ExprError';

  // --------------------------------------------------------------------------------------------- tokens

  const OPS = ['->', '<=', '>=', '!=', '..', ':=', '==', '=', '<', '>', '+', '-', '*', '/', '%', '&', '|', '!', '(', ')',
    '[', ']', '.', ':', '?', ','];

  function tokenize(src) {
    const out = [];
    let i = 0;
    while (i < src.length) {
      const c = src[i];
      if (/\s/.test(c)) { i++; continue; }
      if (src.startsWith('--', i)) break; // a comment to the end
      const num = /^[0-9]+/.exec(src.slice(i));
      if (num) { out.push({ t: 'num', v: num[0], pos: i }); i += num[0].length; continue; }
      const id = /^[A-Za-z_][A-Za-z0-9_]*/.exec(src.slice(i));
      if (id) { out.push({ t: 'id', v: id[0], pos: i }); i += id[0].length; continue; }
      const op = OPS.find((o) => src.startsWith(o, i));
      if (!op) throw new ExprError('unexpected character \'' + c + '\' at column ' + (i + 1));
      out.push({ t: 'op', v: op, pos: i });
      i += op.length;
    }
    out.push({ t: 'end', v: '', pos: src.length });
    return out;
  }

  // --------------------------------------------------------------------------------------------- parser

  const KW = (tok, word) => tok.t === 'id' && tok.v.toLowerCase() === word;

  function parse(src) {
    const toks = tokenize(src);
    let p = 0;
    const peek = () => toks[p];
    const next = () => toks[p++];
    const at = (tok) => ' at column ' + (tok.pos + 1);
    const isOp = (v) => peek().t === 'op' && peek().v === v;
    const expect = (v) => {
      const tok = next();
      if (tok.t === 'op' && tok.v === v) return tok;
      throw new ExprError('expected \'' + v + '\'' + at(tok) + (tok.t === 'end' ? ' (end of the expression)' : ', not \'' + tok.v + '\''));
    };
    const expectKw = (w) => {
      const tok = next();
      if (!KW(tok, w)) throw new ExprError('expected \'' + w + '\'' + at(tok));
    };

    function conditional() {
      const c = implication();
      if (!isOp('?')) return c;
      next();
      const a = conditional();
      expect(':');
      return { k: 'cond', c, a, b: conditional() };
    }
    function implication() {
      const l = disjunction();
      if (!isOp('->')) return l;
      next();
      return { k: 'bin', op: '->', l, r: implication() };
    }
    function binaryLevel(ops, sub) {
      return function level() {
        let l = sub();
        while (peek().t === 'op' && ops.includes(peek().v)) {
          const op = next().v;
          l = { k: 'bin', op, l, r: sub() };
        }
        return l;
      };
    }
    function negation() {
      if (isOp('!')) { next(); return { k: 'not', e: negation() }; }
      return comparison();
    }
    function comparison() {
      const l = additive();
      if (peek().t === 'op' && ['=', '==', '!=', '<', '<=', '>', '>='].includes(peek().v)) {
        const op = next().v;
        return { k: 'bin', op: op === '==' ? '=' : op, l, r: additive() };
      }
      return l;
    }
    function unary() {
      if (isOp('-')) { next(); return { k: 'neg', e: unary() }; }
      if (isOp('+')) { next(); return unary(); }
      return postfix();
    }
    function postfix() {
      let e = primary();
      for (;;) {
        if (isOp('[')) { next(); const idx = conditional(); expect(']'); e = { k: 'index', base: e, idx }; }
        else if (isOp('.') && toks[p + 1].t === 'id') { next(); e = { k: 'field', base: e, name: next().v }; }
        else return e;
      }
    }
    function quantifier(all) {
      const v = next();
      if (v.t !== 'id') throw new ExprError('expected a name after \'' + (all ? 'forall' : 'exists') + '\'' + at(v));
      expect(':');
      let over;
      if (peek().t === 'id' && !(toks[p + 1].t === 'op' && toks[p + 1].v === '..')) over = { type: next().v };
      else { const lo = additive(); expect('..'); over = { lo, hi: additive() }; }
      expectKw('do');
      const body = conditional();
      expectKw('end');
      return { k: 'quant', all, name: v.v, over, body };
    }
    function primary() {
      const tok = next();
      if (tok.t === 'num') return { k: 'num', v: Number(tok.v) };
      if (tok.t === 'op' && tok.v === '(') { const e = conditional(); expect(')'); return e; }
      if (tok.t === 'id') {
        const w = tok.v.toLowerCase();
        if (w === 'true' || w === 'false') return { k: 'bool', v: w === 'true' };
        if (w === 'forall' || w === 'exists') return quantifier(w === 'forall');
        if (w === 'isundefined') { expect('('); const e = conditional(); expect(')'); return { k: 'isundef', e }; }
        if (w === 'count' && isOp('(')) {
          next();
          const net = next();
          if (net.t !== 'id') throw new ExprError('count takes a network\'s name' + at(net));
          expect(')');
          return { k: 'count', net: net.v };
        }
        if (isOp('(')) throw new ExprError('calls (' + tok.v + '(...)) are not supported in the viewer; it evaluates ' + SUPPORTED);
        return { k: 'name', v: tok.v, pos: tok.pos };
      }
      if (tok.t === 'op' && tok.v === ':=') throw new ExprError('\':=\' assigns; compare with \'=\'' + at(tok));
      throw new ExprError(tok.t === 'end' ? 'the expression ends too early' : 'unexpected \'' + tok.v + '\'' + at(tok));
    }
    const multiplicative = binaryLevel(['*', '/', '%'], unary);
    const additive = binaryLevel(['+', '-'], multiplicative);
    const conjunction = binaryLevel(['&'], negation);
    const disjunction = binaryLevel(['|'], conjunction);
    const e = conditional();
    if (isOp(':=')) throw new ExprError('\':=\' assigns; compare with \'=\'' + at(peek()));
    if (peek().t !== 'end') throw new ExprError('unexpected \'' + peek().v + '\'' + at(peek()) + ' (is an operator missing?)');
    return e;
  }

  // --------------------------------------------------------------------------------------------- evaluation

  /** Values: {num}, {bool}, {sym} (an enum or scalarset value), {undef}, {ref} (a variable or part of one). */
  function leafValue(text) {
    if (text === 'true' || text === 'false') return { bool: text === 'true' };
    if (/^-?[0-9]+$/.test(text)) return { num: Number(text) };
    if (text === 'Undefined' || text === 'undefined') return { undef: true };
    return { sym: text };
  }

  function show(v) {
    if (v.num !== undefined) return String(v.num);
    if (v.bool !== undefined) return String(v.bool);
    if (v.sym !== undefined) return v.sym;
    if (v.undef) return 'Undefined';
    return v.ref;
  }

  /**
   * A model's names for the evaluator: constants, the values of enum and scalarset types, named types (for
   * quantifiers), variable names. From the report's modelInfo (absent in old or gated reports: then any name that
   * starts a state designator is a variable and any other name is taken as a value).
   */
  function scope(modelInfo) {
    const info = modelInfo || {};
    const constants = new Map((info.constants || []).map((c) => [c.name, leafValue(c.value)]));
    const types = new Map((info.types || []).map((t) => [t.name, t.type]));
    types.set('boolean', { kind: 'boolean' });
    const values = new Set();
    const addValues = (t) => {
      if (!t) return;
      if (t.values) t.values.forEach((v) => values.add(v));
      if (t.kind === 'array') { addValues(t.index); addValues(t.element); }
      if (t.kind === 'record') t.fields.forEach((f) => addValues(f.type));
      if (t.kind === 'multiset') addValues(t.element);
    };
    types.forEach(addValues);
    (info.variables || []).forEach((v) => addValues(v.type));
    const variables = new Set((info.variables || []).map((v) => v.name));
    return { constants, types, values, variables, hasInfo: !!modelInfo };
  }

  function evaluate(ast, state, sc, messages) {
    const keys = Object.keys(state);
    const has = (prefix) => keys.some((k) => k.startsWith(prefix) && '[.{'.includes(k.charAt(prefix.length)));
    const deref = (v) => {
      if (v.ref === undefined) return v;
      if (Object.prototype.hasOwnProperty.call(state, v.ref)) return leafValue(state[v.ref]);
      if (has(v.ref)) return v; // an array, record or multiset: compared as a whole
      throw new ExprError(v.ref + ' is not in this state');
    };
    const num = (v, what) => {
      v = deref(v);
      if (v.num !== undefined) return v.num;
      throw new ExprError(what + ' needs a number, not ' + (v.undef ? 'an undefined value' : show(v)));
    };
    const bool = (v, what) => {
      v = deref(v);
      if (v.bool !== undefined) return v.bool;
      throw new ExprError(what + ' needs a boolean, not ' + (v.undef ? 'an undefined value' : show(v)));
    };
    const same = (a, b) => {
      a = deref(a); b = deref(b);
      if (a.ref !== undefined || b.ref !== undefined) {
        if (a.ref === undefined || b.ref === undefined) throw new ExprError('cannot compare ' + show(a) + ' with ' + show(b));
        const sub = (r) => keys.filter((k) => k.startsWith(r) && '[.{'.includes(k.charAt(r.length)))
          .map((k) => k.slice(r.length) + '=' + state[k]).sort().join(',');
        return sub(a.ref) === sub(b.ref);
      }
      if (a.undef || b.undef) throw new ExprError('comparing an undefined value (use isundefined)');
      return show(a) === show(b);
    };
    const typeValues = (name) => {
      const t = sc.types.get(name);
      if (!t) throw new ExprError('unknown type \'' + name + '\' (quantify over a named type or a range lo..hi)');
      if (t.kind === 'boolean') return [{ bool: false }, { bool: true }];
      if (t.kind === 'range') return Array.from({ length: t.hi - t.lo + 1 }, (_, i) => ({ num: t.lo + i }));
      if (t.values) return t.values.map((x) => leafValue(x));
      throw new ExprError('cannot quantify over type \'' + name + '\' (' + t.kind + ')');
    };
    function ev(e, env) {
      switch (e.k) {
        case 'num': return { num: e.v };
        case 'bool': return { bool: e.v };
        case 'name': {
          if (env.has(e.v)) return env.get(e.v);
          if (sc.variables.has(e.v) || Object.prototype.hasOwnProperty.call(state, e.v) || has(e.v)) return { ref: e.v };
          if (sc.constants.has(e.v)) return sc.constants.get(e.v);
          if (sc.values.has(e.v) || !sc.hasInfo) return { sym: e.v };
          throw new ExprError('unknown name \'' + e.v + '\' (not a variable, constant or value of this model)');
        }
        case 'index': {
          const base = ev(e.base, env);
          if (base.ref === undefined) throw new ExprError('only a variable can be indexed, not ' + show(base));
          const idx = deref(ev(e.idx, env));
          if (idx.ref !== undefined || idx.undef) throw new ExprError('an index must be a simple defined value');
          return { ref: base.ref + '[' + show(idx) + ']' };
        }
        case 'field': {
          const base = ev(e.base, env);
          if (base.ref === undefined) throw new ExprError('only a record has fields, not ' + show(base));
          return { ref: base.ref + '.' + e.name };
        }
        case 'count': {
          const queues = ((messages && messages.networks) || []).filter((c) => c.network === e.net);
          if (!queues.length) throw new ExprError('\'' + e.net + '\' is not a network of this model (count takes a network)');
          return { num: queues.reduce((n, c) => n + c.messages.length, 0) };
        }
        case 'neg': return { num: -num(ev(e.e, env), '-') };
        case 'not': return { bool: !bool(ev(e.e, env), '!') };
        case 'isundef': {
          const v = ev(e.e, env);
          if (v.ref !== undefined && !Object.prototype.hasOwnProperty.call(state, v.ref) && !has(v.ref)) return { bool: true };
          return { bool: !!deref(v).undef };
        }
        case 'cond': return bool(ev(e.c, env), '?:') ? ev(e.a, env) : ev(e.b, env);
        case 'quant': {
          let values;
          if (e.over.type !== undefined) values = typeValues(e.over.type);
          else {
            const lo = num(ev(e.over.lo, env), '..'), hi = num(ev(e.over.hi, env), '..');
            values = Array.from({ length: Math.max(0, hi - lo + 1) }, (_, i) => ({ num: lo + i }));
          }
          for (const v of values) {
            const inner = new Map(env);
            inner.set(e.name, v);
            const b = bool(ev(e.body, inner), e.all ? 'forall' : 'exists');
            if (b !== e.all) return { bool: b };
          }
          return { bool: e.all };
        }
        case 'bin': {
          const op = e.op;
          if (op === '&') return { bool: bool(ev(e.l, env), '&') && bool(ev(e.r, env), '&') };
          if (op === '|') return { bool: bool(ev(e.l, env), '|') || bool(ev(e.r, env), '|') };
          if (op === '->') return { bool: !bool(ev(e.l, env), '->') || bool(ev(e.r, env), '->') };
          if (op === '=') return { bool: same(ev(e.l, env), ev(e.r, env)) };
          if (op === '!=') return { bool: !same(ev(e.l, env), ev(e.r, env)) };
          const a = num(ev(e.l, env), op), b = num(ev(e.r, env), op);
          switch (op) {
            case '<': return { bool: a < b };
            case '<=': return { bool: a <= b };
            case '>': return { bool: a > b };
            case '>=': return { bool: a >= b };
            case '+': return { num: a + b };
            case '-': return { num: a - b };
            case '*': return { num: a * b };
            case '/': if (b === 0) throw new ExprError('division by zero'); return { num: Math.trunc(a / b) };
            case '%': if (b === 0) throw new ExprError('division by zero'); return { num: a % b };
            default: throw new ExprError('operator ' + op + ' is not supported');
          }
        }
        default: throw new ExprError('not supported: ' + e.k);
      }
    }
    const v = deref(ev(ast, new Map()));
    return v.ref !== undefined ? '{' + keys.filter((k) => k.startsWith(v.ref) && '[.{'.includes(k.charAt(v.ref.length)))
      .map((k) => k.slice(v.ref.length) + ': ' + state[k]).join(', ') + '}' : show(v);
  }

  /**
   * Evaluates SOURCE in every state of TRACE (steps with `state`): {values: [text or null], errors: [text or null]}
   * one per step, or {error} when SOURCE does not parse.
   */
  function overTrace(source, trace, modelInfo) {
    let ast;
    try {
      ast = parse(source);
    } catch (e) {
      if (e instanceof ExprError) return { error: e.message };
      throw e;
    }
    const sc = scope(modelInfo);
    const values = [], errors = [];
    trace.forEach((step) => {
      try {
        values.push(evaluate(ast, step.state || {}, sc, step.messages));
        errors.push(null);
      } catch (e) {
        if (!(e instanceof ExprError)) throw e;
        values.push(null);
        errors.push(e.message);
      }
    });
    return { values, errors };
  }

  const api = { parse, overTrace, ExprError, SUPPORTED };
  if (typeof module !== 'undefined' && module.exports) module.exports = api;
  else root.BallotExpr = api;
})(typeof window !== 'undefined' ? window : this);
