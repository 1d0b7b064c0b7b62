// The example shop's script: writes what the shop hears from commerce-otp into the page's
// "What the shop heard" list. A token is never shown, only its length.
const list = document.getElementById('log');

export function log(kind, detail) {
  const item = document.createElement('li');
  const shown = { ...detail };
  if (typeof shown.token === 'string') shown.token = `(${shown.token.length} characters)`;
  if (shown.session?.token) shown.session = { ...shown.session, token: `(${shown.session.token.length} characters)` };
  item.textContent = detail == null ? kind : `${kind} ${JSON.stringify(shown)}`;
  list?.append(item);
}

// The element's events bubble out of its shadow root to the document.
for (const kind of ['ready', 'signed-in', 'password-reset', 'signed-out', 'cancelled']) {
  document.addEventListener(`commerce-otp:${kind}`, (event) => log(`${event.target.id}: ${kind}`, event.detail));
}
