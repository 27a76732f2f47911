// The operator's view: the gateway's state, its traffic, every account with its keys and rate
// limit, and every connection's health. A new key's secret is shown once, in a dialog.
import { $, h, api, start, showError, when, number, copy, announce, badge, every } from './common.js';
import { render } from './traffic-view.js';

await start('operator');
const root = $('overview');
const stateBox = h('section', { 'aria-labelledby': 'state-title' });
const trafficBox = h('section', { 'aria-labelledby': 'traffic-title' });
const accountsBox = h('section', { 'aria-labelledby': 'accounts-title' });
const connectionsBox = h('section', { 'aria-labelledby': 'connections-title' });
root.replaceChildren(stateBox, accountsBox, connectionsBox, trafficBox);
let lastJson = '';

every(5000, refresh);

async function refresh() {
  try {
    const [o, t] = await Promise.all([api('GET', '/admin/overview'), api('GET', '/admin/traffic')]);
    showError($('load-error'), null);
    const json = JSON.stringify(o);
    if (json !== lastJson) {
      lastJson = json;
      const focused = document.activeElement && document.activeElement.id;
      stateBox.replaceChildren(h('h2', { id: 'state-title' }, 'State'), state(o.gateway));
      accountsBox.replaceChildren(h('h2', { id: 'accounts-title' }, 'Accounts and keys'), newAccountForm(), accounts(o.accounts));
      connectionsBox.replaceChildren(h('h2', { id: 'connections-title' }, 'Every connection'), connections(o.connections));
      if (focused && $(focused)) $(focused).focus();
    }
    trafficBox.replaceChildren(h('h2', { id: 'traffic-title' }, 'Traffic in the last hour (this instance)'), ...render(t, true));
    root.setAttribute('aria-busy', 'false');
  } catch (e) {
    showError($('load-error'), e);
  }
}

function state(g) {
  const tile = (label, value) => h('div', { class: 'stat' }, h('div', { class: 'label' }, label), h('div', { class: 'value' }, value));
  return h('div', {},
    h('div', { class: 'stats' },
      tile('Store', g.store.kind + (g.store.reachable ? ', answering' : ', NOT answering')),
      tile('Redis', g.redis.configured ? 'on' : 'off'),
      tile('Rate limits', g.redis.limits),
      tile('Default account limit', number(g.rate_limits.default_per_second) + '/s, burst ' + number(g.rate_limits.burst)),
      tile('Upstream budget', g.upstream_budget.per_minute
        ? number(g.upstream_budget.requests_this_minute) + ' of ' + number(g.upstream_budget.per_minute) + ' this minute'
        : 'none')),
    g.problems.length ? h('ul', { class: 'error' }, g.problems.map((p) => h('li', {}, p))) : h('p', { class: 'muted' }, 'Ready: no problems reported.'));
}

function newAccountForm() {
  const input = h('input', { id: 'new-account-name', name: 'name', required: true, autocomplete: 'off' });
  return h('form', { class: 'bar', onsubmit: async (e) => {
    e.preventDefault();
    if (!input.value.trim()) { input.focus(); return; }
    try {
      const made = await api('POST', '/admin/accounts', { name: input.value.trim() });
      input.value = '';
      showKey(made.api_key);
      await refresh();
    } catch (err) { showError($('load-error'), err); }
  } }, h('label', { for: 'new-account-name' }, 'New account name'), input, h('button', { type: 'submit' }, 'Create account'));
}

function accounts(list) {
  return h('table', { id: 'accounts' },
    h('thead', {}, h('tr', {}, h('th', {}, 'Account'), h('th', { class: 'num' }, 'Rate limit'),
      h('th', { class: 'num' }, 'Connections'), h('th', {}, 'Keys'))),
    h('tbody', {}, list.map((a) => h('tr', { 'data-account': a.id },
      h('td', {}, h('strong', {}, a.name), h('br'), h('code', {}, a.id)),
      h('td', { class: 'num' }, rateControl(a)),
      h('td', { class: 'num' }, number(a.connections)),
      h('td', {}, h('ul', { class: 'keys' }, a.keys.map((k) => h('li', { 'data-key': k.id },
        h('span', {}, (k.name || 'key') + ' · '), h('code', {}, k.id.slice(0, 8)),
        h('span', { class: 'muted' }, ' · last used ' + (k.last_used_time ? when(k.last_used_time) : 'never') + ' '),
        h('button', { type: 'button', class: 'danger', id: 'revoke-' + k.id, 'aria-label': 'Revoke key ' + (k.name || '') + ' ' + k.id,
          onclick: () => revoke(k.id) }, 'Revoke')))),
        h('button', { type: 'button', class: 'quiet', id: 'new-key-' + a.id, 'aria-label': 'New key for ' + a.name,
          onclick: () => newKey(a.id) }, 'New key'))))));
}

// What the operator typed in a rate field and has not set yet, by account: the overview is
// re-drawn every few seconds and must not wipe it.
const rateDrafts = new Map();

/** The account's rate limit: a field to set it (requests per second), and a way back to the default. */
function rateControl(a) {
  const id = 'rate-' + a.id;
  const input = h('input', { id, type: 'number', min: 1, max: 1000000, step: 1, required: true, class: 'rate',
    value: rateDrafts.has(a.id) ? rateDrafts.get(a.id) : a.effective_rate_limit_per_second,
    oninput: (e) => rateDrafts.set(a.id, e.currentTarget.value) });
  return h('form', { class: 'rate-form', 'data-rate': a.effective_rate_limit_per_second, onsubmit: async (e) => {
    e.preventDefault();
    await setRate(a, Number(input.value));
  } },
  h('label', { for: id, class: 'sr-only' }, 'Rate limit of ' + a.name + ', requests per second'),
  input, h('span', {}, '/s '),
  h('button', { type: 'submit', class: 'quiet', id: 'set-rate-' + a.id, 'aria-label': 'Set the rate limit of ' + a.name }, 'Set'),
  h('div', { class: 'muted', id: 'rate-note-' + a.id }, a.rate_limit_per_second === null ? 'the default'
    : h('button', { type: 'button', class: 'quiet', id: 'default-rate-' + a.id,
      'aria-label': 'Give ' + a.name + ' the default rate limit', onclick: () => setRate(a, null) }, 'Use the default')));
}

async function setRate(a, perSecond) {
  try {
    await api('PATCH', '/admin/accounts/' + encodeURIComponent(a.id), { rate_limit_per_second: perSecond });
    rateDrafts.delete(a.id);
    announce(perSecond === null ? a.name + ' now has the default rate limit.'
      : a.name + ' may now make ' + perSecond + ' requests a second.');
    lastJson = '';
    await refresh();
  } catch (e) { showError($('load-error'), e); }
}

function connections(list) {
  if (!list.length) return h('p', { class: 'notice' }, 'No connections yet.');
  return h('table', { id: 'all-connections' },
    h('thead', {}, h('tr', {}, h('th', {}, 'Status'), h('th', {}, 'Account'), h('th', {}, 'Keap tenant'), h('th', {}, 'Connection'),
      h('th', {}, 'Token expires'), h('th', {}, 'Next refresh'), h('th', { class: 'num' }, 'Failures'),
      h('th', {}, 'Last failure'), h('th', { class: 'num' }, 'Requests / errors (1 h)'))),
    h('tbody', {}, list.map((c) => h('tr', { 'data-id': c.connection_id },
      h('td', {}, badge(c)),
      h('td', {}, c.account.name),
      h('td', {}, (c.metadata && c.metadata.tenant_id) || '—'),
      h('td', {}, h('code', {}, c.connection_id)),
      h('td', {}, when(c.token_health.access_token_expires_time)),
      h('td', {}, when(c.token_health.next_refresh_time)),
      h('td', { class: 'num' }, number(c.token_health.refresh_failures)),
      h('td', {}, c.failure_reason || c.token_health.last_refresh_error || '—'),
      h('td', { class: 'num' }, number(c.last_hour.requests) + ' / ' + number(c.last_hour.errors))))));
}

async function newKey(accountId) {
  try {
    const made = await api('POST', '/admin/accounts/' + encodeURIComponent(accountId) + '/keys', {});
    showKey(made.api_key);
    await refresh();
  } catch (e) { showError($('load-error'), e); }
}

async function revoke(keyId) {
  try {
    await api('DELETE', '/admin/keys/' + encodeURIComponent(keyId));
    announce('Key revoked.');
    await refresh();
  } catch (e) { showError($('load-error'), e); }
}

const dialog = $('new-key');
function showKey(secret) {
  $('new-key-value').textContent = secret;
  dialog.showModal();
  $('new-key-copy').focus();
}
$('new-key-copy').addEventListener('click', (e) => copy($('new-key-value').textContent, e.currentTarget));
$('new-key-close').addEventListener('click', () => {
  $('new-key-value').textContent = '';
  dialog.close();
});
dialog.addEventListener('close', () => { $('new-key-value').textContent = ''; });
