// The account's connections: status, Keap tenant, token health and the last hour's requests,
// refreshed every few seconds (so a connection authorized in another tab turns ACTIVE here).
import { $, h, api, start, showError, when, number, copy, announce, badge, every } from './common.js';

const list = $('connections');
const loadError = $('load-error');
let lastJson = '';
let pendingDelete = null;

await start('account');
every(3000, load);

$('new-connection').addEventListener('click', async (event) => {
  const button = event.currentTarget;
  button.disabled = true;
  try {
    const made = await api('POST', '/connections', {});
    const url = made.connection.url;
    showLink(url, made.connection.connection_id);
    window.open(url, '_blank', 'noopener');
    announce('Connection created; its connect page opened in a new tab.');
    await load();
  } catch (e) {
    showError(loadError, e);
  } finally {
    button.disabled = false;
  }
});

function showLink(url, id) {
  const holder = $('new-link');
  holder.replaceChildren(h('a', { href: url, target: '_blank', rel: 'noopener noreferrer', id: 'connect-link' },
    'Open the connect page for ' + id.slice(0, 8) + '…'));
}

async function load() {
  let data;
  try {
    data = await api('GET', '/connections');
    showError(loadError, null);
  } catch (e) {
    showError(loadError, e);
    return;
  }
  const json = JSON.stringify(data.connections);
  if (json === lastJson) return;
  lastJson = json;
  const focused = document.activeElement && document.activeElement.id;
  list.replaceChildren(...(data.connections.length
    ? data.connections.map(card)
    : [h('p', { class: 'notice' }, 'No connections yet. Create one, then approve access on Keap\'s page.')]));
  list.setAttribute('aria-busy', 'false');
  if (focused && $(focused)) $(focused).focus();
}

function card(c) {
  const health = c.token_health;
  const meta = c.metadata || {};
  const tenant = meta.tenant_id ? meta.tenant_id + (meta.email ? ' (' + meta.email + ')' : '') : 'not connected yet';
  const id = c.connection_id;
  const copyButton = h('button', { type: 'button', class: 'quiet', id: 'copy-' + id,
    'aria-label': 'Copy the id ' + id, onclick: (e) => copy(id, e.currentTarget) }, 'Copy id');
  const actions = [];
  if (c.status !== 'ACTIVE') {
    actions.push(h('button', { type: 'button', id: 'reconnect-' + id, onclick: () => reconnect(id) },
      c.status === 'FAILED' ? 'Reconnect' : 'Connect'));
  }
  actions.push(h('button', { type: 'button', class: 'danger', id: 'delete-' + id, onclick: () => askDelete(id) }, 'Delete'));
  return h('article', { class: 'card connection', 'data-id': id, 'data-status': c.status, 'aria-labelledby': 'title-' + id },
    h('header', {},
      badge(c),
      h('h2', { id: 'title-' + id }, 'Keap · ' + tenant),
      h('div', { class: 'idline' }, h('code', { class: 'conn-id' }, id), copyButton)),
    c.status === 'FAILED' && c.failure_reason ? h('p', { class: 'reason error' }, 'Needs reconnecting: ' + c.failure_reason) : null,
    h('dl', {},
      item('Created', when(c.creation_time)),
      item('Access token expires', when(health.access_token_expires_time)),
      item('Last refresh', when(health.last_refresh_time)),
      item('Next planned refresh', when(health.next_refresh_time)),
      item('Refresh failures in a row', number(health.refresh_failures)),
      item('Last refresh failure', health.last_refresh_error
        ? health.last_refresh_error + ' — ' + when(health.last_refresh_error_time) : 'none'),
      item('Requests, last hour', number(c.last_hour.requests), 'requests-' + id),
      item('Errors, last hour', number(c.last_hour.errors))),
    h('div', { class: 'actions' }, actions));
}

function item(label, value, id) {
  return h('div', {}, h('dt', {}, label), h('dd', id ? { id } : {}, value));
}

async function reconnect(id) {
  try {
    const r = await api('POST', '/connections/' + encodeURIComponent(id) + '/reconnect');
    showLink(r.url, id);
    window.open(r.url, '_blank', 'noopener');
    announce('The connect page opened in a new tab.');
  } catch (e) {
    showError(loadError, e);
  }
}

const dialog = $('confirm-delete');
function askDelete(id) {
  pendingDelete = id;
  $('confirm-delete-id').textContent = id;
  dialog.showModal();
  $('confirm-delete-cancel').focus();
}
$('confirm-delete-cancel').addEventListener('click', () => dialog.close());
$('confirm-delete-ok').addEventListener('click', async () => {
  const id = pendingDelete;
  dialog.close();
  try {
    await api('DELETE', '/connections/' + encodeURIComponent(id));
    announce('Connection deleted.');
    await load();
  } catch (e) {
    showError(loadError, e);
  }
});
