// What the tests of a deployed dist/ (static-host.spec.js, apache-host.spec.js) share: the
// policy-violation watch, the console watch of extra pages, and the README's link templates.
const { expect } = require('@playwright/test');

/** Records every `securitypolicyviolation` in the page, from its first script on. */
async function watchPolicy(page) {
  await page.addInitScript(() => {
    window.__violations = [];
    document.addEventListener('securitypolicyviolation', (e) => {
      window.__violations.push(`${e.violatedDirective} ${e.blockedURI}`);
    });
  });
}

async function expectNoViolations(page) {
  expect(await page.evaluate(() => window.__violations)).toEqual([]);
}

/**
 * Console errors and uncaught exceptions of a page the fixture does not watch (one opened
 * with `context().newPage()`), but for Commerce's expected 4xx, as in support/fixtures.js.
 * Returns the array they are collected in.
 */
function watchConsole(page) {
  const problems = [];
  page.on('console', (msg) => {
    if (msg.type() !== 'error') return;
    const commerce = (msg.location().url || '').startsWith(process.env.API_URL);
    if (commerce && /^Failed to load resource: the server responded with a status of \d{3}/.test(msg.text())) return;
    problems.push(`console.error: ${msg.text()} (${msg.location().url || 'no location'})`);
  });
  page.on('pageerror', (err) => problems.push(`uncaught: ${err.message}`));
  return problems;
}

/** The README's e-mail link templates (fragment form), filled from the event's payload. */
function linkFrom(app, payload) {
  const info = payload.user_authentication_password_profile_info;
  const q = (pairs) => pairs.map(([k, v]) => `${k}=${encodeURIComponent(v)}`).join('&');
  if (payload.purpose === 'reset_password') {
    return `${app}#/change_password?${q([
      ['username', info.username],
      ['token', payload.one_time_password_token],
      ['password_profile_id', payload.password_profile_id],
      ['user_authentication_password_profile_info_id', info.id],
      ['authentication_realm_id', payload.authentication_realm_id],
    ])}`;
  }
  return `${app}#/passwordless?${q([
    ['username', info.username],
    ['token', payload.one_time_password_token],
    ['password_profile_id', payload.password_profile_id],
    ['authentication_realm_id', payload.authentication_realm_id],
  ])}`;
}

const heading = (page) => page.getByRole('heading', { level: 1 });

/**
 * On a host that rewrites the app's pages to index.html (the optional rule of deploy/), with
 * the app at `app`: a reload of a page, no rewrite of a deeper path (a 404, not an index.html
 * whose relative assets could not load there), and a reset by the seed guide's path form of
 * the link. `john` is the demo shopper; the emulator hands out `lprvj4`.
 */
async function pathFormAndReload(page, emulator, app, john) {
  await watchPolicy(page);
  await emulator.nextCodes(['lprvj4']);
  await page.goto(`${app}forgot_password`);
  await expect(heading(page)).toHaveText('Reset your password');
  await page.getByLabel('E-mail address').fill(john.email);
  await page.getByRole('button', { name: 'Send code' }).click();
  await expect(heading(page)).toHaveText('Choose a new password');
  await page.reload();
  await expect(heading(page)).toHaveText('Choose a new password');

  expect((await page.request.get(`${app}change_password/x`)).status()).toBe(404);

  await page.goto(`${app}change_password?username=${john.email}&token=lprvj4`);
  await expect(page.getByText(john.email)).toBeVisible();
  await page.getByLabel('New password', { exact: true }).fill('Blue-Harbour-42');
  await page.getByLabel('New password again').fill('Blue-Harbour-42');
  await page.getByRole('button', { name: 'Change password' }).click();
  await expect(heading(page)).toHaveText('Your password has been changed');
  await expectNoViolations(page);
}

module.exports = {
  watchPolicy, expectNoViolations, watchConsole, linkFrom, heading, pathFormAndReload,
};
