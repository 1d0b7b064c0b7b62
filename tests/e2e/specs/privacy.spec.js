const { test, expect, users } = require('../support/fixtures');

async function requestCode(page, email) {
  await page.goto('/forgot_password');
  await page.getByLabel('E-mail address').fill(email);
  const [response] = await Promise.all([
    page.waitForResponse((r) => r.url().includes('/one-time-password-token-request')),
    page.getByRole('button', { name: 'Send code' }).click(),
  ]);
  await expect(page.getByRole('status')).toBeVisible();
  return { status: response.status(), text: await page.getByRole('status').innerText() };
}

test('an unknown username looks exactly like a known one', async ({ page, emulator }) => {
  const known = await requestCode(page, users.john.email);
  await page.reload();
  const unknown = await requestCode(page, 'nobody@example.com');
  expect(unknown.status).toBe(known.status);
  expect(unknown.text.replace('nobody@example.com', 'X')).toBe(known.text.replace(users.john.email, 'X'));
  expect(page.url()).toMatch(/\/change_password$/);
  const mails = await emulator.outbox();
  expect(mails.map((m) => m.to)).toEqual([users.john.email]);
});

test('Commerce trouble is explained in plain words and nothing typed is lost', async ({ page, emulator }) => {
  await emulator.fault({ path_prefix: '/v2/authentication-realms', method: 'POST', status: 503, times: 1 });
  await page.goto('/forgot_password');
  await page.getByLabel('E-mail address').fill(users.john.email);
  await page.getByRole('button', { name: 'Send code' }).click();
  await expect(page.getByRole('alert')).toContainText('Something went wrong on our side');
  await expect(page.getByLabel('E-mail address')).toHaveValue(users.john.email);
  // Trying again works once Commerce is back.
  await page.getByRole('button', { name: 'Send code' }).click();
  await expect(page.getByRole('status')).toContainText('valid for 10 minutes');
});

test('a busy store is retried after a pause without the shopper noticing', async ({ page, emulator }) => {
  await emulator.fault({ path_prefix: '/v2/authentication-realms', method: 'POST', status: 429, times: 1 });
  await page.goto('/forgot_password');
  await page.getByLabel('E-mail address').fill(users.john.email);
  await page.getByRole('button', { name: 'Send code' }).click();
  await expect(page.getByRole('status')).toContainText('valid for 10 minutes');
  expect((await emulator.outbox()).length).toBe(1);
});

// The store set-up problems a shop can hit are named in plain words (README "Go live").
const LEGACY_PROFILE = '0c1d2e3f-4a5b-4c6d-8e7f-9a0b1c2d3e4f';
const UNKNOWN_REALM = '00000000-0000-4000-8000-000000000000';

test('a password profile without one-time codes is explained', async ({ page }) => {
  await page.goto(`/change_password?username=${users.john.email}&password_profile_id=${LEGACY_PROFILE}`);
  await page.getByRole('button', { name: 'Send a new code', exact: true }).click();
  await expect(page.getByRole('alert')).toContainText("This store isn't ready for this yet");
  await expect(page.getByRole('alert')).toContainText('One-time codes are switched off');
});

test('an unknown realm is explained, and still no account is revealed', async ({ page }) => {
  await page.goto(`/passwordless?username=nobody@example.com&authentication_realm_id=${UNKNOWN_REALM}`);
  await page.getByRole('button', { name: 'Send a new code', exact: true }).click();
  await expect(page.getByRole('alert')).toContainText('realm or password profile that does not exist');
});

test('a store that does not let members change their password is explained', async ({ page, emulator }) => {
  await emulator.post('settings', { account_member_self_management: 'disabled' });
  await page.goto('/forgot_password');
  await page.getByLabel('E-mail address').fill(users.john.email);
  await page.getByRole('button', { name: 'Send code' }).click();
  await expect(page.getByRole('status')).toBeVisible();
  const mail = await emulator.lastMailTo(users.john.email);
  await page.getByLabel('Code from your e-mail').fill(mail.event.payload.one_time_password_token);
  await page.getByLabel('New password', { exact: true }).fill('Blue-Harbour-42');
  await page.getByLabel('New password again').fill('Blue-Harbour-42');
  await page.getByRole('button', { name: 'Change password' }).click();
  await expect(page.getByRole('alert')).toContainText("doesn't let shoppers change their own password");
  await expect(page.getByLabel('New password', { exact: true })).toHaveValue('Blue-Harbour-42');
});
