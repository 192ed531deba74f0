// Ballot trace viewer, trace analysis: what a counterexample of the JSON report (docs/trace-format.md) holds, as
// plain data for the views: its state leaves in order, values and changes per step, lanes, and the messages between
// them. No DOM and no HTML here; viewer.js renders what these functions return. Exposed as window.BallotTrace.
window.BallotTrace = (function () {
  'use strict';

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
      if (!leafIndex.has(n) && !encodes(n)) { leafIndex.set(n, leaves.length); leaves.push(Object.assign({ name: n }, leafFacts(facts, n))); }
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
          pending.push(Object.assign({}, base, { key, from: s, to: null, src, dst, action: e.action }));
          return;
        }
        // dropped by a full network when sent (full): it never travelled; the step's event line says so
        if (e.full) return;
        const i = pending.findIndex((m) => m.key === key);
        if (i < 0) return;
        const m = pending[i];
        const receiver = m.dst || paramLanes[s].find((l) => l !== m.src) || paramLanes[s][0] || 'global';
        const kept = (step.messages.networks || []).some((c) => c.network === e.network && (c.from || '') === (e.from || '')
          && (c.to || '') === (e.to || '') && c.messages.some((x) => x.text === e.message.text));
        if (e.action === 'received' && kept) { m.received = true; out.push(Object.assign({}, m, { to: s, dst: receiver })); return; }
        pending.splice(i, 1);
        out.push(Object.assign({}, m, { to: s, dst: receiver, lost: e.action !== 'received' }));
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
        kept.forEach((m) => pending.push(m));
      }
      pending.forEach((m) => messages.push(m)); // in flight at the end of the trace
    });
    return messages.filter((m) => m.from > 0 || m.to !== null).filter((m) => !m.src || laneById.has(m.src))
      .sort((a, b) => a.from - b.from);
  }

  return { resultsOf, partText, shortLocation, lineOf, analyse, isUndef };
})();
