const { test, expect, users } = require('../support/fixtures');

test('passwordless sign-in with the two-account user: pick an account, hand the token to the shop', async ({ page, emulator }) => {
  await page.addInitScript(() => {
    window.__events = [];
    for (const name of ['commerce-otp:signed-in', 'commerce-otp:signed-out']) {
      window.addEventListener(name, (e) => window.__events.push({ name, detail: e.detail, seen: window.commerceOtp.session() }));
    }
  });
  await page.goto('/');
  await page.getByRole('link', { name: 'E-mail me a code' }).click();
  await page.getByLabel('E-mail address').fill(users.jane.email);
  await page.getByRole('button', { name: 'Send code' }).click();
  await expect(page.getByRole('status')).toContainText('valid for 10 minutes');

  const mail = await emulator.lastMailTo(users.jane.email);
  expect(mail.event.payload.purpose).toBe('passwordless_authentication');
  const code = mail.event.payload.one_time_password_token;
  // Pasted with a space and in capitals, as some mail clients show it.
  await page.getByLabel('Code from your e-mail').fill(` ${code.slice(0, 3).toUpperCase()} ${code.slice(3)} `);
  await page.getByRole('button', { name: 'Sign in' }).click();

  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Choose an account');
  for (const name of users.jane.accounts) await expect(page.getByRole('button', { name })).toBeVisible();
  await page.getByRole('button', { name: 'Banks Garden Supplies' }).click();

  await expect(page.getByRole('heading', { level: 1 })).toHaveText("You're signed in");
  await expect(page.getByTestId('account-name')).toHaveText('Banks Garden Supplies');
  await expect(page.getByText('Signed in until')).toBeVisible();

  const handoff = await page.evaluate(() => ({
    session: window.commerceOtp.session(),
    events: window.__events,
    stored: sessionStorage.getItem('commerce-otp.session'),
    local: localStorage.length,
    cookies: document.cookie,
  }));
  expect(handoff.session.account_name).toBe('Banks Garden Supplies');
  expect(handoff.session.token.split('.')).toHaveLength(3);
  expect(handoff.session.username).toBe(users.jane.email);
  expect(handoff.events).toHaveLength(1);
  expect(handoff.events[0].name).toBe('commerce-otp:signed-in');
  expect(handoff.events[0].detail.token).toBe(handoff.session.token);
  // A listener reading the getter during the event already sees the session.
  expect(handoff.events[0].seen.token).toBe(handoff.session.token);
  expect(JSON.parse(handoff.stored).account_id).toBe(handoff.session.account_id);
  expect(handoff.local).toBe(0);
  expect(handoff.cookies).toBe('');
  expect(page.url()).not.toContain(handoff.session.token);

  // The session lasts for the tab: a reload keeps it.
  await page.reload();
  await expect(page.getByTestId('account-name')).toHaveText('Banks Garden Supplies');

  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText("You're not signed in");
  const after = await page.evaluate(() => ({
    session: window.commerceOtp.session(),
    stored: sessionStorage.getItem('commerce-otp.session'),
    last: window.__events[window.__events.length - 1].name,
  }));
  expect(after).toEqual({ session: null, stored: null, last: 'commerce-otp:signed-out' });
});

test('a one-account member is signed in straight away', async ({ page, emulator }) => {
  await page.goto('/sign_in_with_code');
  await page.getByLabel('E-mail address').fill(users.john.email);
  await page.getByRole('button', { name: 'Send code' }).click();
  await expect(page.getByRole('status')).toBeVisible();
  const mail = await emulator.lastMailTo(users.john.email);
  await page.getByLabel('Code from your e-mail').fill(mail.event.payload.one_time_password_token);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByTestId('account-name')).toHaveText(users.john.account);
});

test('opening a link spends no code; "Continue as" does', async ({ page, emulator, request }) => {
  await page.goto('/sign_in_with_code');
  await page.getByLabel('E-mail address').fill(users.john.email);
  await page.getByRole('button', { name: 'Send code' }).click();
  await expect(page.getByRole('status')).toBeVisible();
  const { link } = await emulator.lastMailTo(users.john.email);
  expect(new URL(link).pathname).toBe('/passwordless');

  // An e-mail security scanner fetches the link, and a browser opens it, before the shopper.
  expect((await request.get(link)).ok()).toBeTruthy();
  const scanner = await page.context().newPage();
  await scanner.goto(link);
  await expect(scanner.getByRole('button', { name: `Continue as ${users.john.email}` })).toBeVisible();
  await scanner.close();

  await page.goto(link);
  const cont = page.getByRole('button', { name: `Continue as ${users.john.email}` });
  await expect(cont).toBeVisible();
  // Once the app has the page (not its first form, web/first-form.js), the code is out of the
  // address bar.
  await expect(page.locator('#first-form')).toHaveCount(0);
  expect(new URL(page.url()).search).toBe('');
  await cont.click();
  await expect(page.getByTestId('account-name')).toHaveText(users.john.account);

  // The code is spent now: the same link a second time is refused in plain words.
  const again = await page.context().newPage();
  await again.goto(link);
  await again.getByRole('button', { name: `Continue as ${users.john.email}` }).click();
  await expect(again.locator('#code-error')).toContainText("That code didn't work");
  await expect(again.getByLabel('Code from your e-mail')).toBeVisible();
  await expect(again.getByRole('button', { name: /^Send a new code/ })).toBeVisible();
  await again.close();
});

test('an expired code is refused and a new one works', async ({ page, emulator }) => {
  // The page's clock, so that the 10 minutes pass for the page as they do for the store.
  await page.clock.install();
  await page.goto('/sign_in_with_code');
  await page.getByLabel('E-mail address').fill(users.john.email);
  await page.getByRole('button', { name: 'Send code' }).click();
  await expect(page.getByRole('status')).toBeVisible();
  const old = await emulator.lastMailTo(users.john.email);
  await emulator.advanceClock(601);
  await page.clock.fastForward('10:01');
  await page.getByLabel('Code from your e-mail').fill(old.event.payload.one_time_password_token);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.locator('#code-error')).toContainText('more than 10 minutes old');
  await page.getByRole('button', { name: 'Send a new code', exact: true }).click();
  await expect(page.getByLabel('Code from your e-mail')).toHaveValue('');
  const fresh = await emulator.lastMailTo(users.john.email);
  expect(fresh.event.payload.one_time_password_token).not.toBe(old.event.payload.one_time_password_token);
  await page.getByLabel('Code from your e-mail').fill(fresh.event.payload.one_time_password_token);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByTestId('account-name')).toHaveText(users.john.account);
});

test("a reset code's confirmation is not shown on the sign-in page", async ({ page }) => {
  await page.goto('/forgot_password');
  await page.getByLabel('E-mail address').fill(users.john.email);
  await page.getByRole('button', { name: 'Send code' }).click();
  await expect(page.getByRole('status')).toContainText('valid for 10 minutes');
  // Client-side navigation keeps the flow's memory.
  await page.getByRole('banner').getByRole('link').click();
  await page.getByRole('link', { name: 'E-mail me a code' }).click();
  await page.getByRole('link', { name: 'I already have a code' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Sign in with a one-time code');
  await expect(page.getByText(`Signing in as ${users.john.email}`)).toBeVisible();
  await expect(page.getByRole('status')).toBeEmpty();
});
