// Nothing hangs and nothing is sent twice: time limits, calls dropped with the page that made
// them, one call per action, and a rejected credential sent once. Calls are counted in the
// browser, as they leave it.
const { test, expect, users } = require('../support/fixtures');

const heading = (page) => page.getByRole('heading', { level: 1 });
// Each test takes the `emulator` fixture for a fresh store, whether or not it reads it.

/** Counts the page's requests to the API whose path starts with `prefix`. */
function countCalls(page, prefix) {
  const seen = [];
  page.on('request', (r) => {
    const url = new URL(r.url());
    if (url.origin === process.env.API_URL && url.pathname.startsWith(prefix) && r.method() !== 'OPTIONS') seen.push(r);
  });
  return seen;
}

test('a call that gets no answer ends with a plain message after the time limit, input kept', async ({ page, emulator }) => {
  // The page's clock, moved past the 15-second limit rather than waited for.
  await page.clock.install();
  await emulator.fault({ path_prefix: '/v2/account-members/tokens', method: 'POST', status: 0, delay_ms: 25_000, times: 1 });
  await page.goto('/sign_in');
  await page.getByLabel('E-mail address').fill(users.john.email);
  await page.getByLabel('Password', { exact: true }).fill(users.john.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('button', { name: 'Signing in…' })).toBeVisible();
  await emulator.faultsMet();
  await page.clock.fastForward('00:14');
  await expect(page.getByRole('alert')).toBeEmpty();
  await page.clock.fastForward('00:02');
  await expect(page.getByRole('alert')).toContainText('The store took too long to answer');
  await expect(page.getByLabel('Password', { exact: true })).toHaveValue(users.john.password);
  // And it can be tried again at once.
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(heading(page)).toHaveText("You're signed in");
});

test('a wrong code or password is sent once, with one implicit token', async ({ page, emulator }) => {
  const exchanges = countCalls(page, '/v2/account-members/tokens');
  const tokens = countCalls(page, '/oauth/access_token');
  await page.goto('/passwordless?username=john.doe@banks.com&token=wrong0');
  await page.getByRole('button', { name: `Continue as ${users.john.email}` }).click();
  await expect(page.locator('#code-error')).toContainText("That code didn't work");
  await page.goto('/sign_in');
  await page.getByLabel('E-mail address').fill(users.john.email);
  await page.getByLabel('Password', { exact: true }).fill('not-the-password');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('alert')).toContainText("We couldn't sign you in");
  expect(exchanges.length).toBe(2);
  expect(tokens.length).toBe(2); // one per page load: the token lives in the tab's memory
});

test('one call per action, however often the form is submitted', async ({ page, emulator }) => {
  await emulator.fault({ path_prefix: '/v2/account-members/tokens', method: 'POST', status: 0, delay_ms: 1_000, times: 1 });
  const exchanges = countCalls(page, '/v2/account-members/tokens');
  await page.goto('/sign_in');
  await page.getByLabel('E-mail address').fill(users.john.email);
  await page.getByLabel('Password', { exact: true }).fill(users.john.password);
  // A click, Enter in a field and two scripted submits, all before the answer.
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByLabel('Password', { exact: true }).press('Enter');
  await page.evaluate(() => { const form = document.querySelector('form'); form.requestSubmit(); form.requestSubmit(); });
  await expect(heading(page)).toHaveText("You're signed in");
  expect(exchanges.length).toBe(1);
});

test('leaving a page drops its call: the late answer moves and signs in nobody', async ({ page, emulator }) => {
  await emulator.fault({ path_prefix: '/v2/account-members/tokens', method: 'POST', status: 0, delay_ms: 2_000, times: 1 });
  await page.goto('/sign_in');
  await page.getByLabel('E-mail address').fill(users.john.email);
  await page.getByLabel('Password', { exact: true }).fill(users.john.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('button', { name: 'Signing in…' })).toBeVisible();
  await page.getByRole('link', { name: 'Forgot your password?' }).click();
  await expect(heading(page)).toHaveText('Reset your password');
  await page.waitForTimeout(2_500);
  await expect(heading(page)).toHaveText('Reset your password');
  expect(await page.evaluate(() => window.commerceOtp.session())).toBeNull();
});

test('moving between pages does not send a second code within 30 seconds', async ({ page, emulator }) => {
  const requests = countCalls(page, '/v2/authentication-realms');
  await page.goto('/forgot_password');
  await page.getByLabel('E-mail address').fill(users.john.email);
  await page.getByRole('button', { name: 'Send code' }).click();
  await expect(heading(page)).toHaveText('Choose a new password');
  // Back, and again; then the other way in, by the header and the start page.
  await page.goBack();
  await expect(heading(page)).toHaveText('Reset your password');
  await page.getByRole('button', { name: 'Send code' }).click();
  await expect(heading(page)).toHaveText('Choose a new password');
  await expect(page.getByRole('status')).toContainText("we've just sent a code");
  await expect(page.getByRole('status')).toContainText('You can ask for another in');
  // "Send a new code" waits too.
  await expect(page.getByRole('button', { name: /^Send a new code in 0:\d\d$/ })).toBeDisabled();
  const mails = (await emulator.outbox()).filter((m) => m.to === users.john.email);
  expect(mails.length).toBe(1);
  expect(requests.length).toBe(1);
});

test('a 429 with Retry-After says how long to wait, and nothing is sent until then', async ({ page, emulator }) => {
  await emulator.fault({ path_prefix: '/v2/authentication-realms', method: 'POST', status: 429, retry_after_secs: 120, times: 1 });
  const requests = countCalls(page, '/v2/authentication-realms');
  await page.goto('/sign_in_with_code');
  await page.getByLabel('E-mail address').fill(users.john.email);
  await page.getByRole('button', { name: 'Send code' }).click();
  await expect(page.getByRole('alert')).toContainText('Wait 2 minutes, then try again.');
  await page.getByRole('button', { name: 'Send code' }).click();
  await expect(page.getByRole('alert')).toContainText('Wait 2 minutes, then try again.');
  expect(requests.length, 'the wait is kept: no second request').toBe(1);
  await expect(page.getByLabel('E-mail address')).toHaveValue(users.john.email);
});

test('a second sign-in in the tab says who is signed in, and the shop hears the first end', async ({ page, emulator }) => {
  await page.addInitScript(() => {
    window.__events = [];
    for (const kind of ['signed-in', 'signed-out']) {
      window.addEventListener(`commerce-otp:${kind}`, (e) => window.__events.push(`${kind}${e.detail ? `:${e.detail.username}` : ''}`));
    }
  });
  await page.goto('/sign_in');
  await page.getByLabel('E-mail address').fill(users.john.email);
  await page.getByLabel('Password', { exact: true }).fill(users.john.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(heading(page)).toHaveText("You're signed in");

  await page.getByRole('banner').getByRole('link').click();
  await expect(page.getByText(`You're signed in as ${users.john.email}. Signing in here replaces that sign-in. See your account`)).toBeVisible();
  await page.getByLabel('E-mail address').fill(users.jane.email);
  await page.getByLabel('Password', { exact: true }).fill(users.jane.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('button', { name: users.jane.accounts[0] }).click();
  await expect(page.getByText(users.jane.email)).toBeVisible();
  expect(await page.evaluate(() => window.__events)).toEqual([
    `signed-in:${users.john.email}`, 'signed-out', `signed-in:${users.jane.email}`]);
});

test("an implicit-token request that never answers releases its waiters, and the next try gets a new one", async ({ page, emulator }) => {
  await page.clock.install();
  await emulator.fault({ path_prefix: '/oauth/access_token', method: 'POST', status: 0, delay_ms: 30_000, times: 1 });
  const tokens = countCalls(page, '/oauth/access_token');
  await page.goto('/sign_in_with_code');
  await page.getByLabel('E-mail address').fill(users.john.email);
  await page.getByRole('button', { name: 'Send code' }).click();
  await expect(page.getByRole('button', { name: 'Sending code…' })).toBeVisible();
  await emulator.faultsMet();
  await page.clock.fastForward('00:16');
  await expect(page.getByRole('alert')).toContainText('The store took too long to answer');
  await page.getByRole('button', { name: 'Send code' }).click();
  await expect(heading(page)).toHaveText('Sign in with a one-time code');
  await expect(page.getByRole('status')).toContainText('valid for 10 minutes');
  expect(tokens.length).toBe(2);
});
