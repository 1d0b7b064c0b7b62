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
