// Ballot trace viewer: renders the JSON report embedded in this page (docs/trace-format.md) as a summary, then per
// violation a step list, a state table and a swimlane view. Plain JavaScript, no dependencies, no network. No class,
// spread or rest syntax in the page's scripts: the security tests also run them in HtmlUnit, whose engine lacks them.
(function () {
  'use strict';

  const started = performance.now();
  const report = JSON.parse(document.getElementById('ballot-data').textContent);
  const app = document.getElementById('app');
  const views = []; // one per violation
  let active = null; // the violation view the keyboard drives
  const timings = []; // per violation view: milliseconds spent in each part of the first rendering

  // ----------------------------------------------------------------------------------------------- helpers

  const { text, el, svg, fill, kbd } = window.BallotDom;
  const { resultsOf, partText, shortLocation, lineOf, analyse, isUndef } = window.BallotTrace;

  /** [from, to] when lines is a pair of line numbers, else null (a report may hold anything). */
  function validLines(lines) {
    return Array.isArray(lines) && lines.length === 2 && lines.every((n) => Number.isInteger(n) && n > 0) ? lines : null;
  }

  /** A step's message events ({action, text}), or none when the report's field is not a list. */
  function eventsOf(step) {
    return step.messages && Array.isArray(step.messages.events) ? step.messages.events.filter((e) => e && typeof e === 'object') : [];
  }

  const { renderSource, showSource, sourceLines } = window.BallotSource;

  // ----------------------------------------------------------------------------------------------- rendering

  function renderSummary(result, r) {
    const count = (label, value) => el('span', { class: 'count' }, label + ' ', el('b', null, text(value)));
    const sym = result.symmetry && result.symmetry.mode !== 'off'
      ? el('span', { class: 'count' }, 'symmetry: ', el('b', null, text(result.symmetry.mode)),
        ' over ' + (Array.isArray(result.symmetry.over) ? result.symmetry.over.map(text).join(', ') : ''))
      : null;
    const s = el('section', { class: 'summary', id: 'summary-' + r },
      el('h1', null, text(result.model || 'model')),
      el('span', { class: 'verdict ' + text(result.verdict) }, text(result.verdict)),
      count('states', result.states),
      count('rules fired', result.rulesFired),
      count('depth', result.depth),
      count('time', Number(result.seconds || 0).toFixed(2) + ' s'),
      sym,
      result.stopReason ? el('span', { class: 'count' }, 'stopped: ' + text(result.stopReason)) : null,
      count('violations', (result.violations || []).length),
      el('span', { class: 'hint' }, 'ballot ' + text(result.version)));
    const covers = result.covers || [];
    if (covers.length) {
      s.appendChild(el('div', { class: 'covers' }, 'covers: ',
        covers.map((x, i) => [i ? ' · ' : '', text(x.property) + ' ', el('b', null, text(x.hits))])));
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
      text(violation.kind) + (violation.property && violation.property !== violation.kind ? ' “' + text(violation.property) + '”' : '') + ' ',
      el('span', { class: 'where' }, loc ? [el('a', { href: '#', class: 'prop-link' }, text(loc)), ' · '] : null,
        text(violation.message) + ' · ' + a.trace.length + ' steps')));
    const state = { selected: a.trace.length - 1, hiddenLanes: new Set(), varFilter: '', hideUnchanged: true, collapseRuns: false, folded: new Set() };

    // toolbar
    const toolbar = el('div', { class: 'toolbar' },
      a.facts.lanes.length ? el('span', { class: 'lane-filter' }, el('b', null, 'Processes'), ' ',
        a.facts.lanes.map((l, i) => [i ? ' ' : '', el('label', null,
          el('input', { type: 'checkbox', class: 'lane-toggle', 'data-lane': text(l.id), checked: true }), ' ' + text(l.label))])) : null,
      el('label', null, el('b', null, 'Variables'), ' ',
        el('input', { type: 'search', class: 'var-filter', placeholder: 'filter, e.g. role, votedFor' })),
      el('label', null, el('b', null, 'Expression'), ' ',
        el('input', { type: 'search', class: 'expr', size: 34, placeholder: 'e.g. forall n: Node do ... end',
          title: 'a Murphi expression, evaluated in every step (Enter)' })),
      el('span', { class: 'expr-error' }),
      el('label', null, el('input', { type: 'checkbox', class: 'hide-unchanged', checked: true }), ' fold unchanged rows'),
      el('label', null, el('input', { type: 'checkbox', class: 'collapse-runs' }), ' merge repeated values'),
      el('span', { class: 'hint' }, kbd('↑', '↓'), ' or ', kbd('j', 'k'), ' step · ', kbd('Home', 'End'), ' · ', kbd('n', 'p'), ' violation'));
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

    const propLines = validLines(violation.lines) || (lineOf(text(loc)) ? [lineOf(text(loc)), lineOf(text(loc))] : null);
    const propText = sourceLines(result, propLines);

    // --- step list
    function renderSteps() {
      const last = a.trace.length - 1;
      fill(list, a.trace.map((step, s) => {
        const params = (step.parameters || []).map(text).join(', ');
        const rule = a.ruleOf(step);
        const lines = validLines(step.lines) || (rule && validLines(rule.lines));
        const where = step.location || (rule && rule.location);
        const n = a.changesAt[s].length;
        return el('li', { class: 'step', role: 'option', 'data-step': s, id: id + '-s' + s },
          el('a', { class: 'num', href: '#step=' + (s + 1), title: 'link to this step' }, s + 1),
          el('span', { class: 'rule' }, text(step.rule)),
          params ? [' ', el('span', { class: 'params' }, params)] : null,
          step.log ? [' ', el('span', { class: 'log', title: 'the log line this step stands for' }, text(step.log))] : null,
          where ? el('a', { class: 'loc', href: '#', title: text(where), 'data-lines': lines ? lines.join(',') : '' },
            text(shortLocation(text(where), lines))) : null,
          s > 0 ? el('div', { class: 'changes' }, n ? n + ' change' + (n > 1 ? 's' : '') : 'no change') : null,
          s > 0 && step.messages ? eventsOf(step).map((e) => el('div', { class: 'event ' + text(e.action) }, text(e.text))) : null,
          s === last && violation.kind !== 'cover' ? el('div', { class: 'violated-here' },
            el('b', null, '✗ ' + (violation.after ? text(violation.after) : text(violation.kind) + ' ' + text(violation.property) + ' violated here')),
            loc ? [' ', el('a', { href: '#', class: 'prop-link', title: text(loc) }, text(shortLocation(text(loc), propLines)))] : null,
            propText ? el('pre', null, propText) : null) : null);
      }));
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
      // Fixed layout (column widths from the longest texts, not from measuring every cell): a 200 x 50 table lays
      // out in a fraction of the time an automatic table takes.
      const chars = (n) => Math.round(n * 7.7 + 22);
      // the variable column: indentation plus the longest label shown (a top-level name, an index or a field)
      const labelW = (parts) => parts.reduce((w, p, d) => Math.max(w, 14 * d + (d === 0 ? p.v.length + 4 : partText(p).length + 4) * 7.7), 0);
      const varW = Math.min(320, Math.round(a.leaves.reduce((w, l) => Math.max(w, labelW(l.parts) + 30), 110)));
      let longest = 6;
      a.values.forEach((vals) => vals.forEach((v) => {
        const n = v === null ? 1 : isUndef(v) ? 11 : v.length;
        if (n > longest) longest = n;
      }));
      const colW = Math.min(150, chars(Math.max(7, longest)));
      const maxChars = Math.floor((colW - 22) / 7.7); // longer values are cut (the cell's title has them in full)
      const colgroup = el('colgroup', null, el('col', { style: { width: varW + 'px' } }));
      const headRow = el('tr', null, el('th', { class: 'var' }, 'variable'));
      for (let s = 0; s < T; s++) {
        colgroup.appendChild(el('col', { class: 'step', style: { width: colW + 'px' } }));
        headRow.appendChild(el('th', { class: 'step-col', 'data-step': s, title: text(a.trace[s].rule) + ' ' + (a.trace[s].parameters || []).map(text).join(', ') },
          s + 1, el('span', { class: 'rule-name' }, text(a.trace[s].rule))));
      }
      const tbody = el('tbody');
      let unchangedRows = 0;
      const cellsOf = (i, row) => {
        const vals = a.values[i];
        for (let s = 0; s < T; s++) {
          const v = vals[s];
          const ch = a.changed[i][s];
          if (state.collapseRuns && s > 0 && !ch) continue;
          let span = 1;
          if (state.collapseRuns) while (s + span < T && !a.changed[i][s + span]) span++;
          const cls = [ch ? 'changed' : s > 0 && !state.collapseRuns ? 'same' : '', v === null || isUndef(v) ? 'undef' : ''].filter(Boolean).join(' ');
          const full = v === null ? '—' : isUndef(v) ? '⊥ undefined' : text(v);
          const shown = full.length > maxChars && span === 1 ? full.slice(0, maxChars - 1) + '…' : full;
          // no title or data attribute per cell (10,000 of them in a long trace): the step is the cell's column
          // and the tooltip is made on hover
          const td = document.createElement('td');
          if (span > 1) { td.colSpan = span; td.setAttribute('data-step', s); }
          if (cls) td.className = cls;
          td.textContent = shown;
          row.appendChild(td);
        }
      };
      const rowsOf = (node, hiddenByFold) => {
        const pad = { paddingLeft: (8 + 14 * Math.max(0, node.depth)) + 'px' };
        if (node.leaf !== undefined) {
          const i = node.leaf;
          const leaf = a.leaves[i];
          const visible = leafVisible(i);
          const everChanged = a.changed[i].some(Boolean);
          if (state.hideUnchanged && !everChanged && node.depth === 0 && !leaf.expr) { unchangedRows++; return []; }
          const tr = el('tr', { class: 'leaf' + (leaf.expr ? ' expr' : '') + (hiddenByFold || !visible ? ' hidden' : ''), 'data-leaf': leaf.name,
            'data-lanes': leaf.lanes.length ? leaf.lanes.join(' ') : null },
            el('th', { class: 'var', style: pad, title: leaf.name }, node.depth === 0 ? leaf.name : node.label));
          cellsOf(i, tr);
          return [tr];
        }
        const leavesUnder = [];
        (function collect(n) { n.children.forEach((c) => (c.leaf !== undefined ? leavesUnder.push(c.leaf) : collect(c))); })(node);
        const everChanged = leavesUnder.some((i) => a.changed[i].some(Boolean));
        if (state.hideUnchanged && !everChanged && node.depth === 0) { unchangedRows++; return []; }
        const anyVisible = leavesUnder.some(leafVisible);
        const folded = state.folded.has(node.key);
        const tr = el('tr', { class: 'group' + (hiddenByFold || !anyVisible ? ' hidden' : ''), 'data-group': node.key },
          el('th', { class: 'var', style: pad },
            el('button', { class: 'fold', 'data-key': node.key, 'aria-expanded': String(!folded) }, folded ? '▸' : '▾'),
            node.depth === 0 ? node.key : node.label, ' ', el('span', { class: 'hint' }, leavesUnder.length)));
        for (let s = 0; s < T; s++) {
          const n = s > 0 ? leavesUnder.filter((i) => a.changed[i][s]).length : 0;
          tr.appendChild(el('td', { class: n ? 'changed-inside' : null }, n ? n + ' changed' : ''));
        }
        const rows = [tr];
        node.children.forEach((c) => rowsOf(c, hiddenByFold || folded).forEach((tr) => rows.push(tr)));
        return rows;
      };
      tree.children.forEach((c) => rowsOf(c, false).forEach((tr) => tbody.appendChild(tr)));
      if (unchangedRows) {
        const n = unchangedRows;
        tbody.appendChild(el('tr', { class: 'unchanged-fold' }, el('th', { class: 'var', colspan: T + 1 },
          '▸ ' + n + ' variable' + (n > 1 ? 's' : '') + ' never changed (click to show)')));
      }
      fill(tableWrap, el('table', { class: 'state-table', style: { width: (varW + T * colW) + 'px' } },
        colgroup, el('thead', null, headRow), tbody));
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
      const g = svg('svg', { class: 'swimlane', width: W, height: H, viewBox: '0 0 ' + W + ' ' + H });
      g.appendChild(svg('defs', null, svg('marker', { id: id + '-arrow', viewBox: '0 0 10 10', refX: 9, refY: 5, markerWidth: 7, markerHeight: 7,
        orient: 'auto-start-reverse' }, svg('path', { d: 'M0,0 L10,5 L0,10 z', fill: '#2f6fd1' }))));
      for (let s = 0; s < T; s++) {
        g.appendChild(svg('rect', { class: 'step-col' + (s === T - 1 && violation.kind !== 'cover' ? ' last' : ''), 'data-step': s,
          x: LW + s * CW, y: 0, width: CW, height: H }));
        g.appendChild(svg('text', { class: 'col-head', x: x(s), y: 16, 'text-anchor': 'middle' }, s + 1));
      }
      lanes.forEach((l, i) => {
        g.appendChild(svg('g', { class: 'lane' + (l.kind === 'global' ? ' global' : ''), 'data-lane': text(l.id), 'data-kind': text(l.kind) },
          svg('text', { class: 'lane-label', x: 10, y: y(i) + 4 }, text(l.label)),
          svg('line', { class: 'lane-line', x1: LW, x2: W - 10, y1: y(i), y2: y(i) })));
      });
      // messages under the boxes
      a.messages.forEach((m) => {
        if (!row.has(m.src) || !row.has(m.dst)) return;
        // from the right edge of the sending step's box to the left edge of the receiving step's box
        const inFlight = m.to === null;
        const x1 = x(m.from) + CW / 2 - 5, y1 = y(row.get(m.src));
        const x2 = inFlight ? W - 14 : x(m.to) - CW / 2 + 5, y2 = y(row.get(m.dst));
        const label = m.kind || m.container;
        g.appendChild(svg('g', { class: 'message' + (inFlight ? ' in-flight' : '') + (m.lost ? ' lost' : ''), 'data-from': m.from,
          'data-to': inFlight ? '' : m.to, 'data-src': text(m.src), 'data-dst': text(m.dst), 'data-kind': m.kind ? text(m.kind) : null },
          svg('title', null, text(m.container) + ': ' + text(m.content) + (inFlight ? ' (still in flight)' : m.lost ? ' (lost)' : '')),
          svg('line', { x1, y1, x2, y2, 'marker-end': 'url(#' + id + '-arrow)' }),
          svg('text', { x: (x1 + x2) / 2 + 4, y: (y1 + y2) / 2 - 4 }, text(label))));
      });
      for (let s = 0; s < T; s++) {
        const on = a.touched[s].filter((l) => row.has(l)).map((l) => row.get(l)).sort((p, q) => p - q);
        if (!on.length) continue;
        const step = a.trace[s];
        if (on.length > 1) g.appendChild(svg('line', { class: 'span-line', x1: x(s), x2: x(s), y1: y(on[0]), y2: y(on[on.length - 1]) }));
        const rule = text(step.rule);
        const name = rule.length > 14 ? rule.slice(0, 13) + '…' : rule;
        on.forEach((i) => {
          const lane = lanes[i];
          const changedHere = a.changesAt[s].some((k) => lane.kind === 'global' ? a.leaves[k].lanes.length === 0 : a.leaves[k].lanes.includes(lane.id));
          g.appendChild(svg('g', { class: 'step-box', 'data-step': s, 'data-lane': text(lane.id) },
            svg('title', null, (s + 1) + ': ' + rule + ' ' + (step.parameters || []).map(text).join(', ')),
            svg('rect', { class: 'box' + (changedHere ? ' changed' : ''), x: x(s) - CW / 2 + 5, y: y(i) - 13, width: CW - 10, height: 26, rx: 4 }),
            svg('text', { class: 'box-text', x: x(s), y: y(i) + 4, 'text-anchor': 'middle' }, name)));
        });
      }
      fill(lanesWrap, g);
      markSelection();
    }

    function renderDetail() {
      const s = state.selected;
      const step = a.trace[s];
      const diffs = a.changesAt[s].filter(leafVisible).map((i) => {
        const before = a.values[i][s - 1], after = a.values[i][s];
        return el('li', null, el('code', null, a.leaves[i].name), ': ', el('span', { class: 'old' }, before === null ? 'absent' : text(before)),
          ' → ', el('span', { class: 'new' }, after === null ? 'absent' : text(after)));
      });
      const msgs = a.netView ? (s > 0 && step.messages ? eventsOf(step).map((e) => el('li', { class: 'event ' + text(e.action) }, text(e.text))) : [])
        : a.messages.filter((m) => m.from === s || m.to === s).map((m) =>
          el('li', null, (m.from === s ? 'sends' : 'receives') + ' ', el('code', null, text(m.container)), ' ' + text(m.content) +
            ' (' + text(m.src || '?').split(':').pop() + ' → ' + text(m.dst || '?').split(':').pop() + ')'));
      const laneLabel = new Map(a.facts.lanes.map((l) => [l.id, l.label]));
      const lanes = a.touched[s].map((l) => text(l === a.GLOBAL ? 'global' : laneLabel.get(l) || l));
      fill(detail, el('b', null, 'Step ' + (s + 1) + ' of ' + a.trace.length + ':'), ' ' + text(step.rule) + ' ' + (step.parameters || []).map(text).join(', ') + ' ',
        el('span', { class: 'hint' }, 'lanes: ' + lanes.join(', ')),
        s === 0 ? el('div', { class: 'hint' }, 'the start state') : diffs.length ? el('ul', { class: 'diff' }, diffs) : el('div', { class: 'hint' }, 'no visible change'),
        msgs.length ? el('ul', { class: 'diff' }, msgs) : null,
        s === a.trace.length - 1 && violation.kind !== 'cover' ? el('div', { class: 'violated-here' },
          el('b', null, '✗ ' + (violation.after ? text(violation.after) : text(violation.kind) + ' ' + text(violation.property) + ' violated in this state')),
          propText ? el('pre', null, propText) : null) : null);
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
          app.appendChild(el('section', { class: 'violation' }, el('h2', null, text(violation.kind) + ' “' + text(violation.property) + '” ',
            el('span', { class: 'where' }, text(violation.location) + ' · ' + text(violation.message) + ' (no trace)'))));
          return;
        }
        const view = ViolationView(result, r, violation, v);
        views.push(view);
        app.appendChild(view.root);
      });
      const src = renderSource(result, r);
      if (src) app.appendChild(src);
    });
    document.title = 'Ballot: ' + results.map((x) => text(x.model) + ' ' + text(x.verdict)).join(', ');
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
