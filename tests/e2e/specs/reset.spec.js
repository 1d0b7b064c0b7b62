const { test, expect, users } = require('../support/fixtures');

const NEW_PASSWORD = 'Blue-Harbour-42';

async function signIn(page, email, password) {
  await page.goto('/sign_in');
  await page.getByLabel('E-mail address').fill(email);
  await page.getByLabel('Password', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

test('reset by code: request, code from the outbox, new password, then only the new password signs in', async ({ page, emulator }) => {
  await page.goto('/');
  await page.getByRole('link', { name: 'Forgot your password?' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Reset your password');
  // As typed on a phone: capitals and a stray space. E-mail usernames are sent in lower case.
  await page.getByLabel('E-mail address').fill(' John.Doe@Banks.COM ');
  await page.getByRole('button', { name: 'Send code' }).click();

  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Choose a new password');
  await expect(page.getByRole('status')).toContainText(`If ${users.john.email} has an account`);
  await expect(page.getByRole('status')).toContainText('valid for 10 minutes');

  const mail = await emulator.lastMailTo(users.john.email);
  expect(mail.event.payload.purpose).toBe('reset_password');
  await page.getByLabel('Code from your e-mail').fill(mail.event.payload.one_time_password_token.toUpperCase());
  await page.getByLabel('New password', { exact: true }).fill(NEW_PASSWORD);
  await page.getByLabel('New password again').fill(NEW_PASSWORD);
  await page.getByRole('button', { name: 'Change password' }).click();

  // The sign-in form, the username filled in (config sign_in_after_reset is off).
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Your password has been changed');
  await expect(page.getByRole('status')).toHaveText('Sign in with your new password.');
  await expect(page.getByLabel('E-mail address')).toHaveValue(users.john.email);
  await page.getByLabel('Password', { exact: true }).fill(NEW_PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText("You're signed in");
  await expect(page.getByTestId('account-name')).toHaveText(users.john.account);
  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText("You're not signed in");

  await signIn(page, users.john.email, users.john.password);
  await expect(page.getByRole('alert')).toContainText("We couldn't sign you in");
  await expect(page.getByLabel('E-mail address')).toHaveValue(users.john.email);
});

test("the seed guide's one-click link works exactly as written", async ({ page, emulator }) => {
  await emulator.nextCodes(['lprvj4']);
  await page.goto('/forgot_password');
  await page.getByLabel('E-mail address').fill('john.doe@banks.com');
  await page.getByRole('button', { name: 'Send code' }).click();
  await expect(page.getByRole('status')).toContainText('valid for 10 minutes');

  // Opened fresh, as from the e-mail: no state but the link.
  const fresh = await page.context().newPage();
  await fresh.goto('/change_password?username=john.doe@banks.com&token=lprvj4');
  await expect(fresh.getByRole('heading', { level: 1 })).toHaveText('Choose a new password');
  await expect(fresh.getByText('john.doe@banks.com')).toBeVisible();
  // The code does not stay in the address bar, once the app has the page (its first form,
  // web/first-form.js, shows a moment before).
  await expect(fresh.locator('footer.site')).toBeVisible();
  expect(new URL(fresh.url()).search).toBe('');
  await fresh.getByLabel('New password', { exact: true }).fill(NEW_PASSWORD);
  await fresh.getByLabel('New password again').fill(NEW_PASSWORD);
  await fresh.getByRole('button', { name: 'Change password' }).click();
  await expect(fresh.getByRole('heading', { level: 1 })).toHaveText('Your password has been changed');

  await signIn(fresh, 'john.doe@banks.com', NEW_PASSWORD);
  await expect(fresh.getByRole('heading', { level: 1 })).toHaveText("You're signed in");
  await fresh.close();
});

test('the e-mailed reset link, with every id, resets the password', async ({ page, emulator }) => {
  await page.goto('/forgot_password');
  await page.getByLabel('E-mail address').fill(users.jane.email);
  await page.getByRole('button', { name: 'Send code' }).click();
  await expect(page.getByRole('status')).toBeVisible();
  const mail = await emulator.lastMailTo(users.jane.email);
  expect(mail.link).toContain('user_authentication_password_profile_info_id=');

  await page.goto(mail.link);
  await page.getByLabel('New password', { exact: true }).fill(NEW_PASSWORD);
  await page.getByLabel('New password again').fill(NEW_PASSWORD);
  await page.getByRole('button', { name: 'Change password' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Your password has been changed');
});

test('a wrong code keeps what was typed and offers a new code', async ({ page, emulator }) => {
  await page.clock.install();
  await page.goto('/forgot_password');
  await page.getByLabel('E-mail address').fill(users.john.email);
  await page.getByRole('button', { name: 'Send code' }).click();
  await expect(page.getByRole('status')).toBeVisible();

  await page.getByLabel('Code from your e-mail').fill('zzzzzz');
  await page.getByLabel('New password', { exact: true }).fill(NEW_PASSWORD);
  await page.getByLabel('New password again').fill(NEW_PASSWORD);
  await page.getByRole('button', { name: 'Change password' }).click();
  // On the code field, which takes focus with the code selected, to be typed over.
  await expect(page.locator('#code-error')).toContainText("That code didn't work");
  const code = page.getByLabel('Code from your e-mail');
  await expect(code).toBeFocused();
  await expect(code).toHaveAttribute('aria-invalid', 'true');
  expect(await code.evaluate((el) => [el.selectionStart, el.selectionEnd])).toEqual([0, 6]);
  await expect(page.getByRole('alert')).toBeEmpty();
  await expect(page.getByLabel('New password', { exact: true })).toHaveValue(NEW_PASSWORD);
  await expect(page.getByLabel('New password again')).toHaveValue(NEW_PASSWORD);

  // Within 30 seconds of the first code, a new one waits; then it may be asked for.
  await expect(page.getByRole('button', { name: /^Send a new code in 0:\d\d$/ })).toBeDisabled();
  await page.clock.fastForward('00:31');
  const before = (await emulator.outbox()).length;
  await page.getByRole('button', { name: 'Send a new code', exact: true }).click();
  await expect.poll(async () => (await emulator.outbox()).length).toBe(before + 1);
  await expect(page.getByRole('alert')).toBeEmpty();
  // Asking again at once would only replace the code on its way: it waits a moment.
  await expect(page.getByRole('button', { name: /^Send a new code in 0:\d\d$/ })).toBeDisabled();
  await expect(page.getByRole('status')).toContainText('The code sent before no longer works');
  const mail = await emulator.lastMailTo(users.john.email);
  await page.getByLabel('Code from your e-mail').fill(mail.event.payload.one_time_password_token);
  await page.getByRole('button', { name: 'Change password' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Your password has been changed');
});

test('form checks point at the field and keep the input', async ({ page }) => {
  await page.goto('/change_password');
  await page.getByLabel('E-mail address').fill(users.john.email);
  await page.getByLabel('Code from your e-mail').fill('abc');
  await page.getByLabel('New password', { exact: true }).fill('short');
  await page.getByLabel('New password again').fill('different');
  await page.getByRole('button', { name: 'Change password' }).click();
  await expect(page.getByLabel('Code from your e-mail')).toBeFocused();
  await expect(page.getByLabel('Code from your e-mail')).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByText('The code has 6 characters.')).toBeVisible();
  await expect(page.getByText('Use at least 8 characters.')).toBeVisible();
  await expect(page.getByText('The two passwords are not the same.')).toBeVisible();
  await expect(page.getByLabel('New password again')).toHaveValue('different');
});
