// Ballot trace viewer, DOM building: the only way the viewer's scripts make page content. Exposed as
// window.BallotDom.
window.BallotDom = (function () {
  'use strict';

  // Every text of the report is untrusted (reports travel in CI artefacts and bug trackers): the page is built
  // from DOM nodes only, the report's texts go in as text nodes and attribute values, never as markup. No
  // innerHTML, no HTML strings, no inline style attributes (the CSP forbids them; styles go through CSSOM).
  const SVG_NS = 'http://www.w3.org/2000/svg';

  function text(s) {
    return String(s == null ? '' : s);
  }

  /** Sets attrs on e (style: an object of CSSOM properties) and appends kids (nodes, texts, arrays of them). */
  function build(e, attrs, kids) {
    for (const k in attrs || {}) {
      const v = attrs[k];
      if (v == null || v === false) continue;
      if (k === 'style') Object.keys(v).forEach((p) => { e.style[p] = v[p]; });
      else e.setAttribute(k, v === true ? '' : String(v));
    }
    add(e, kids);
    return e;
  }

  function add(e, kids) {
    for (const c of kids) {
      if (c == null || c === false || c === '') continue;
      if (Array.isArray(c)) add(e, c);
      else e.appendChild(typeof c === 'object' ? c : document.createTextNode(String(c)));
    }
    return e;
  }

  /** An HTML element: el('span', { class: 'x' }, 'text', child, [more]). */
  function el(tag, attrs) {
    return build(document.createElement(tag), attrs, Array.prototype.slice.call(arguments, 2));
  }

  /** An SVG element, like el. */
  function svg(tag, attrs) {
    return build(document.createElementNS(SVG_NS, tag), attrs, Array.prototype.slice.call(arguments, 2));
  }

  /** Replaces e's children with kids. */
  function fill(e) {
    e.textContent = '';
    return add(e, Array.prototype.slice.call(arguments, 1));
  }

  /** Keyboard hints: kbd('↑', '↓') is two key caps. */
  const kbd = (a, b) => [a, b].map((k) => el('span', { class: 'kbd' }, k));

  return { text, el, svg, fill, kbd };
})();
