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
