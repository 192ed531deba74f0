// Ballot trace viewer: renders the JSON report embedded in this page (docs/trace-format.md) as a summary, then per
// violation a step list, a state table and a swimlane view. Plain JavaScript, no dependencies, no network.
(function () {
  'use strict';

  const started = performance.now();
  const report = JSON.parse(document.getElementById('ballot-data').textContent);
  const app = document.getElementById('app');
  const views = []; // one per violation
  let active = null; // the violation view the keyboard drives
  const timings = []; // per violation view: milliseconds spent in each part of the first rendering

  // ----------------------------------------------------------------------------------------------- helpers

  function esc(s) {
    return String(s == null ? '' : s).replace(/[&<>"']/g, (c) =>
      ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]);
  }

  function el(tag, attrs, html) {
    const e = document.createElement(tag);
    for (const k in attrs || {}) {
      if (attrs[k] != null) e.setAttribute(k, attrs[k]);
    }
    if (html != null) e.innerHTML = html;
    return e;
  }

  /** The results in the report: one model's, or each checked model's in the report of several (models[].result). */
  function resultsOf(data) {
    if (data && data.verdict) return [data];
    return ((data && data.models) || []).map((m) => m && m.result).filter((r) => r && r.verdict);
  }

  /** A designator split into its parts: 'a[x].f{0}' -> [{k:'name',v:'a'}, {k:'index',v:'x'}, {k:'field',v:'f'}, {k:'slot',v:'0'}]. */
  function parseDesignator(name) {
    const parts = [];
    const re = /([A-Za-z_][A-Za-z0-9_]*)|\[([^\]]*)\]|\.([A-Za-z_][A-Za-z0-9_]*)|\{(\d+)\}/g;
    let m;
    while ((m = re.exec(name))) {
      if (m[1] !== undefined && parts.length === 0) parts.push({ k: 'name', v: m[1] });
      else if (m[2] !== undefined) parts.push({ k: 'index', v: m[2] });
      else if (m[3] !== undefined) parts.push({ k: 'field', v: m[3] });
      else if (m[4] !== undefined) parts.push({ k: 'slot', v: m[4] });
    }
    return parts;
  }

  function partText(p) {
    return p.k === 'name' ? p.v : p.k === 'index' ? '[' + p.v + ']' : p.k === 'field' ? '.' + p.v : '{' + p.v + '}';
  }

  const UNDEF = 'Undefined';
  const isUndef = (v) => v === UNDEF || v === 'undefined';

  /** 'dir/m.m:12:3' with lines [12, 20] -> 'm.m lines 12–20'. */
  function shortLocation(location, lines) {
    const m = /^(.*?):(\d+):(\d+)$/.exec(location || '');
    if (!m) return location || '';
    const file = m[1].split(/[\\/]/).pop();
    return file + (lines && lines[1] > lines[0] ? ' lines ' + lines[0] + '–' + lines[1] : ' line ' + m[2]);
  }

  /** 'file:12:3' -> 12, or null. */
  function lineOf(location) {
    const m = /:(\d+):(\d+)$/.exec(location || '');
    return m ? Number(m[1]) : null;
  }

  // ----------------------------------------------------------------------------------------------- model types

  /** Type facts of a result: variable types, lane types, rule parameter types (all optional in old reports). */
  function modelFacts(result) {
    const info = result.modelInfo || {};
    const variables = new Map((info.variables || []).map((v) => [v.name, v.type]));
    const rules = info.rules || [];
    const typeKey = (t) => t && (t.name || (t.kind === 'range' ? t.lo + '..' + t.hi : t.kind === 'enum' ? '{' + t.values.join(',') + '}' : null));
    const valuesOf = (t) => t.values ? t.values.slice() : t.kind === 'range'
      ? Array.from({ length: Math.min(64, t.hi - t.lo + 1) }, (_, i) => String(t.lo + i)) : [];
    // Types used as array indices and as rule parameters.
    const indexTypes = new Map();
    const walk = (t) => {
      if (!t) return;
      if (t.kind === 'array') { indexTypes.set(typeKey(t.index), t.index); walk(t.element); }
      else if (t.kind === 'record') t.fields.forEach((f) => walk(f.type));
      else if (t.kind === 'multiset') walk(t.element);
    };
    variables.forEach(walk);
    const paramTypes = new Map();
    rules.forEach((r) => (r.parameters || []).forEach((p) => p.type && paramTypes.set(typeKey(p.type), p.type)));
    const laneTypes = new Map();
    const scalarsets = (map) => map.forEach((t, k) => { if (t.kind === 'scalarset' && k) laneTypes.set(k, t); });
    scalarsets(indexTypes);
    scalarsets(paramTypes);
    (info.types || []).forEach((d) => { if (d.type.kind === 'scalarset') laneTypes.set(d.name, d.type); });
    if (laneTypes.size === 0) {
      // No scalarsets: a process index is a range or enum that is both a ruleset parameter and an array index.
      indexTypes.forEach((t, k) => { if (k && paramTypes.has(k) && (t.kind === 'range' || t.kind === 'enum')) laneTypes.set(k, t); });
    }
    const lanes = [];
    // A scalarset value names itself (Server_1); a range or enum value gets its type's name (pid 0).
    laneTypes.forEach((t, k) => valuesOf(t).forEach((v) => lanes.push({ id: k + ':' + v, type: k, value: v, kind: 'process',
      label: t.kind === 'scalarset' ? v : k + ' ' + v })));
    return { info, variables, rules, typeKey, laneTypes, lanes, hasInfo: !!result.modelInfo };
  }

  /** Guesses lanes from scalarset-looking values (Name_1) when the report has no modelInfo. */
  function guessLanes(facts, trace) {
    if (facts.hasInfo || facts.lanes.length) return;
    const seen = new Map();
    const add = (v) => {
      const m = /^([A-Za-z][A-Za-z0-9_]*)_(\d+)$/.exec(v);
      if (!m) return;
      if (!seen.has(m[1])) seen.set(m[1], new Set());
      seen.get(m[1]).add(v);
    };
    trace.forEach((s) => {
      (s.parameters || []).forEach((p) => add(p.split(': ').slice(1).join(': ')));
      Object.keys(s.state || {}).forEach((n) => parseDesignator(n).forEach((p) => p.k === 'index' && add(p.v)));
    });
    seen.forEach((vals, k) => {
      facts.laneTypes.set(k, { kind: 'scalarset', name: k });
      Array.from(vals).sort((a, b) => Number(a.split('_').pop()) - Number(b.split('_').pop()))
        .forEach((v) => facts.lanes.push({ id: k + ':' + v, type: k, value: v, kind: 'process', label: v }));
    });
  }

  /**
   * What a leaf designator says about lanes: the lanes of its indices whose type is a lane type, the type of the
   * leaf, and the lane-typed fields on its path.
   */
  function leafFacts(facts, name) {
    const parts = parseDesignator(name);
    const lanes = [];
    let t = parts.length ? facts.variables.get(parts[0].v) : null;
    let slotAt = -1;
    for (let i = 1; i < parts.length; i++) {
      const p = parts[i];
      if (!t) {
        if (p.k === 'slot') slotAt = i;
        if (p.k === 'index' && !facts.hasInfo) {
          const m = /^([A-Za-z][A-Za-z0-9_]*)_(\d+)$/.exec(p.v);
          if (m && facts.laneTypes.has(m[1])) lanes.push(m[1] + ':' + p.v);
        }
        continue;
      }
      if (p.k === 'index' && t.kind === 'array') {
        const k = facts.typeKey(t.index);
        if (k && facts.laneTypes.has(k)) lanes.push(k + ':' + p.v);
        t = t.element;
      } else if (p.k === 'field' && t.kind === 'record') {
        const f = t.fields.find((x) => x.name === p.v);
        t = f ? f.type : null;
      } else if (p.k === 'slot' && t.kind === 'multiset') {
        slotAt = i;
        t = t.element;
      } else {
        t = null;
      }
    }
    const leafType = t;
    const laneValueType = leafType && facts.laneTypes.has(facts.typeKey(leafType)) ? facts.typeKey(leafType) : null;
    return { parts, lanes, leafType, laneValueType, slotAt };
  }

  // ----------------------------------------------------------------------------------------------- trace analysis

  /**
   * Everything the views need from one counterexample: leaves in order, values per step, changes per step, lanes
   * each step touched, and messages found in multisets or in arrays of records with process-typed fields.
   */
  function analyse(result, violation) {
    const trace = violation.trace || [];
    const facts = modelFacts(result);
    guessLanes(facts, trace);
    const laneById = new Map(facts.lanes.map((l) => [l.id, l]));
    // Leaves: union over steps (multiset slots come and go), first-seen order.
    const leafIndex = new Map();
    const leaves = [];
    // With networks (the report's messages view), a network is one row per network (or queue) listing its
    // messages, not the leaves of its encoding.
    const netView = trace.some((s) => s.messages);
    const networkNames = netView ? Array.from(new Set(trace.flatMap((s) => (s.messages ? s.messages.networks : []).map((n) => n.network)))) : [];
    const encodes = (n) => networkNames.some((v) => n.startsWith(v) && (n.length === v.length || '[.{'.includes(n.charAt(v.length))));
    trace.forEach((s) => Object.keys(s.state || {}).forEach((n) => {
      if (!leafIndex.has(n) && !encodes(n)) { leafIndex.set(n, leaves.length); leaves.push({ name: n, ...leafFacts(facts, n) }); }
    }));
    trace.forEach((s) => ((s.messages && s.messages.networks) || []).forEach((c) => {
      if (!leafIndex.has(c.label)) {
        leafIndex.set(c.label, leaves.length);
        leaves.push({ name: c.label, parts: [{ k: 'name', v: c.label }], lanes: [], leafType: null, laneValueType: null, slotAt: -1, network: true });
      }
    }));
    const value = (s, leaf) => {
      if (leaf.network) {
        const c = trace[s].messages && trace[s].messages.networks.find((x) => x.label === leaf.name);
        return c ? c.text : null;
      }
      const v = trace[s].state ? trace[s].state[leaf.name] : undefined;
      return v === undefined ? null : v; // null: absent (an empty multiset slot)
    };
    const values = leaves.map((leaf) => trace.map((_, s) => value(s, leaf)));
    const changed = leaves.map((leaf, i) => trace.map((_, s) => s > 0 && values[i][s] !== values[i][s - 1]));
    const changesAt = trace.map((_, s) => leaves.map((_, i) => i).filter((i) => changed[i][s]));

    // Which rule each step fired (for parameter types and source lines).
    const ruleOf = (step) => facts.rules.find((r) => r.name === step.rule && (!step.location || r.location === step.location))
      || facts.rules.find((r) => r.name === step.rule) || null;
    const paramLanes = trace.map((step) => {
      const rule = ruleOf(step);
      const out = [];
      (step.parameters || []).forEach((p, i) => {
        const cut = p.indexOf(': ');
        const name = cut < 0 ? p : p.slice(0, cut);
        const v = cut < 0 ? '' : p.slice(cut + 2);
        let key = null;
        const decl = rule && (rule.parameters || []).find((q) => q.name === name);
        if (decl && decl.type) key = facts.typeKey(decl.type);
        if (key && facts.laneTypes.has(key)) { if (laneById.has(key + ':' + v)) out.push(key + ':' + v); return; }
        if (!decl) { // no type information: any lane type with that value
          facts.lanes.forEach((l) => { if (l.value === v && !out.includes(l.id)) out.push(l.id); });
        }
      });
      return out;
    });
    const GLOBAL = 'global';
    const messages = netView ? messagesFromEvents(facts, trace, paramLanes)
      : findMessages(facts, trace, leaves, values, paramLanes, laneById);
    const inMessage = new Set(messages.flatMap((m) => m.leaves || []));
    const touched = trace.map((_, s) => {
      const set = new Set(paramLanes[s]);
      // With networks: the lanes of the process that fired the step and of those it sent to or received from,
      // not every array index it touched.
      if (!netView) changesAt[s].forEach((i) => leaves[i].lanes.forEach((l) => set.add(l)));
      else messages.forEach((m) => {
        if (m.from === s && m.dst) set.add(m.dst);
        if (m.to === s && m.src) set.add(m.src);
      });
      messages.forEach((m) => {
        if (m.from === s && m.src) set.add(m.src);
        if (m.to === s && m.dst) set.add(m.dst);
      });
      const ids = facts.lanes.map((l) => l.id).filter((id) => set.has(id));
      // A change outside every process's variables (and outside the messages) puts the step on the global lane.
      const global = changesAt[s].some((i) => leaves[i].lanes.length === 0 && !inMessage.has(i) && !leaves[i].network);
      if (ids.length === 0 || global) ids.push(GLOBAL);
      return ids;
    });
    return { trace, facts, leaves, values, changed, changesAt, touched, messages, ruleOf, GLOBAL, paramLanes, netView };
  }

  /**
   * Messages from the report's messages view: a sent (or duplicated) message is an arrow from the sending step on
   * the sender's lane to the step that received (or lost) it on the receiver's lane; still in flight at the end:
   * dashed. Sender and receiver: an ordered network's queue, else the message's src/dst-like fields, else the
   * steps' parameters. A set network keeps its messages: each receive is an arrow of its own.
   */
  function messagesFromEvents(facts, trace, paramLanes) {
    const laneOf = (v) => { const l = facts.lanes.find((x) => x.value === v); return l ? l.id : null; };
    const fieldLane = (fields, re) => {
      for (const k of Object.keys(fields || {})) if (re.test(k)) { const l = laneOf(fields[k]); if (l) return l; }
      return null;
    };
    const out = [];
    const pending = [];
    trace.forEach((step, s) => {
      if (!step.messages || s === 0) return;
      step.messages.events.forEach((e) => {
        const key = e.network + '|' + (e.from || '') + '|' + (e.to || '') + '|' + e.message.text;
        const base = { container: e.network, kind: e.message.kind, content: e.message.text };
        if (e.action === 'sent' || e.action === 'duplicated') {
          // a step without process parameters (the TM of two-phase commit) sends from the global lane
          const src = (e.from && laneOf(e.from)) || fieldLane(e.message.fields, SRC) || paramLanes[s][0] || 'global';
          const dst = (e.to && laneOf(e.to)) || fieldLane(e.message.fields, DST);
          pending.push({ ...base, key, from: s, to: null, src, dst, action: e.action });
          return;
        }
        const i = pending.findIndex((m) => m.key === key);
        if (i < 0) return;
        const m = pending[i];
        const receiver = m.dst || paramLanes[s].find((l) => l !== m.src) || paramLanes[s][0] || 'global';
        const kept = (step.messages.networks || []).some((c) => c.network === e.network && (c.from || '') === (e.from || '')
          && (c.to || '') === (e.to || '') && c.messages.some((x) => x.text === e.message.text));
        if (e.action === 'received' && kept) { m.received = true; out.push({ ...m, to: s, dst: receiver }); return; }
        pending.splice(i, 1);
        out.push({ ...m, to: s, dst: receiver, lost: e.action !== 'received' });
      });
    });
    pending.filter((m) => !m.received && m.dst).forEach((m) => out.push(m));
    return out.sort((a, b) => a.from - b.from);
  }

  const SRC = /^(src|source|from|sender|snd)$/i;
  const DST = /^(dst|dest|destination|to|receiver|rcv|target)$/i;

  /**
   * Messages: an element that appears in a multiset (or a record cell of an array that goes from undefined to
   * defined) is sent at that step and received where it disappears again. Sender and receiver come from fields
   * holding process values (src/dst-like names first), then from an index of the container, then from the lanes of
   * the sending and receiving steps' parameters.
   */
  function findMessages(facts, trace, leaves, values, paramLanes, laneById) {
    // Group leaves into elements: multiset slots ('net{2}'), or records in arrays indexed by a process type.
    const groups = new Map();
    leaves.forEach((leaf, i) => {
      let cut = -1;
      if (leaf.slotAt > 0) cut = leaf.slotAt;
      else if (facts.hasInfo) {
        // a record (with a process-typed field) that is an element of an array indexed by a process type
        let t = facts.variables.get(leaf.parts[0].v);
        for (let j = 1; j < leaf.parts.length && t; j++) {
          const p = leaf.parts[j];
          if (p.k === 'index' && t.kind === 'array') {
            const isProc = facts.laneTypes.has(facts.typeKey(t.index));
            t = t.element;
            if (isProc && t && t.kind === 'record'
              && t.fields.some((f) => facts.laneTypes.has(facts.typeKey(f.type)))) { cut = j; break; }
          } else if (p.k === 'field' && t.kind === 'record') {
            const f = t.fields.find((x) => x.name === p.v); t = f && f.type;
          } else t = null;
        }
      }
      if (cut < 0) return;
      const elementKey = leaf.parts.slice(0, cut + 1).map(partText).join('');
      const container = leaf.parts.slice(0, leaf.slotAt > 0 ? cut : cut + 1).map(partText).join('');
      if (!groups.has(elementKey)) groups.set(elementKey, { container, parts: leaf.parts.slice(0, cut + 1), leaves: [], multiset: leaf.slotAt > 0 });
      groups.get(elementKey).leaves.push(i);
    });
    if (!groups.size) return [];
    const contentAt = (g, s) => {
      const vals = g.leaves.map((i) => values[i][s]);
      if (vals.every((v) => v === null || isUndef(v))) return null;
      return g.leaves.map((i) => leaves[i].parts.slice(g.parts.length).map(partText).join('') + '=' + values[i][s]).join(', ');
    };
    const endpoints = (g, s) => {
      let src = null; let dst = null; const others = [];
      g.leaves.forEach((i) => {
        const leaf = leaves[i];
        const v = values[i][s];
        if (!leaf.laneValueType || v === null || isUndef(v)) return;
        const id = leaf.laneValueType + ':' + v;
        const field = leaf.parts[leaf.parts.length - 1];
        if (field.k === 'field' && SRC.test(field.v) && !src) src = id;
        else if (field.k === 'field' && DST.test(field.v) && !dst) dst = id;
        else others.push(id);
      });
      const containerLanes = leaves[g.leaves[0]].lanes;
      if (!dst && containerLanes.length) dst = containerLanes[containerLanes.length - 1];
      if (!src && others.length) src = others.shift();
      if (!dst && others.length) dst = others.shift();
      return { src, dst };
    };
    // Per container: elements present at each step, as a multiset of contents.
    const containers = new Map();
    groups.forEach((g) => {
      if (!containers.has(g.container)) containers.set(g.container, []);
      containers.get(g.container).push(g);
    });
    const messages = [];
    containers.forEach((gs, container) => {
      const pending = []; // sent, not yet received: {content, from step, src, dst}
      for (let s = 0; s < trace.length; s++) {
        const now = new Map();
        gs.forEach((g) => {
          const c = contentAt(g, s);
          if (c !== null) {
            if (!now.has(c)) now.set(c, []);
            now.get(c).push(g);
          }
        });
        // receives: pending contents with fewer copies now
        const counts = new Map();
        now.forEach((list, c) => counts.set(c, list.length));
        const kept = [];
        const seen = new Map();
        pending.forEach((m) => {
          const n = (seen.get(m.content) || 0) + 1;
          seen.set(m.content, n);
          if (n > (counts.get(m.content) || 0)) {
            m.to = s;
            if (!m.dst) m.dst = paramLanes[s].find((l) => l !== m.src) || null;
            messages.push(m);
          } else kept.push(m);
        });
        // sends: contents with more copies now than pending
        const pendingCount = new Map();
        kept.forEach((m) => pendingCount.set(m.content, (pendingCount.get(m.content) || 0) + 1));
        now.forEach((list, c) => {
          for (let k = pendingCount.get(c) || 0; k < list.length; k++) {
            const e = endpoints(list[k], s);
            const m = { container, content: c, from: s, to: null, src: e.src, dst: e.dst, leaves: list[k].leaves };
            if (!m.src) m.src = paramLanes[s].find((l) => l !== m.dst) || null;
            kept.push(m);
          }
        });
        pending.length = 0;
        pending.push(...kept);
      }
      pending.forEach((m) => messages.push(m)); // in flight at the end of the trace
    });
    return messages.filter((m) => m.from > 0 || m.to !== null).filter((m) => !m.src || laneById.has(m.src))
      .sort((a, b) => a.from - b.from);
  }

  // ----------------------------------------------------------------------------------------------- source panel

  let sourcePanel = null;

  function renderSource(result, index) {
    const text = result.modelInfo && result.modelInfo.source;
    if (text == null) return null;
    const details = el('details', { class: 'source-panel', id: 'source-' + index, open: '' });
    details.appendChild(el('summary', null, 'Model source <span class="hint">' + esc(result.model || '') + '</span>'));
    const lines = text.split('\n');
    if (lines.length && lines[lines.length - 1] === '') lines.pop();
    const html = lines.map((l, i) => '<span class="line" id="r' + index + '-L' + (i + 1) + '"><span class="ln">' + (i + 1) + '</span>' + esc(l) + '</span>').join('');
    details.appendChild(el('pre', { class: 'source' }, html));
    return details;
  }

  /** Highlights lines [from, to] of result {@code r}'s source and scrolls them into view. */
  function showSource(r, from, to, cls) {
    const pre = document.querySelector('#source-' + r + ' pre.source');
    if (!pre) return;
    pre.parentElement.open = true;
    pre.querySelectorAll('.line.' + cls).forEach((x) => x.classList.remove(cls));
    for (let l = from; l <= (to || from); l++) {
      const line = document.getElementById('r' + r + '-L' + l);
      if (line) line.classList.add(cls);
    }
    const first = document.getElementById('r' + r + '-L' + from);
    if (first) {
      pre.scrollTop = Math.max(0, first.offsetTop - pre.offsetTop - 40);
      pre.parentElement.scrollIntoView({ block: 'nearest' });
    }
  }

  function sourceLines(result, lines) {
    const text = result.modelInfo && result.modelInfo.source;
    if (text == null || !lines) return null;
    const all = text.split('\n');
    return all.slice(lines[0] - 1, Math.min(lines[1], lines[0] + 11)).join('\n');
  }

  // ----------------------------------------------------------------------------------------------- rendering

  function renderSummary(result, r) {
    const s = el('section', { class: 'summary', id: 'summary-' + r });
    const sym = result.symmetry && result.symmetry.mode !== 'off'
      ? ' <span class="count">symmetry: <b>' + esc(result.symmetry.mode) + '</b> over ' + esc((result.symmetry.over || []).join(', ')) + '</span>' : '';
    s.innerHTML =
      '<h1>' + esc(result.model || 'model') + '</h1>' +
      '<span class="verdict ' + esc(result.verdict) + '">' + esc(result.verdict) + '</span>' +
      '<span class="count">states <b>' + esc(result.states) + '</b></span>' +
      '<span class="count">rules fired <b>' + esc(result.rulesFired) + '</b></span>' +
      '<span class="count">depth <b>' + esc(result.depth) + '</b></span>' +
      '<span class="count">time <b>' + esc(Number(result.seconds || 0).toFixed(2)) + ' s</b></span>' + sym +
      (result.stopReason ? '<span class="count">stopped: ' + esc(result.stopReason) + '</span>' : '') +
      '<span class="count">violations <b>' + (result.violations || []).length + '</b></span>' +
      '<span class="hint">ballot ' + esc(result.version || '') + '</span>';
    const covers = result.covers || [];
    if (covers.length) {
      const c = el('div', { class: 'covers' });
      c.innerHTML = 'covers: ' + covers.map((x) => esc(x.property) + ' <b>' + esc(x.hits) + '</b>').join(' · ');
      s.appendChild(c);
    }
    return s;
  }

  function ViolationView(result, r, violation, v) {
    const tStart = performance.now();
    const a = analyse(result, violation);
    const id = 'v' + r + '-' + v;
    const root = el('section', { class: 'violation', id, 'data-violation': r + '-' + v });
    const loc = violation.location;
    root.appendChild(el('h2', null,
      esc(violation.kind) + (violation.property && violation.property !== violation.kind ? ' “' + esc(violation.property) + '”' : '') +
      ' <span class="where">' + (loc ? '<a href="#" class="prop-link">' + esc(loc) + '</a> · ' : '') + esc(violation.message || '') +
      ' · ' + a.trace.length + ' steps</span>'));
    const state = { selected: a.trace.length - 1, hiddenLanes: new Set(), varFilter: '', hideUnchanged: true, collapseRuns: false, folded: new Set() };

    // toolbar
    const toolbar = el('div', { class: 'toolbar' });
    const laneBoxes = a.facts.lanes.map((l) =>
      '<label><input type="checkbox" class="lane-toggle" data-lane="' + esc(l.id) + '" checked> ' + esc(l.label) + '</label>').join(' ');
    toolbar.innerHTML =
      (a.facts.lanes.length ? '<span class="lane-filter"><b>Processes</b> ' + laneBoxes + '</span>' : '') +
      '<label><b>Variables</b> <input type="search" class="var-filter" placeholder="filter, e.g. role, votedFor"></label>' +
      '<label><b>Expression</b> <input type="search" class="expr" size="34" placeholder="e.g. forall n: Node do ... end" title="a Murphi expression, evaluated in every step (Enter)"></label><span class="expr-error"></span>' +
      '<label><input type="checkbox" class="hide-unchanged" checked> fold unchanged rows</label>' +
      '<label><input type="checkbox" class="collapse-runs"> merge repeated values</label>' +
      '<span class="hint"><span class="kbd">↑</span><span class="kbd">↓</span> or <span class="kbd">j</span><span class="kbd">k</span> step · <span class="kbd">Home</span><span class="kbd">End</span> · <span class="kbd">n</span><span class="kbd">p</span> violation</span>';
    root.appendChild(toolbar);

    const panes = el('div', { class: 'panes' });
    const stepsCol = el('div');
    const list = el('ol', { class: 'steps', tabindex: '0', role: 'listbox', 'aria-label': 'steps' });
    stepsCol.appendChild(list);
    const tableCol = el('div');
    const tableWrap = el('div', { class: 'table-wrap' });
    tableCol.appendChild(tableWrap);
    panes.appendChild(stepsCol);
    panes.appendChild(tableCol);
    root.appendChild(panes);
    const detail = el('div', { class: 'detail' });
    root.appendChild(detail);
    root.appendChild(el('h3', null, 'Swimlanes: one lane per process value; ' + (a.netView
      ? 'a step sits on the lane of the process that fired it and of those it sent to or received from'
      : 'a step sits on the lanes it touched (its parameters and the variables it changed)') +
      (a.messages.length ? '; arrows are messages' : '')));
    const lanesWrap = el('div', { class: 'lanes-wrap' });
    root.appendChild(lanesWrap);

    const propLines = violation.lines || (lineOf(loc) ? [lineOf(loc), lineOf(loc)] : null);
    const propText = sourceLines(result, propLines);

    // --- step list
    function renderSteps() {
      const last = a.trace.length - 1;
      list.innerHTML = a.trace.map((step, s) => {
        const params = (step.parameters || []).join(', ');
        const rule = a.ruleOf(step);
        const lines = step.lines || (rule && rule.lines);
        const where = step.location || (rule && rule.location);
        const n = a.changesAt[s].length;
        let html = '<li class="step" role="option" data-step="' + s + '" id="' + id + '-s' + s + '">' +
          '<a class="num" href="#step=' + (s + 1) + '" title="link to this step">' + (s + 1) + '</a><span class="rule">' + esc(step.rule) + '</span>' +
          (params ? ' <span class="params">' + esc(params) + '</span>' : '') +
          (where ? '<a class="loc" href="#" title="' + esc(where) + '" data-lines="' + (lines ? lines.join(',') : '') + '">' + esc(shortLocation(where, lines)) + '</a>' : '') +
          (s > 0 ? '<div class="changes">' + (n ? n + ' change' + (n > 1 ? 's' : '') : 'no change') + '</div>' : '') +
          (s > 0 && step.messages ? step.messages.events.map((e) => '<div class="event ' + esc(e.action) + '">' + esc(e.text) + '</div>').join('') : '');
        if (s === last && violation.kind !== 'cover') {
          html += '<div class="violated-here"><b>✗ ' + esc(violation.kind) + ' ' + esc(violation.property) + ' violated here</b>' +
            (loc ? ' <a href="#" class="prop-link" title="' + esc(loc) + '">' + esc(shortLocation(loc, propLines)) + '</a>' : '') +
            (propText ? '<pre>' + esc(propText) + '</pre>' : '') + '</div>';
        }
        return html + '</li>';
      }).join('');
    }

    // --- state table: rows grouped by variable and by array element / record prefix
    function buildTree() {
      const rootNode = { key: '', label: '', children: new Map(), leaves: [], depth: -1 };
      const order = a.leaves.map((_, i) => i).filter((i) => a.leaves[i].expr).concat(a.leaves.map((_, i) => i).filter((i) => !a.leaves[i].expr));
      order.forEach((i) => {
        const leaf = a.leaves[i];
        let node = rootNode;
        for (let d = 0; d < leaf.parts.length - 1; d++) {
          const key = leaf.parts.slice(0, d + 1).map(partText).join('');
          if (!node.children.has(key)) node.children.set(key, { key, label: partText(leaf.parts[d]), children: new Map(), leaves: [], depth: d });
          node = node.children.get(key);
        }
        node.children.set(leaf.name, { key: leaf.name, label: partText(leaf.parts[leaf.parts.length - 1]), leaf: i, depth: leaf.parts.length - 1 });
      });
      return rootNode;
    }
    let tree = buildTree();
    const leafCount = (node) => node.leaf !== undefined ? 1 : Array.from(node.children.values()).reduce((n, c) => n + leafCount(c), 0);
    // Fold arrays/records with many leaves by default.
    (function defaultFolds(node) {
      node.children && node.children.forEach((c) => {
        if (c.leaf === undefined) {
          if (c.depth >= 0 && leafCount(c) > 12) state.folded.add(c.key);
          defaultFolds(c);
        }
      });
    })(tree);

    function leafVisible(i) {
      const leaf = a.leaves[i];
      if (leaf.expr) return true;
      if (state.varFilter) {
        const terms = state.varFilter.toLowerCase().split(/[,\s]+/).filter(Boolean);
        if (terms.length && !terms.some((t) => leaf.name.toLowerCase().includes(t))) return false;
      }
      if (leaf.lanes.length && leaf.lanes.every((l) => state.hiddenLanes.has(l))) return false;
      return true;
    }

    function renderTable() {
      const T = a.trace.length;
      const out = [];
      // Fixed layout (column widths from the longest texts, not from measuring every cell): a 200 x 50 table lays
      // out in a fraction of the time an automatic table takes.
      const chars = (n) => Math.round(n * 7.7 + 22);
      // the variable column: indentation plus the longest label shown (a top-level name, an index or a field)
      const labelW = (parts) => parts.reduce((w, p, d) => Math.max(w, 14 * d + (d === 0 ? p.v.length + 4 : partText(p).length + 4) * 7.7), 0);
      const varW = Math.min(320, Math.round(Math.max(110, ...a.leaves.map((l) => labelW(l.parts) + 30))));
      let longest = 6;
      a.values.forEach((vals) => vals.forEach((v) => {
        const n = v === null ? 1 : isUndef(v) ? 11 : v.length;
        if (n > longest) longest = n;
      }));
      const colW = Math.min(150, chars(Math.max(7, longest)));
      const maxChars = Math.floor((colW - 22) / 7.7); // longer values are cut (the cell's title has them in full)
      out.push('<table class="state-table" style="width:' + (varW + T * colW) + 'px"><colgroup><col style="width:' + varW + 'px">' +
        ('<col class="step" style="width:' + colW + 'px">').repeat(T) + '</colgroup><thead><tr><th class="var">variable</th>');
      for (let s = 0; s < T; s++) {
        out.push('<th class="step-col" data-step="' + s + '" title="' + esc(a.trace[s].rule + ' ' + (a.trace[s].parameters || []).join(', ')) + '">' +
          (s + 1) + '<span class="rule-name">' + esc(a.trace[s].rule) + '</span></th>');
      }
      out.push('</tr></thead><tbody>');
      const unchangedRows = [];
      const cellsOf = (i) => {
        const vals = a.values[i];
        const cells = [];
        for (let s = 0; s < T; s++) {
          const v = vals[s];
          const ch = a.changed[i][s];
          if (state.collapseRuns && s > 0 && !ch) continue;
          let span = 1;
          if (state.collapseRuns) while (s + span < T && !a.changed[i][s + span]) span++;
          const cls = [ch ? 'changed' : s > 0 && !state.collapseRuns ? 'same' : '', v === null || isUndef(v) ? 'undef' : ''].filter(Boolean).join(' ');
          const full = v === null ? '—' : isUndef(v) ? '⊥ undefined' : v;
          const text = full.length > maxChars && span === 1 ? full.slice(0, maxChars - 1) + '…' : full;
          // no title or data attribute per cell (10,000 of them in a long trace): the step is the cell's column
          // and the tooltip is made on hover
          cells.push('<td' + (span > 1 ? ' colspan="' + span + '" data-step="' + s + '"' : '') + (cls ? ' class="' + cls + '"' : '') +
            '>' + esc(text) + '</td>');
        }
        return cells.join('');
      };
      const rowOf = (node, hiddenByFold) => {
        const pad = 'padding-left:' + (8 + 14 * Math.max(0, node.depth)) + 'px';
        if (node.leaf !== undefined) {
          const i = node.leaf;
          const visible = leafVisible(i);
          const everChanged = a.changed[i].some(Boolean);
          const html = '<tr class="leaf' + (a.leaves[i].expr ? ' expr' : '') + (hiddenByFold || !visible ? ' hidden' : '') + '" data-leaf="' + esc(a.leaves[i].name) + '"' +
            (a.leaves[i].lanes.length ? ' data-lanes="' + esc(a.leaves[i].lanes.join(' ')) + '"' : '') + '>' +
            '<th class="var" style="' + pad + '" title="' + esc(a.leaves[i].name) + '">' + esc(node.depth === 0 ? a.leaves[i].name : node.label) + '</th>' + cellsOf(i) + '</tr>';
          if (state.hideUnchanged && !everChanged && node.depth === 0 && !a.leaves[i].expr) { unchangedRows.push(html); return ''; }
          return html;
        }
        const leavesUnder = [];
        (function collect(n) { n.children.forEach((c) => (c.leaf !== undefined ? leavesUnder.push(c.leaf) : collect(c))); })(node);
        const anyVisible = leavesUnder.some(leafVisible);
        const everChanged = leavesUnder.some((i) => a.changed[i].some(Boolean));
        const folded = state.folded.has(node.key);
        let html = '<tr class="group' + (hiddenByFold || !anyVisible ? ' hidden' : '') + '" data-group="' + esc(node.key) + '">' +
          '<th class="var" style="' + pad + '"><button class="fold" data-key="' + esc(node.key) + '" aria-expanded="' + !folded + '">' + (folded ? '▸' : '▾') + '</button>' +
          esc(node.depth === 0 ? node.key : node.label) + ' <span class="hint">' + leavesUnder.length + '</span></th>';
        for (let s = 0; s < T; s++) {
          const n = s > 0 ? leavesUnder.filter((i) => a.changed[i][s]).length : 0;
          html += '<td' + (n ? ' class="changed-inside"' : '') + '>' + (n ? n + ' changed' : '') + '</td>';
        }
        html += '</tr>';
        node.children.forEach((c) => { html += rowOf(c, hiddenByFold || folded); });
        if (state.hideUnchanged && !everChanged && node.depth === 0) { unchangedRows.push(html); return ''; }
        return html;
      };
      tree.children.forEach((c) => out.push(rowOf(c, false)));
      if (unchangedRows.length) {
        const n = unchangedRows.length;
        out.push('<tr class="unchanged-fold"><th class="var" colspan="' + (T + 1) + '">▸ ' + n + ' variable' + (n > 1 ? 's' : '') +
          ' never changed (click to show)</th></tr>');
      }
      out.push('</tbody></table>');
      tableWrap.innerHTML = out.join('');
      markSelection();
    }

    // --- swimlanes (SVG): lanes are rows, steps are columns
    function renderLanes() {
      const lanes = a.facts.lanes.filter((l) => !state.hiddenLanes.has(l.id));
      const usesGlobal = a.touched.some((t) => t.includes(a.GLOBAL));
      if (usesGlobal) lanes.push({ id: a.GLOBAL, value: 'global', label: 'global', kind: 'global' });
      const T = a.trace.length;
      const LW = 130, CW = 112, LH = 46, TOP = 28;
      const W = LW + T * CW + 20, H = TOP + lanes.length * LH + 10;
      const row = new Map(lanes.map((l, i) => [l.id, i]));
      const y = (i) => TOP + i * LH + LH / 2;
      const x = (s) => LW + s * CW + CW / 2;
      const out = ['<svg class="swimlane" xmlns="http://www.w3.org/2000/svg" width="' + W + '" height="' + H + '" viewBox="0 0 ' + W + ' ' + H + '">'];
      out.push('<defs><marker id="' + id + '-arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z" fill="#2f6fd1"/></marker></defs>');
      for (let s = 0; s < T; s++) {
        out.push('<rect class="step-col' + (s === T - 1 && violation.kind !== 'cover' ? ' last' : '') + '" data-step="' + s + '" x="' + (LW + s * CW) + '" y="0" width="' + CW + '" height="' + H + '"/>');
        out.push('<text class="col-head" x="' + x(s) + '" y="16" text-anchor="middle">' + (s + 1) + '</text>');
      }
      lanes.forEach((l, i) => {
        out.push('<g class="lane' + (l.kind === 'global' ? ' global' : '') + '" data-lane="' + esc(l.id) + '" data-kind="' + l.kind + '">' +
          '<text class="lane-label" x="10" y="' + (y(i) + 4) + '">' + esc(l.label) + '</text>' +
          '<line class="lane-line" x1="' + LW + '" x2="' + (W - 10) + '" y1="' + y(i) + '" y2="' + y(i) + '"/></g>');
      });
      // messages under the boxes
      a.messages.forEach((m) => {
        if (!row.has(m.src) || !row.has(m.dst)) return;
        // from the right edge of the sending step's box to the left edge of the receiving step's box
        const inFlight = m.to === null;
        const x1 = x(m.from) + CW / 2 - 5, y1 = y(row.get(m.src));
        const x2 = inFlight ? W - 14 : x(m.to) - CW / 2 + 5, y2 = y(row.get(m.dst));
        const label = m.kind || m.container;
        out.push('<g class="message' + (inFlight ? ' in-flight' : '') + (m.lost ? ' lost' : '') + '" data-from="' + m.from + '" data-to="' + (inFlight ? '' : m.to) + '" data-src="' + esc(m.src) + '" data-dst="' + esc(m.dst) + '"' + (m.kind ? ' data-kind="' + esc(m.kind) + '"' : '') + '>' +
          '<title>' + esc(m.container + ': ' + m.content + (inFlight ? ' (still in flight)' : m.lost ? ' (lost)' : '')) + '</title>' +
          '<line x1="' + x1 + '" y1="' + y1 + '" x2="' + x2 + '" y2="' + y2 + '" marker-end="url(#' + id + '-arrow)"/>' +
          '<text x="' + ((x1 + x2) / 2 + 4) + '" y="' + ((y1 + y2) / 2 - 4) + '">' + esc(label) + '</text></g>');
      });
      for (let s = 0; s < T; s++) {
        const on = a.touched[s].filter((l) => row.has(l)).map((l) => row.get(l)).sort((p, q) => p - q);
        if (!on.length) continue;
        const step = a.trace[s];
        if (on.length > 1) out.push('<line class="span-line" x1="' + x(s) + '" x2="' + x(s) + '" y1="' + y(on[0]) + '" y2="' + y(on[on.length - 1]) + '"/>');
        const name = step.rule.length > 14 ? step.rule.slice(0, 13) + '…' : step.rule;
        on.forEach((i) => {
          const lane = lanes[i];
          const changedHere = a.changesAt[s].some((k) => lane.kind === 'global' ? a.leaves[k].lanes.length === 0 : a.leaves[k].lanes.includes(lane.id));
          out.push('<g class="step-box" data-step="' + s + '" data-lane="' + esc(lane.id) + '"><title>' + esc((s + 1) + ': ' + step.rule + ' ' + (step.parameters || []).join(', ')) + '</title>' +
            '<rect class="box' + (changedHere ? ' changed' : '') + '" x="' + (x(s) - CW / 2 + 5) + '" y="' + (y(i) - 13) + '" width="' + (CW - 10) + '" height="26" rx="4"/>' +
            '<text class="box-text" x="' + x(s) + '" y="' + (y(i) + 4) + '" text-anchor="middle">' + esc(name) + '</text></g>');
        });
      }
      out.push('</svg>');
      lanesWrap.innerHTML = out.join('');
      markSelection();
    }

    function renderDetail() {
      const s = state.selected;
      const step = a.trace[s];
      const diffs = a.changesAt[s].filter(leafVisible).map((i) => {
        const before = a.values[i][s - 1], after = a.values[i][s];
        return '<li><code>' + esc(a.leaves[i].name) + '</code>: <span class="old">' + esc(before === null ? 'absent' : before) + '</span> → <span class="new">' + esc(after === null ? 'absent' : after) + '</span></li>';
      });
      const msgs = a.netView ? (s > 0 && step.messages ? step.messages.events.map((e) => '<li class="event ' + esc(e.action) + '">' + esc(e.text) + '</li>') : [])
        : a.messages.filter((m) => m.from === s || m.to === s).map((m) =>
        '<li>' + (m.from === s ? 'sends' : 'receives') + ' <code>' + esc(m.container) + '</code> ' + esc(m.content) +
        ' (' + esc((m.src || '?').split(':').pop()) + ' → ' + esc((m.dst || '?').split(':').pop()) + ')</li>');
      const laneLabel = new Map(a.facts.lanes.map((l) => [l.id, l.label]));
      const lanes = a.touched[s].map((l) => l === a.GLOBAL ? 'global' : laneLabel.get(l) || l);
      detail.innerHTML = '<b>Step ' + (s + 1) + ' of ' + a.trace.length + ':</b> ' + esc(step.rule) + ' ' + esc((step.parameters || []).join(', ')) +
        ' <span class="hint">lanes: ' + esc(lanes.join(', ')) + '</span>' +
        (s === 0 ? '<div class="hint">the start state</div>' : diffs.length ? '<ul class="diff">' + diffs.join('') + '</ul>' : '<div class="hint">no visible change</div>') +
        (msgs.length ? '<ul class="diff">' + msgs.join('') + '</ul>' : '') +
        (s === a.trace.length - 1 && violation.kind !== 'cover' ? '<div class="violated-here"><b>✗ ' + esc(violation.kind) + ' ' + esc(violation.property) + ' violated in this state</b>' +
          (propText ? '<pre>' + esc(propText) + '</pre>' : '') + '</div>' : '');
    }

    function markSelection() {
      const s = state.selected;
      root.querySelectorAll('.sel').forEach((e) => e.classList.remove('sel'));
      root.querySelectorAll('th.step-col[data-step="' + s + '"], rect.step-col[data-step="' + s + '"]').forEach((e) => e.classList.add('sel'));
      const col = tableWrap.querySelectorAll('col.step')[s];
      if (col) col.classList.add('sel');
      list.querySelectorAll('li.selected').forEach((e) => { e.classList.remove('selected'); e.setAttribute('aria-selected', 'false'); });
      const li = list.querySelector('li[data-step="' + s + '"]');
      if (li) { li.classList.add('selected'); li.setAttribute('aria-selected', 'true'); }
    }

    function select(s, scroll) {
      state.selected = Math.max(0, Math.min(a.trace.length - 1, s));
      if (scroll && views.indexOf(view) === 0) {
        try { history.replaceState(null, '', '#step=' + (state.selected + 1)); } catch (e) { /* no history (a sandbox) */ }
      }
      markSelection();
      renderDetail();
      if (scroll) {
        const li = list.querySelector('li.selected');
        if (li) li.scrollIntoView({ block: 'nearest' });
        // scroll the table and the swimlanes sideways just enough to show the selected column
        const reveal = (wrap, target, stickyLeft) => {
          if (!target) return;
          const w = wrap.getBoundingClientRect(), t = target.getBoundingClientRect();
          if (t.left < w.left + stickyLeft) wrap.scrollLeft -= w.left + stickyLeft - t.left + 8;
          else if (t.right > w.right) wrap.scrollLeft += t.right - w.right + 8;
        };
        const varHead = tableWrap.querySelector('thead th.var');
        reveal(tableWrap, tableWrap.querySelector('th.step-col.sel'), varHead ? varHead.getBoundingClientRect().width : 0);
        reveal(lanesWrap, lanesWrap.querySelector('rect.step-col.sel'), 130);
      }
    }

    function markMatches() {
      list.querySelectorAll('li.step').forEach((li) => {
        const s = Number(li.dataset.step);
        const lanesShown = a.touched[s].some((l) => l === a.GLOBAL || !state.hiddenLanes.has(l));
        li.classList.toggle('dimmed', !lanesShown);
        li.classList.toggle('matches', !!state.varFilter && a.changesAt[s].some(leafVisible));
      });
    }

    // --- events
    root.addEventListener('click', (e) => {
      root.classList.add('active');
      setActive(view);
      const t = e.target;
      const link = t.closest('a.loc, a.prop-link');
      if (link) {
        e.preventDefault();
        if (link.classList.contains('prop-link')) {
          if (propLines) showSource(r, propLines[0], propLines[1], 'hl-prop');
        } else if (link.dataset.lines) {
          const [from, to] = link.dataset.lines.split(',').map(Number);
          showSource(r, from, to, 'hl');
        } else {
          const l = lineOf(link.textContent);
          if (l) showSource(r, l, l, 'hl');
        }
        return;
      }
      const fold = t.closest('button.fold');
      if (fold) {
        const k = fold.dataset.key;
        if (state.folded.has(k)) state.folded.delete(k); else state.folded.add(k);
        renderTable();
        return;
      }
      if (t.closest('tr.unchanged-fold')) {
        state.hideUnchanged = false;
        toolbar.querySelector('.hide-unchanged').checked = false;
        renderTable();
        return;
      }
      if (t.closest('a.num')) e.preventDefault(); // select() puts #step=N in the address bar
      const stepEl = t.closest('[data-step]');
      const cell = !stepEl && t.closest('.state-table td');
      if (stepEl && !t.closest('.toolbar')) select(Number(stepEl.dataset.step), true);
      else if (cell) select(cell.cellIndex - 1, true);
    });
    tableWrap.addEventListener('mouseover', (e) => {
      const cell = e.target.closest && e.target.closest('td');
      if (!cell || cell.title) return;
      const row = cell.parentElement;
      const s = cell.dataset.step ? Number(cell.dataset.step) : cell.cellIndex - 1;
      const name = row.dataset.leaf || row.dataset.group || '';
      const i = a.leaves.findIndex((l) => l.name === name);
      const v = i >= 0 ? a.values[i][s] : null;
      cell.title = 'step ' + (s + 1) + ': ' + name + (i >= 0 ? ' = ' + (v === null ? 'absent' : v) : '');
    });
    toolbar.addEventListener('change', (e) => {
      const t = e.target;
      if (t.classList.contains('lane-toggle')) {
        if (t.checked) state.hiddenLanes.delete(t.dataset.lane); else state.hiddenLanes.add(t.dataset.lane);
        renderTable(); renderLanes(); markMatches(); renderDetail();
      } else if (t.classList.contains('hide-unchanged')) {
        state.hideUnchanged = t.checked; renderTable();
      } else if (t.classList.contains('collapse-runs')) {
        state.collapseRuns = t.checked; renderTable();
      }
    });
    // --- an expression over every step: a row of its own at the top of the state table
    function showExpression(src) {
      const err = toolbar.querySelector('.expr-error');
      const last = a.leaves.length - 1;
      if (last >= 0 && a.leaves[last].expr) { a.leaves.pop(); a.values.pop(); a.changed.pop(); }
      err.textContent = '';
      if (src) {
        const r = window.BallotExpr.overTrace(src, a.trace, result.modelInfo);
        if (r.error) err.textContent = r.error;
        else {
          const vals = r.values.map((v, s) => (v === null ? '⚠ ' + r.errors[s] : v));
          const firstError = r.errors.findIndex((x) => x);
          if (firstError >= 0) err.textContent = 'step ' + (firstError + 1) + ': ' + r.errors[firstError];
          a.leaves.push({ name: src, parts: [{ k: 'name', v: src }], lanes: [], expr: true });
          a.values.push(vals);
          a.changed.push(vals.map((v, s) => s > 0 && v !== vals[s - 1]));
        }
      }
      tree = buildTree();
      renderTable();
    }
    toolbar.querySelector('.expr').addEventListener('change', (e) => showExpression(e.target.value.trim()));
    toolbar.querySelector('.var-filter').addEventListener('input', (e) => {
      state.varFilter = e.target.value.trim();
      renderTable(); markMatches(); renderDetail();
    });

    const view = {
      root, select, state, analysis: a, showExpression,
      next: () => select(state.selected + 1, true),
      prev: () => select(state.selected - 1, true),
      first: () => select(0, true),
      last: () => select(a.trace.length - 1, true),
    };
    const t0 = performance.now();
    renderSteps();
    const t1 = performance.now();
    renderTable();
    const t2 = performance.now();
    renderLanes();
    const t3 = performance.now();
    select(state.selected, false);
    timings.push({ analyse: t0 - tStart, steps: t1 - t0, table: t2 - t1, lanes: t3 - t2, select: performance.now() - t3 });
    return view;
  }

  function setActive(view) {
    if (active === view) return;
    if (active) active.root.classList.remove('active');
    active = view;
    if (view) view.root.classList.add('active');
  }

  // ----------------------------------------------------------------------------------------------- page

  function render() {
    const results = resultsOf(report);
    if (!results.length) {
      app.appendChild(el('p', null, 'This report holds no result.'));
      return;
    }
    results.forEach((result, r) => {
      app.appendChild(renderSummary(result, r));
      (result.violations || []).forEach((violation, v) => {
        if (!(violation.trace || []).length) {
          app.appendChild(el('section', { class: 'violation' }, '<h2>' + esc(violation.kind) + ' “' + esc(violation.property) + '” <span class="where">' +
            esc(violation.location || '') + ' · ' + esc(violation.message || '') + ' (no trace)</span></h2>'));
          return;
        }
        const view = ViolationView(result, r, violation, v);
        views.push(view);
        app.appendChild(view.root);
      });
      const src = renderSource(result, r);
      if (src) app.appendChild(src);
    });
    document.title = 'Ballot: ' + results.map((x) => x.model + ' ' + x.verdict).join(', ');
    setActive(views[0] || null);
    followHash();
  }

  /** {@code #step=7}: selects step 7 of the first counterexample. */
  function followHash() {
    const m = /^#step=(\d+)$/.exec(location.hash);
    if (!m || !views.length) return;
    setActive(views[0]);
    views[0].select(Number(m[1]) - 1, false);
    const li = views[0].root.querySelector('li.step[data-step="' + (Number(m[1]) - 1) + '"]');
    if (li && li.scrollIntoView) li.scrollIntoView({ block: 'center' });
  }
  window.addEventListener('hashchange', followHash);

  document.addEventListener('keydown', (e) => {
    if (!active || e.altKey || e.ctrlKey || e.metaKey) return;
    const t = e.target;
    if (t && (t.tagName === 'INPUT' && t.type !== 'checkbox') || (t && t.tagName === 'TEXTAREA')) return;
    const k = e.key;
    if (k === 'ArrowDown' || k === 'ArrowRight' || k === 'j') active.next();
    else if (k === 'ArrowUp' || k === 'ArrowLeft' || k === 'k') active.prev();
    else if (k === 'Home') active.first();
    else if (k === 'End') active.last();
    else if (k === 'n' || k === 'p') {
      const i = views.indexOf(active) + (k === 'n' ? 1 : -1);
      if (i >= 0 && i < views.length) { setActive(views[i]); views[i].root.scrollIntoView({ block: 'start' }); }
      else return;
    } else return;
    e.preventDefault();
  });

  render();
  const scripted = performance.now();
  void document.body.offsetHeight; // include layout in the measured time
  window.ballotViewer = {
    ready: true,
    renderMs: performance.now() - started,
    layoutMs: performance.now() - scripted,
    timings,
    views,
    selected: () => (active ? active.state.selected : null),
  };
  document.body.dataset.ready = 'true';
})();
