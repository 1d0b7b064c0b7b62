// The split parts (scripts/split.mjs): the form of every entry needs none of them; a
// part that cannot be fetched, or is not the built one, is "we couldn't reach the store" with
// nothing typed lost, and works on the next try; the app never breaks on it.
const { test, expect, users } = require('../support/fixtures');

const NETWORK = "We couldn't reach the store";

// A page of its own, since a blocked part makes Chromium log the failed fetch, which the
// fixture's page counts as a failure; uncaught exceptions (a panic) still fail the test.
async function openPage(browser) {
  const context = await browser.newContext({ baseURL: process.env.APP_URL });
  const page = await context.newPage();
  const uncaught = [];
  page.on('pageerror', (err) => uncaught.push(err.message));
  return { page, context, uncaught };
}

test("the app's form of every entry is ready to type in with no split part fetched", async ({ browser, emulator }) => {
  await emulator.nextCodes(['lprvj4']);
  const { page, context, uncaught } = await openPage(browser);
  const asked = [];
  await page.route(/\/[a-z_]+-[0-9a-f]{16}\.wasm$/, (route) => {
    asked.push(new URL(route.request().url()).pathname);
    return route.abort();
  });
  // The app's own forms, once it has taken over the first form (web/first-form.js).
  const appHas = () => expect(page.locator('footer.site')).toBeVisible();
  await page.goto('/');
  await appHas();
  await expect(page.getByLabel('E-mail address')).toBeEditable();
  await page.goto('/change_password?username=john.doe@banks.com&token=lprvj4');
  await appHas();
  await expect(page.getByLabel('New password', { exact: true })).toBeEditable();
  await page.goto('/passwordless?username=john.doe@banks.com&token=lprvj4');
  await appHas();
  await expect(page.getByRole('button', { name: /^Continue as/ })).toBeEnabled();
  // Each page asks for its calls' parts in the background, and is not held up by them.
  expect(asked.length).toBeGreaterThan(0);
  expect(uncaught).toEqual([]);
  await context.close();
});

test("a call whose code cannot be fetched: the store can't be reached, nothing typed is lost, the next try works", async ({ browser, emulator }) => {
  const { page, context, uncaught } = await openPage(browser);
  await page.route(/\/call_request_code-[0-9a-f]{16}\.wasm$/, (route) => route.abort());
  await page.goto('/forgot_password');
  await page.getByLabel('E-mail address').fill(users.john.email);
  await page.getByRole('button', { name: 'Send code' }).click();
  await expect(page.getByRole('alert')).toContainText(NETWORK);
  await expect(page.getByLabel('E-mail address')).toHaveValue(users.john.email);

  await page.unroute(/\/call_request_code-[0-9a-f]{16}\.wasm$/);
  await page.getByRole('button', { name: 'Send code' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Choose a new password');
  await emulator.lastMailTo(users.john.email);
  expect(uncaught).toEqual([]);
  await context.close();
});

test('a part that is not the built one does not run (its integrity digest)', async ({ browser, emulator }) => {
  const { page, context, uncaught } = await openPage(browser);
  await page.route(/\/call_request_code-[0-9a-f]{16}\.wasm$/, async (route) => {
    const response = await route.fetch();
    const body = await response.body();
    body[body.length - 1] ^= 1;
    await route.fulfill({ response, body });
  });
  await page.goto('/forgot_password');
  await page.getByLabel('E-mail address').fill(users.john.email);
  await page.getByRole('button', { name: 'Send code' }).click();
  await expect(page.getByRole('alert')).toContainText(NETWORK);
  const outbox = await emulator.outbox();
  expect(outbox).toEqual([]);
  expect(uncaught).toEqual([]);
  await context.close();
});

// `emulator`: the fixture resets the store's state for the test.
// eslint-disable-next-line no-unused-vars
test('a step after signing in whose code cannot be fetched is tried again until it comes', async ({ browser, emulator }) => {
  const { page, context, uncaught } = await openPage(browser);
  const blocked = /\/step_account-[0-9a-f]{16}\.wasm$/;
  await page.route(blocked, (route) => route.abort());
  await page.goto('/sign_in');
  await page.getByLabel('E-mail address').fill(users.john.email);
  await page.getByLabel('Password', { exact: true }).fill(users.john.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  // A page of its own saying so, its heading focused, while it tries again.
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(NETWORK);
  await expect(page.getByRole('heading', { level: 1 })).toBeFocused();
  await expect(page).toHaveTitle(new RegExp(`^${NETWORK}`));

  await page.unroute(blocked);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText("You're signed in", { timeout: 10_000 });
  await expect(page.getByTestId('account-name')).toHaveText(users.john.account);
  expect(uncaught).toEqual([]);
  await context.close();
});
