// Requests per minute over the last hour as stacked SVG bars, one colour per status class.
// Small on purpose: no library, no inline styles (colours come from console.css classes).
import { h } from './common.js';

const CLASSES = ['2xx', '3xx', '4xx', '5xx'];
const W = 1000;
const H = 190;
const LEFT = 34;
const BOTTOM = 18;

/**
 * perMinute: {"2xx": [60 numbers, oldest first], "3xx": [...], ...}. Returns a <figure>.
 */
export function requestsChart(title, perMinute, options = {}) {
  const minutes = perMinute['2xx'].length;
  const totals = [];
  for (let i = 0; i < minutes; i++) totals.push(CLASSES.reduce((s, c) => s + perMinute[c][i], 0));
  const all = totals.reduce((a, b) => a + b, 0);
  const errors = CLASSES.slice(2).reduce((s, c) => s + perMinute[c].reduce((a, b) => a + b, 0), 0);
  const max = niceMax(Math.max(1, ...totals));
  const plotW = W - LEFT - 4;
  const plotH = H - BOTTOM - 6;
  const barW = plotW / minutes;
  const svg = h('svg:svg', {
    viewBox: `0 0 ${W} ${H}`, role: 'img',
    'aria-label': `${title}: ${all} requests in the last hour, ${errors} errors; the busiest minute had ${Math.max(...totals)}.`,
    'data-requests': all,
  });
  svg.append(h('svg:line', { class: 'axis', x1: LEFT, y1: 6 + plotH, x2: W - 4, y2: 6 + plotH }));
  svg.append(h('svg:line', { class: 'axis', x1: LEFT, y1: 6, x2: W - 4, y2: 6 }));
  svg.append(h('svg:text', { x: LEFT - 4, y: 10, 'text-anchor': 'end' }, String(max)));
  svg.append(h('svg:text', { x: LEFT - 4, y: 6 + plotH, 'text-anchor': 'end' }, '0'));
  svg.append(h('svg:text', { x: LEFT, y: H - 4 }, '60 min ago'));
  svg.append(h('svg:text', { x: LEFT + plotW / 2, y: H - 4, 'text-anchor': 'middle' }, '30 min'));
  svg.append(h('svg:text', { x: W - 4, y: H - 4, 'text-anchor': 'end' }, 'now'));
  for (let i = 0; i < minutes; i++) {
    let y = 6 + plotH;
    for (const c of CLASSES) {
      const n = perMinute[c][i];
      if (!n) continue;
      const bh = (n / max) * plotH;
      y -= bh;
      const rect = h('svg:rect', {
        class: 'bar c' + c, x: (LEFT + i * barW + 0.5).toFixed(1), y: y.toFixed(1),
        width: Math.max(1, barW - 1).toFixed(1), height: Math.max(0.5, bh).toFixed(1),
      });
      rect.append(h('svg:title', {}, `${minutes - i} min ago: ${n} × ${c}`));
      svg.append(rect);
    }
  }
  return h('figure', { class: 'chart' },
    h('h3', {}, title),
    svg,
    legend(options.limited ? perMinute.limited.reduce((a, b) => a + b, 0) : null));
}

function legend(limited) {
  const items = CLASSES.map((c) => h('li', {}, h('span', { class: 'swatch c' + c, 'aria-hidden': 'true' }), c));
  if (limited) items.push(h('li', {}, `${limited} refused by the rate limit (in 4xx)`));
  return h('ul', { class: 'legend' }, items);
}

function niceMax(n) {
  const p = Math.pow(10, Math.floor(Math.log10(n)));
  for (const m of [1, 2, 5, 10]) if (m * p >= n) return m * p;
  return 10 * p;
}
