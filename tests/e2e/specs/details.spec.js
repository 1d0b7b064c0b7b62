// The details people notice: messages that go when they stop being true, and a layout that
// holds at 320 px, right to left too.
const { test, expect, users } = require('../support/fixtures');

const heading = (page) => page.getByRole('heading', { level: 1 });
// Each test takes the `emulator` fixture for a fresh store, whether or not it reads it.
const sideways = (page) => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);

test("a field's message goes as the shopper corrects it; the others stay", async ({ page, emulator }) => {
  await page.goto('/sign_in');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByText('Enter your e-mail address.')).toBeVisible();
  await expect(page.getByText('Enter a password.')).toBeVisible();
  await page.getByLabel('E-mail address').fill(users.john.email);
  await expect(page.getByText('Enter your e-mail address.')).toHaveCount(0);
  await expect(page.getByLabel('E-mail address')).toHaveAttribute('aria-invalid', 'false');
  await expect(page.getByText('Enter a password.')).toBeVisible();
});

test("the last answer's message goes as a new attempt starts", async ({ page, emulator }) => {
  await page.goto('/sign_in');
  await page.getByLabel('E-mail address').fill(users.john.email);
  await page.getByLabel('Password', { exact: true }).fill('not-the-password');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('alert')).toContainText("We couldn't sign you in");
  await emulator.fault({ path_prefix: '/v2/account-members/tokens', method: 'POST', status: 0, delay_ms: 1_500, times: 1 });
  await page.getByLabel('Password', { exact: true }).fill(users.john.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('button', { name: 'Signing in…' })).toBeVisible();
  await expect(page.getByRole('alert')).toBeEmpty();
  await expect(heading(page)).toHaveText("You're signed in");
});

test('at 320 px nothing scrolls sideways, right to left and with a long address', async ({ browser, emulator }) => {
  const context = await browser.newContext({ viewport: { width: 320, height: 640 } });
  const page = await context.newPage();
  const long = `a.very.long.name.that.keeps.going.and.going@${'sub.'.repeat(6)}example.com`;
  for (const dir of ['ltr', 'rtl']) {
    await page.goto(`/passwordless?username=${encodeURIComponent(long)}&token=lprvj4`);
    await expect(heading(page)).toBeVisible();
    await page.evaluate((d) => { document.documentElement.dir = d; }, dir);
    expect(await sideways(page), `passwordless, ${dir}`).toBeLessThanOrEqual(0);
    await page.goto('/change_password');
    await page.evaluate((d) => { document.documentElement.dir = d; }, dir);
    await page.getByRole('button', { name: 'Change password' }).click();
    await expect(page.getByText('Enter your e-mail address.')).toBeVisible();
    expect(await sideways(page), `change password with errors, ${dir}`).toBeLessThanOrEqual(0);
    // The address and the code read left to right in either direction.
    for (const label of ['E-mail address', 'Code from your e-mail']) {
      expect(await page.getByLabel(label).evaluate((e) => getComputedStyle(e).direction)).toBe('ltr');
    }
  }
  await context.close();
});

test('focus stays on a button that becomes busy or resting, never dropped to the page', async ({ page, emulator }) => {
  const focused = () => page.evaluate(() => document.activeElement?.textContent?.trim() || document.activeElement?.tagName);
  await emulator.fault({ path_prefix: '/v2/account-members/tokens', method: 'POST', status: 0, delay_ms: 1_000, times: 1 });
  await page.goto('/sign_in');
  await page.getByLabel('E-mail address').fill(users.john.email);
  await page.getByLabel('Password', { exact: true }).fill('not-the-password');
  await page.getByRole('button', { name: 'Sign in' }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('button', { name: 'Signing in…' })).toBeDisabled();
  expect(await focused()).toBe('Signing in…');
  await expect(page.getByRole('alert')).toContainText("We couldn't sign you in");
  expect(await focused()).toBe('Sign in');

  await page.goto('/sign_in_with_code');
  await page.getByLabel('E-mail address').fill(users.john.email);
  await page.getByRole('button', { name: 'Send code' }).click();
  await expect(page.getByRole('status')).toContainText('valid for 10 minutes');
  await page.getByRole('button', { name: /^Send a new code in 0:\d\d$/ }).focus();
  await page.keyboard.press('Enter');
  expect(await focused()).toMatch(/^Send a new code in 0:\d\d$/);
});

test('"Not you?" on a code page brings back an empty e-mail field, focused, and the code field', async ({ page, emulator }) => {
  await page.goto('/passwordless?username=john.doe@banks.com&token=lprvj4');
  await expect(page.getByRole('button', { name: `Continue as ${users.john.email}` })).toBeVisible();
  await page.getByRole('button', { name: 'Not you?' }).click();
  await expect(page.getByLabel('E-mail address')).toBeFocused();
  await expect(page.getByLabel('E-mail address')).toHaveValue('');
  await expect(page.getByLabel('Code from your e-mail')).toHaveValue('');
  await expect(page.getByRole('button', { name: 'Sign in', exact: true })).toBeVisible();
  await expect(page.getByText(users.john.email)).toHaveCount(0);
});
