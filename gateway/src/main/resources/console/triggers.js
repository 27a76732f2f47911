// The account's triggers: each with its status and reason and its destinations (status, reason,
// the signing secret masked: a new one is shown once, in a dialog), the recent events of the one
// opened with their delivery counts, and one event's deliveries and payload, with replay.
// Refreshed every few seconds. Payloads and receivers' errors are untrusted: text nodes only.
import { $, h, api, start, showError, when, number, copy, announce, every } from './common.js';

const list = $('triggers');
const loadError = $('load-error');
const seen = { triggers: '', events: '', event: '' };
let data = { triggers: [], connections: [], event_types: { keap: [], gateway: [] } };
let openTrigger = null;
let openEvent = null;
let pendingDelete = null;

await start('account');
every(3000, refresh);

async function refresh() {
  try {
    await loadTriggers();
    await loadEvents();
    await loadEvent();
    showError(loadError, null);
  } catch (e) {
    showError(loadError, e);
  }
}

/** Whether an answer differs from the last one shown in that place (and remembers it). */
function changed(place, value) {
  const json = JSON.stringify(value);
  if (json === seen[place]) return false;
  seen[place] = json;
  return true;
}

async function loadTriggers() {
  const d = await api('GET', '/triggers');
  if (!changed('triggers', d)) return;
  data = d;
  fillForm();
  const focused = document.activeElement && document.activeElement.id;
  const shown = d.triggers.length ? d.triggers.map(card) : [h('p', { class: 'notice' }, 'No triggers yet. Create one above.')];
  if (d.more) shown.push(h('p', { class: 'muted' }, 'Only the first 100 are shown; the API lists the rest (GET /triggers).'));
  list.replaceChildren(...shown);
  list.setAttribute('aria-busy', 'false');
  if (openTrigger && !d.triggers.some((t) => t.trigger_id === openTrigger)) close();
  if (focused && $(focused)) $(focused).focus();
}

function statusBadge(status) {
  const cls = status === 'ENABLED' || status === 'SUCCEEDED' ? 'active'
    : status === 'FAILED' ? 'failed' : 'pending';
  return h('span', { class: 'badge ' + cls, 'data-status': status }, status);
}

function card(t) {
  const id = t.trigger_id;
  const title = t.name || t.event_type;
  const on = t.status === 'ENABLED';
  return h('article', { class: 'card trigger', 'data-id': id, 'data-status': t.status, 'aria-labelledby': 'title-' + id },
    h('header', {}, statusBadge(t.status), h('h2', { id: 'title-' + id }, title),
      h('div', { class: 'idline' }, h('code', {}, id))),
    t.reason ? h('p', { class: 'reason error' }, t.reason) : null,
    h('dl', {},
      item('Source', t.source),
      item('Event type', t.event_type),
      item('Connection', t.connection_id || 'every connection'),
      item('Created', when(t.created_at))),
    destinations(t),
    h('div', { class: 'actions' },
      h('button', { type: 'button', id: 'events-' + id, 'aria-controls': 'events-box', onclick: () => openEvents(id) },
        'Events'),
      h('button', { type: 'button', class: 'quiet', id: 'status-' + id,
        onclick: () => change('PATCH', '/triggers/' + enc(id), { status: on ? 'DISABLED' : 'ENABLED' },
          on ? 'Trigger disabled.' : 'Trigger enabled.') }, on ? 'Disable' : 'Enable'),
      h('button', { type: 'button', class: 'danger', id: 'delete-trigger-' + id, onclick: () => askDelete(id) }, 'Delete')));
}

function destinations(t) {
  if (!t.destinations.length) return h('p', { class: 'muted' }, 'No destinations: the API adds them (POST /triggers/{id}/destinations).');
  return h('table', { class: 'destinations' },
    h('caption', { class: 'sr-only' }, 'Destinations of ' + (t.name || t.event_type)),
    h('thead', {}, h('tr', {}, h('th', {}, 'Destination'), h('th', {}, 'Status'), h('th', {}, 'Signing secret'), h('th', {}, ''))),
    h('tbody', {}, t.destinations.map((d) => h('tr', { 'data-destination': d.destination_id },
      h('td', {}, d.name ? h('strong', {}, d.name + ' ') : null, h('code', {}, d.method + ' ' + d.url)),
      h('td', {}, statusBadge(d.status), d.reason ? h('div', { class: 'reason' }, d.reason) : null),
      h('td', {}, h('code', { id: 'masked-' + d.destination_id }, d.signing_secret)),
      h('td', {},
        h('button', { type: 'button', class: 'quiet', id: 'rotate-' + d.destination_id,
          onclick: () => rotate(t.trigger_id, d.destination_id) }, 'Rotate secret'),
        d.status !== 'ENABLED' ? h('button', { type: 'button', id: 'enable-' + d.destination_id,
          onclick: () => change('PATCH', '/triggers/' + enc(t.trigger_id) + '/destinations/' + enc(d.destination_id),
            { status: 'ENABLED' }, 'Destination enabled.') }, 'Enable') : null)))));
}

function item(label, value) {
  return h('div', {}, h('dt', {}, label), h('dd', {}, value));
}

const enc = encodeURIComponent;

async function change(method, path, body, said) {
  try {
    await api(method, path, body);
    announce(said);
    await refresh();
  } catch (e) {
    showError(loadError, e);
  }
}

// --- events of the open trigger, and the open event's deliveries

function openEvents(id) {
  openTrigger = id;
  openEvent = null;
  seen.events = '';
  $('event-box').hidden = true;
  loadEvents().then(() => $('events-box').scrollIntoView()).catch((e) => showError(loadError, e));
}

function close() {
  openTrigger = null;
  openEvent = null;
  $('events-box').hidden = true;
  $('event-box').hidden = true;
}

async function loadEvents() {
  if (!openTrigger) return;
  const d = await api('GET', '/triggers/' + enc(openTrigger) + '/events');
  const t = data.triggers.find((x) => x.trigger_id === openTrigger);
  $('events-title').textContent = 'Recent events of ' + (t ? t.name || t.event_type : openTrigger);
  $('events-box').hidden = false;
  if (!changed('events', d)) return;
  const focused = document.activeElement && document.activeElement.id;
  $('events').replaceChildren(d.events.length ? h('table', { id: 'event-list' },
    h('thead', {}, h('tr', {}, h('th', {}, 'Received'), h('th', {}, 'Event'), h('th', {}, 'Objects'),
      h('th', { class: 'num' }, 'Delivered'), h('th', { class: 'num' }, 'Failed'), h('th', { class: 'num' }, 'Deliveries'),
      h('th', {}, ''))),
    h('tbody', {}, d.events.map((e) => h('tr', { 'data-event': e.event_id },
      h('td', {}, when(e.received_at)),
      h('td', {}, eventName(e.payload)),
      h('td', {}, objects(e.payload)),
      h('td', { class: 'num' }, number(e.delivery_counts.succeeded)),
      h('td', { class: 'num' }, number(e.delivery_counts.failed)),
      h('td', { class: 'num' }, number(e.delivery_counts.total)),
      h('td', {}, h('button', { type: 'button', class: 'quiet', id: 'open-event-' + e.event_id,
        onclick: () => openOne(e.event_id) }, 'Deliveries'))))))
    : h('p', { class: 'notice' }, 'No events yet. They appear here as they arrive.'));
  if (focused && $(focused)) $(focused).focus();
}

function eventName(p) {
  return (p && (p.event_key || p.event_type)) || '—';
}

function objects(p) {
  const keys = p && Array.isArray(p.object_keys) ? p.object_keys : [];
  if (keys.length) return keys.map((k) => (p.object_type || 'object') + ' ' + k.id).join(', ');
  return p && p.connection_id ? 'connection ' + p.connection_id : '—';
}

function openOne(eventId) {
  openEvent = eventId;
  seen.event = '';
  loadEvent().then(() => $('event-box').scrollIntoView()).catch((e) => showError(loadError, e));
}

async function loadEvent() {
  if (!openTrigger || !openEvent) return;
  const d = await api('GET', '/triggers/' + enc(openTrigger) + '/events/' + enc(openEvent));
  $('event-box').hidden = false;
  if (!changed('event', d)) return;
  showEvent(d.event);
}

function showEvent(e) {
  const t = data.triggers.find((x) => x.trigger_id === e.trigger_id);
  const byId = new Map((t ? t.destinations : []).map((d) => [d.destination_id, d]));
  $('event-title').textContent = 'Event ' + e.event_id;
  $('event-box').dataset.event = e.event_id;
  $('payload').textContent = JSON.stringify(e.payload, null, 2);
  $('deliveries').replaceChildren(e.deliveries.length ? h('table', { id: 'delivery-list' },
    h('thead', {}, h('tr', {}, h('th', {}, 'Destination'), h('th', {}, 'Status'), h('th', { class: 'num' }, 'Attempts'),
      h('th', {}, 'Last response'), h('th', {}, 'Last error'), h('th', {}, 'Last attempt'), h('th', {}, 'Next attempt'))),
    h('tbody', {}, e.deliveries.map((d) => {
      const dest = byId.get(d.destination_id);
      return h('tr', { 'data-delivery': d.delivery_id, 'data-status': d.status },
        h('td', {}, h('code', {}, dest ? dest.url : d.destination_id), d.replay ? h('span', { class: 'muted' }, ' (replay)') : null),
        h('td', {}, statusBadge(d.status)),
        h('td', { class: 'num' }, number(d.attempts)),
        h('td', {}, d.last_response_status === null ? '—'
          : d.last_response_status + ' in ' + number(d.last_response_duration) + ' ms'),
        h('td', { class: 'reason' }, d.last_error_message || '—'),
        h('td', {}, when(d.last_attempt_at)),
        h('td', {}, d.next_attempt_at ? when(d.next_attempt_at) : '—'));
    })))
    : h('p', { class: 'notice' }, 'No deliveries: the trigger had no enabled destination.'));
}

$('replay').addEventListener('click', async (event) => {
  const button = event.currentTarget;
  button.disabled = true;
  try {
    const r = await api('POST', '/triggers/' + enc(openTrigger) + '/events/' + enc(openEvent) + '/replay', {});
    seen.event = '';
    showEvent(r.event);
    announce('Replay queued: the event goes out again to every enabled destination.');
    await refresh();
  } catch (e) {
    showError(loadError, e);
  } finally {
    button.disabled = false;
  }
});

// --- secrets: shown once

const secretDialog = $('secret');
function showSecret(secret) {
  $('secret-value').textContent = secret;
  secretDialog.showModal();
  $('secret-copy').focus();
}
$('secret-copy').addEventListener('click', (e) => copy($('secret-value').textContent, e.currentTarget));
$('secret-close').addEventListener('click', () => {
  $('secret-value').textContent = '';
  secretDialog.close();
});
secretDialog.addEventListener('close', () => { $('secret-value').textContent = ''; });

async function rotate(triggerId, destinationId) {
  try {
    const r = await api('POST', '/triggers/' + enc(triggerId) + '/destinations/' + enc(destinationId) + '/rotate-secret', {});
    showSecret(r.signing_secret);
    announce('New signing secret made; the old one no longer signs.');
    await refresh();
  } catch (e) {
    showError(loadError, e);
  }
}

// --- create and delete

const source = $('trigger-source');
source.addEventListener('change', () => {
  $('trigger-event').value = source.value === 'keap' ? 'contact.add' : 'connection.failed';
  fillForm();
});

function fillForm() {
  const types = data.event_types[source.value] || [];
  $('event-types').replaceChildren(...types.map((t) => h('option', { value: t })));
  const select = $('trigger-connection');
  const before = select.value;
  const usable = data.connections.filter((c) => source.value === 'gateway' || c.status === 'ACTIVE');
  const options = usable.map((c) => h('option', { value: c.connection_id },
    (c.tenant_id ? 'Keap ' + c.tenant_id + ' · ' : '') + c.connection_id.slice(0, 8) + '… (' + c.status + ')'));
  if (source.value === 'gateway') options.unshift(h('option', { value: '' }, 'Every connection, present and future'));
  select.replaceChildren(...options);
  if (!usable.length && source.value === 'keap') select.append(h('option', { value: '' }, 'No ACTIVE connection'));
  if ([...select.options].some((o) => o.value === before)) select.value = before;
}

$('new-trigger').addEventListener('submit', async (event) => {
  event.preventDefault();
  const button = $('create-trigger');
  button.disabled = true;
  const body = { source: source.value, event_type: $('trigger-event').value.trim(),
    destinations: [{ url: $('trigger-url').value.trim() }] };
  if ($('trigger-connection').value) body.connection_id = $('trigger-connection').value;
  if ($('trigger-name').value.trim()) body.name = $('trigger-name').value.trim();
  try {
    announce(source.value === 'keap' ? 'Subscribing at Keap…' : 'Creating…');
    const made = await api('POST', '/triggers', body);
    $('trigger-url').value = '';
    $('trigger-name').value = '';
    await refresh();
    announce('Trigger created.');
    showSecret(made.trigger.destinations[0].signing_secret);
  } catch (e) {
    showError(loadError, e);
  } finally {
    button.disabled = false;
  }
});

const deleteDialog = $('confirm-delete');
function askDelete(id) {
  pendingDelete = id;
  $('confirm-delete-id').textContent = id;
  deleteDialog.showModal();
  $('confirm-delete-cancel').focus();
}
$('confirm-delete-cancel').addEventListener('click', () => deleteDialog.close());
$('confirm-delete-ok').addEventListener('click', async () => {
  const id = pendingDelete;
  deleteDialog.close();
  if (openTrigger === id) close();
  await change('DELETE', '/triggers/' + enc(id), undefined, 'Trigger deleted.');
});
