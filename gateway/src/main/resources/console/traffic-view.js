// The traffic view's parts, shared by the account's traffic page and the operator's page.
import { h, number } from './common.js';
import { requestsChart } from './chart.js';

/** The traffic view's parts (also used by the operator's page, with gateway-wide figures). */
export function render(t, gatewayWide) {
  const parts = [];
  parts.push(h('div', { class: 'stats' },
    stat('Requests', number(t.total.requests)),
    stat('Errors (4xx and 5xx)', number(t.total.errors)),
    stat('Latency p50', ms(t.total.latency_ms.p50)),
    stat('Latency p99', ms(t.total.latency_ms.p99)),
    gatewayWide ? null : rateLimit(t.rate_limit),
    quota('Keap quota this minute (shared)', t.keap_quota, 'minute'),
    quota('Keap quota today (shared)', t.keap_quota, 'day')));
  parts.push(requestsChart(gatewayWide ? 'Requests per minute, whole gateway' : 'Requests per minute, all connections',
    t.total.per_minute, { limited: true }));
  if (t.connections.length) {
    parts.push(h('h2', {}, 'By connection'));
    parts.push(h('div', { class: 'grid2' }, t.connections.map((c) =>
      requestsChart('Connection ' + c.connection_id + tenant(c.tenant_quota), c.counts.per_minute))));
  }
  parts.push(h('h2', {}, 'Last requests'));
  parts.push(recent(t.recent));
  return parts;
}

function tenant(q) {
  return q && q.tenant_used ? ` · Keap tenant throttle used ${q.tenant_used} of ${q.tenant_limit} (minute|day)` : '';
}

function stat(label, value, extra) {
  return h('div', { class: 'stat' }, h('div', { class: 'label' }, label), h('div', { class: 'value' }, value), extra || null);
}

function ms(v) {
  return v === null || v === undefined ? '—' : '≤ ' + v + ' ms';
}

function rateLimit(r) {
  if (!r) return stat('Rate limit', 'no requests yet');
  const capacity = r.limit_per_second + r.burst;
  const used = Math.max(0, capacity - r.remaining);
  return stat(`Rate limit: ${number(r.limit_per_second)}/s, burst ${number(r.burst)}`,
    `${number(r.remaining)} of ${number(capacity)} left`,
    h('meter', { min: 0, max: capacity, value: Math.min(used, capacity), high: capacity * 0.8,
      'aria-label': 'Rate limit used at the last request' }));
}

function quota(label, q, window) {
  if (!q) return stat(label, 'not seen yet');
  const used = window === 'minute' ? q.minute_used : q.day_used;
  const limit = window === 'minute' ? q.minute_limit : q.day_limit;
  if (limit === null || limit === undefined) return stat(label, 'not reported');
  return stat(label, `${number(used)} of ${number(limit)}`,
    h('meter', { min: 0, max: limit, value: Math.min(used || 0, limit), high: limit * 0.8, 'aria-label': label }));
}

function recent(rows) {
  if (!rows.length) return h('p', { class: 'notice' }, 'No requests in the last hour.');
  return h('table', { id: 'recent' },
    h('caption', { class: 'sr-only' }, 'The last requests, newest first'),
    h('thead', {}, h('tr', {}, h('th', {}, 'Time (UTC)'), h('th', {}, 'Method'), h('th', {}, 'Path'),
      h('th', { class: 'num' }, 'Status'), h('th', { class: 'num' }, 'Duration'), h('th', {}, 'Request id'))),
    h('tbody', {}, rows.map((r) => h('tr', {},
      h('td', {}, r.time.slice(11, 19)),
      h('td', {}, r.method),
      h('td', { class: 'mono' }, r.path + (r.query ? '?' + r.query : '')),
      h('td', { class: 'num s' + String(r.status)[0] }, String(r.status)),
      h('td', { class: 'num' }, r.duration_ms.toFixed(1) + ' ms'),
      h('td', { class: 'mono' }, r.request_id)))));
}
