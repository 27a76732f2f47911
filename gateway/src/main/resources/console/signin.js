// The two sign-in forms (an API key at /console, the admin token at /console/admin). The secret
// goes once, in a POST body, and is cleared from the field; the session lives in an HttpOnly
// cookie this script cannot read.
import { $, api, showError } from './common.js';

const form = $('signin');
const input = form.querySelector('input');
const error = $('signin-error');

form.addEventListener('submit', async (event) => {
  event.preventDefault();
  const secret = input.value.trim();
  if (!secret) {
    showError(error, new Error('Enter the ' + (form.dataset.kind === 'operator' ? 'admin token' : 'API key') + '.'));
    input.focus();
    return;
  }
  const button = form.querySelector('button');
  button.disabled = true;
  showError(error, null);
  try {
    await api('POST', form.dataset.kind === 'operator' ? '/admin/session' : '/session', { [form.dataset.field]: secret });
    input.value = '';
    location.assign(form.dataset.next);
  } catch (e) {
    input.value = '';
    showError(error, e);
    input.focus();
  } finally {
    button.disabled = false;
  }
});
input.focus();
