// Traffic of the last hour: requests per minute by status class (the account's and each
// connection's), latency, the rate limit, Keap's quota, and the last requests.
import { $, api, start, showError, every } from './common.js';
import { render } from './traffic-view.js';

await start('account');
const root = $('traffic');
every(5000, async () => {
  try {
    const t = await api('GET', '/traffic');
    showError($('load-error'), null);
    root.replaceChildren(...render(t, false));
    root.setAttribute('aria-busy', 'false');
  } catch (e) {
    showError($('load-error'), e);
  }
});

