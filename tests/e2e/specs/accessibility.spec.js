// Every page passes axe-core's WCAG 2.1 A/AA rules, and the main flow works from the keyboard.
const { test, expect, users } = require('../support/fixtures');

async function axe(page) {
  // The app's own page and elements, once there (their first forms, web/first-form.js, are
  // replaced as the app comes; first-form.spec.js checks those).
  await page.evaluate(() => Promise.all([window.commerceOtp?.ready, ...[...document.querySelectorAll('commerce-otp')].map((e) => e.ready)]));
  await page.addScriptTag({ path: require.resolve('axe-core/axe.min.js') });
  const result = await page.evaluate(() =>
    window.axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } }));
  return result.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
}

test('every page passes axe, errors and all', async ({ page, emulator }) => {
  const pages = [];
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  pages.push(['start', await axe(page)]);

  await page.goto('/sign_in');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByText('Enter your e-mail address.')).toBeVisible();
  pages.push(['sign in with errors', await axe(page)]);

  await page.goto('/forgot_password');
  await page.getByLabel('E-mail address').fill(users.jane.email);
  await page.getByRole('button', { name: 'Send code' }).click();
  await expect(page.getByRole('status')).toBeVisible();
  pages.push(['change password', await axe(page)]);
  await page.getByLabel('Code from your e-mail').fill('zzzzzz');
  await page.getByLabel('New password', { exact: true }).fill('Blue-Harbour-42');
  await page.getByLabel('New password again').fill('Blue-Harbour-42');
  await page.getByRole('button', { name: 'Change password' }).click();
  await expect(page.locator('#code-error')).toContainText("That code didn't work");
  pages.push(['change password, code refused', await axe(page)]);

  await page.goto('/sign_in_with_code');
  await page.getByLabel('E-mail address').fill(users.jane.email);
  await page.getByRole('button', { name: 'Send code' }).click();
  await expect(page.getByRole('status')).toBeVisible();
  const mail = await emulator.lastMailTo(users.jane.email);
  await page.goto(mail.link);
  await expect(page.getByRole('button', { name: /^Continue as/ })).toBeVisible();
  pages.push(['passwordless link', await axe(page)]);
  await page.getByRole('button', { name: /^Continue as/ }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Choose an account');
  pages.push(['choose account', await axe(page)]);
  await page.getByRole('button', { name: users.jane.accounts[0] }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText("You're signed in");
  pages.push(['signed in', await axe(page)]);

  await page.goto('/no_such_page');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Page not found');
  pages.push(['not found', await axe(page)]);

  expect(pages.filter(([, v]) => v.length > 0)).toEqual([]);
});

test('a reset works from the keyboard alone, and focus follows the flow', async ({ page, emulator }) => {
  await page.goto('/');
  // The page heading takes focus, so a screen reader announces the page.
  await expect(page.getByRole('heading', { level: 1 })).toBeFocused();
  const forgot = page.getByRole('link', { name: 'Forgot your password?' });
  for (let i = 0; i < 10 && !(await forgot.evaluate((el) => el === document.activeElement)); i++) {
    await page.keyboard.press('Tab');
  }
  await expect(forgot).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Reset your password');
  await expect(page.getByRole('heading', { level: 1 })).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(page.getByLabel('E-mail address')).toBeFocused();
  await page.keyboard.type(users.john.email);
  await page.keyboard.press('Enter');
  await expect(page.getByRole('status')).toContainText('valid for 10 minutes');

  const mail = await emulator.lastMailTo(users.john.email);
  await page.getByLabel('Code from your e-mail').focus();
  await page.keyboard.type(mail.event.payload.one_time_password_token);
  await page.keyboard.press('Tab');
  await page.keyboard.type('Blue-Harbour-42');
  await page.keyboard.press('Tab');
  await page.keyboard.type('Blue-Harbour-42');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Your password has been changed');
});

test('"Skip to content" moves to the page\'s content and keeps what was typed', async ({ page }) => {
  await page.goto('/sign_in');
  await page.getByLabel('E-mail address').fill(users.john.email);
  await page.focus('a.skip');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Sign in');
  expect(new URL(page.url()).pathname).toBe('/sign_in');
  await expect(page.getByLabel('E-mail address')).toHaveValue(users.john.email);
  // The next Tab lands in the content, on its first field, not in the header.
  await page.keyboard.press('Tab');
  await expect(page.getByLabel('E-mail address')).toBeFocused();
});
