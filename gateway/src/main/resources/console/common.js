// Shared by the console's pages: building DOM safely, calling the console's API, formatting.
// Untrusted text (Keap metadata, upstream errors, paths) only ever reaches the page as text
// nodes: nothing here sets innerHTML.

/** An element: attrs are properties or attributes (on* are listeners); children strings become text. */
export function h(tag, attrs = {}, ...children) {
  const el = tag.startsWith('svg:')
    ? document.createElementNS('http://www.w3.org/2000/svg', tag.slice(4))
    : document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === null || v === undefined || v === false) continue;
    if (k.startsWith('on')) el.addEventListener(k.slice(2), v);
    else if (k === 'text') el.textContent = String(v);
    else el.setAttribute(k, v === true ? '' : String(v));
  }
  append(el, children);
  return el;
}

function append(el, children) {
  for (const c of children.flat()) {
    if (c === null || c === undefined || c === false) continue;
    el.append(c instanceof Node ? c : document.createTextNode(String(c)));
  }
}

export const $ = (id) => document.getElementById(id);

let csrf = null;
let signInPage = '/console';

/** The console API: JSON in and out; a lost session goes back to the sign-in form. */
export async function api(method, path, body) {
  const headers = { 'Accept': 'application/json' };
  if (method !== 'GET') {
    headers['Content-Type'] = 'application/json';
    if (csrf) headers['X-CSRF-Token'] = csrf;
  }
  const res = await fetch('/console/api' + path, {
    method, headers, credentials: 'same-origin', cache: 'no-store',
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  let data = null;
  try { data = await res.json(); } catch (e) { data = null; }
  if (res.status === 401 && csrf) {
    location.assign(signInPage);
    throw new Error('The session has ended.');
  }
  if (!res.ok) {
    const message = data && data.error && data.error.message ? data.error.message : 'The gateway answered ' + res.status;
    const err = new Error(message);
    err.status = res.status;
    throw err;
  }
  return data;
}

/** Reads the page's session (its CSRF token stays in memory only) and wires the header. */
export async function start(kind) {
  signInPage = kind === 'operator' ? '/console/admin' : '/console';
  const path = kind === 'operator' ? '/admin/session' : '/session';
  let s;
  try {
    s = await api('GET', path);
  } catch (e) {
    location.assign(signInPage);
    throw e;
  }
  csrf = s.csrf_token;
  const who = $('who');
  if (who) who.textContent = kind === 'operator' ? 'Operator' : 'Account: ' + s.account.name;
  const out = $('sign-out');
  if (out) {
    out.addEventListener('click', async () => {
      try { await api('DELETE', path); } finally { location.assign(signInPage); }
    });
  }
  return s;
}

export function showError(el, err) {
  el.textContent = err ? String(err.message || err) : '';
  el.hidden = !err;
}

/** A time as "2026-12-06 22:40:12 UTC (in 14 min)". */
export function when(iso) {
  if (!iso) return '—';
  const t = new Date(iso);
  const text = t.toISOString().replace('T', ' ').replace(/\.\d+Z$/, ' UTC');
  return text + ' (' + relative(t) + ')';
}

export function relative(t) {
  const s = Math.round((t.getTime() - Date.now()) / 1000);
  const a = Math.abs(s);
  const n = a < 90 ? a + ' s' : a < 5400 ? Math.round(a / 60) + ' min' : a < 172800 ? Math.round(a / 3600) + ' h'
    : Math.round(a / 86400) + ' days';
  return s >= 0 ? 'in ' + n : n + ' ago';
}

export function number(n) {
  return n === null || n === undefined ? '—' : Number(n).toLocaleString('en');
}

/** Copies text to the clipboard, saying so on the button (and falling back to a selection). */
export async function copy(text, button) {
  try {
    await navigator.clipboard.writeText(text);
    flash(button, 'Copied');
  } catch (e) {
    const range = document.createRange();
    const node = h('span', { class: 'sr-only' }, text);
    document.body.append(node);
    range.selectNodeContents(node);
    getSelection().removeAllRanges();
    getSelection().addRange(range);
    const ok = document.execCommand && document.execCommand('copy');
    node.remove();
    flash(button, ok ? 'Copied' : 'Copy failed');
  }
}

function flash(button, text) {
  const before = button.dataset.label || button.textContent;
  button.dataset.label = before;
  button.textContent = text;
  setTimeout(() => { button.textContent = before; }, 1500);
}

export function announce(text) {
  const el = $('announce');
  if (el) el.textContent = text;
}

/** A connection's status badge: ACTIVE, PENDING, FAILED, or BACKING OFF for an ACTIVE one waiting to retry a refresh. */
export function badge(c) {
  const backing = c.status === 'ACTIVE' && c.token_health && c.token_health.backing_off;
  const label = backing ? 'BACKING OFF' : c.status;
  const cls = backing ? 'backoff' : c.status.toLowerCase();
  return h('span', { class: 'badge ' + cls, 'data-status': label }, label);
}

/** Calls fn now and every ms while the page is shown. */
export function every(ms, fn) {
  fn();
  setInterval(() => { if (!document.hidden) fn(); }, ms);
}
