const { test, expect, users } = require('../support/fixtures');

test('an expired sign-in signs out by itself and tells the shop', async ({ page, emulator }) => {
  await emulator.post('settings', { account_management_authentication_token_timeout_secs: 3 });
  await page.addInitScript(() => {
    window.__events = [];
    window.addEventListener('commerce-otp:signed-out', () => window.__events.push('signed-out'));
  });
  await page.goto('/sign_in');
  await page.getByLabel('E-mail address').fill(users.john.email);
  await page.getByLabel('Password', { exact: true }).fill(users.john.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByTestId('account-name')).toHaveText(users.john.account);

  await expect(page.getByRole('heading', { level: 1 })).toHaveText("You're not signed in", { timeout: 8_000 });
  const after = await page.evaluate(() => ({
    events: window.__events,
    session: window.commerceOtp.session(),
    stored: sessionStorage.getItem('commerce-otp.session'),
  }));
  expect(after).toEqual({ events: ['signed-out'], session: null, stored: null });
});

test("the app's own page: the session at once after a reload, and sign-out reaches a second tab", async ({ page, emulator }) => {
  await page.goto('/sign_in');
  await page.getByLabel('E-mail address').fill(users.john.email);
  await page.getByLabel('Password', { exact: true }).fill(users.john.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByTestId('account-name')).toHaveText(users.john.account);

  await page.addInitScript(() => {
    window.__events = [];
    for (const kind of ['signed-in', 'ready']) {
      window.addEventListener(`commerce-otp:${kind}`, (e) => window.__events.push({ kind, detail: e.detail }));
    }
  });
  await page.reload();
  // What a shop's script on the page can do from its first line on.
  const restored = await page.evaluate(async () => {
    const api = await window.commerceOtp.ready;
    return { session: api.session(), events: window.__events };
  });
  expect(restored.session.username).toBe(users.john.email);
  expect(restored.events.map((e) => e.kind)).toEqual(['signed-in', 'ready']);
  expect(restored.events[0].detail.restored).toBe(true);

  // A tab opened from this one shares the tab's session; signing out here ends it there.
  const [other] = await Promise.all([
    page.context().waitForEvent('page'),
    page.evaluate(() => { window.open('account'); }),
  ]);
  await expect(other.getByTestId('account-name')).toHaveText(users.john.account);
  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(other.getByRole('heading', { level: 1 })).toHaveText("You're not signed in");
  expect(await other.evaluate(() => window.commerceOtp.session())).toBeNull();
});

test("a browser clock 25 hours fast: the token's own lifetime counts, and page, storage and events agree", async ({ page, emulator }) => {
  await page.clock.install({ time: Date.now() + 25 * 3600 * 1000 });
  await page.addInitScript(() => {
    window.__events = [];
    for (const kind of ['signed-in', 'signed-out']) {
      window.addEventListener(`commerce-otp:${kind}`, () => window.__events.push(kind));
    }
  });
  await page.goto('/sign_in');
  await page.getByLabel('E-mail address').fill(users.john.email);
  await page.getByLabel('Password', { exact: true }).fill(users.john.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByTestId('account-name')).toHaveText(users.john.account);
  const state = await page.evaluate(() => ({
    events: window.__events,
    session: window.commerceOtp.session()?.username,
    stored: JSON.parse(sessionStorage.getItem('commerce-otp.session'))?.username,
  }));
  expect(state).toEqual({ events: ['signed-in'], session: users.john.email, stored: users.john.email });
  // An hour later, by this clock: still signed in (the token lives 24 h).
  await page.clock.fastForward('01:00:00');
  await expect(page.getByTestId('account-name')).toHaveText(users.john.account);
  expect(await page.evaluate(() => window.__events)).toEqual(['signed-in']);
});
