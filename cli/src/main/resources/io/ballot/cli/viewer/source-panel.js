// Ballot trace viewer, source panel: the model's source, its lines numbered, and the highlighting of the lines a
// step or a property names. Exposed as window.BallotSource.
window.BallotSource = (function () {
  'use strict';

  const { text, el } = window.BallotDom;

  function renderSource(result, index) {
    const source = result.modelInfo && result.modelInfo.source;
    if (source == null) return null;
    const details = el('details', { class: 'source-panel', id: 'source-' + index, open: '' });
    details.appendChild(el('summary', null, 'Model source ', el('span', { class: 'hint' }, text(result.model))));
    const lines = String(source).split('\n');
    if (lines.length && lines[lines.length - 1] === '') lines.pop();
    details.appendChild(el('pre', { class: 'source' }, lines.map((l, i) =>
      el('span', { class: 'line', id: 'r' + index + '-L' + (i + 1) }, el('span', { class: 'ln' }, i + 1), l))));
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
    const source = result.modelInfo && result.modelInfo.source;
    if (source == null || !lines) return null;
    const all = String(source).split('\n');
    return all.slice(lines[0] - 1, Math.min(lines[1], lines[0] + 11)).join('\n');
  }

  return { renderSource, showSource, sourceLines };
})();
