// What an e-mail link carries reaches Commerce as written, and a link value that cannot be
// what it claims shows its field with the problem instead of doing nothing.
const { test, expect } = require('../support/fixtures');

const heading = (page) => page.getByRole('heading', { level: 1 });
// Each test takes the `emulator` fixture for a fresh store, whether or not it reads it.

test("a link's username is decoded once, and a + stays a +", async ({ page, emulator }) => {
  await page.goto('/passwordless?username=plus+shop@banks.com&token=lprvj4');
  await expect(heading(page)).toHaveText('Sign in with a one-time code');
  await expect(page.getByRole('button', { name: 'Continue as plus+shop@banks.com' })).toBeVisible();

  await page.goto('/passwordless?username=a%2525b@x.test&token=lprvj4');
  await expect(page.getByRole('button', { name: 'Continue as a%25b@x.test' })).toBeVisible();

  // What is sent is what is shown: the exchange names plus+shop@banks.com.
  await page.goto('/passwordless?username=plus%2Bshop%40banks.com&token=lprvj4');
  const sent = page.waitForRequest((r) => r.url().endsWith('/v2/account-members/tokens'));
  await page.getByRole('button', { name: 'Continue as plus+shop@banks.com' }).click();
  expect((await sent).postDataJSON().data.username).toBe('plus+shop@banks.com');
  await expect(page.locator('#code-error')).toContainText("That code didn't work");
});

for (const [what, token] of [
  ['too short', 'lprvj'],
  ['too long', 'lprvj4xy'],
  ['symbols', 'lpr*j4'],
  ['markup', '%3Cb%3Elpr%3C%2Fb%3E'],
  ['broken encoding', '%FF%FElprvj'],
]) {
  test(`a link's code that cannot be a code (${what}) shows the code field with the problem`, async ({ page, emulator }) => {
    let calls = 0;
    page.on('request', (r) => { if (r.url().startsWith(process.env.API_URL)) calls += 1; });
    await page.goto(`/change_password?username=john.doe@banks.com&token=${token}`);
    const code = page.getByLabel('Code from your e-mail');
    await expect(code).toBeVisible();
    await expect(code).toHaveAttribute('aria-invalid', 'true');
    await expect(code).toBeFocused();
    await expect(page.locator('#code-error')).not.toBeEmpty();
    await page.getByRole('button', { name: 'Change password' }).click();
    await expect(code).toBeFocused();
    expect(calls, 'nothing is sent with a code that cannot be one').toBe(0);
  });
}

test('a username with direction-changing characters is not shown as another address', async ({ page, emulator }) => {
  // U+202E (right-to-left override) + the address reversed: would display as john.doe@banks.com.
  await page.goto('/passwordless?username=%E2%80%AEmoc.sknab%40eod.nhoj&token=lprvj4');
  await expect(page.getByRole('button', { name: /Continue as/ })).toHaveCount(0);
  const username = page.getByLabel('E-mail address');
  await expect(username).toBeVisible();
  await expect(username).toHaveAttribute('aria-invalid', 'true');
  await expect(username, 'not shown: it would display as another address').toHaveValue('');
  await expect(page.locator('#username-error')).toHaveText('The e-mail address has hidden characters in it (often from copying). Type it again.');
});
