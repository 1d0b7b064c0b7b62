// Light and dark: every text, boundary and focus ring meets WCAG 2.1's contrast on the pages a
// shopper sees, errors and notices included, in the app's own page and in the element; and
// config.json's `theme` overrides the shopper's setting.
const { test, expect, users } = require('../support/fixtures');
const { contrastProblems, focusRingProblem } = require('../support/contrast');
const { addElement, configWith } = require('../support/shop');

const heading = (page) => page.getByRole('heading', { level: 1 });

/** The pages to measure, each brought to the state that shows the most. */
const states = [
  ['start', async (page) => { await page.goto('/'); await expect(heading(page)).toBeVisible(); }],
  ['sign in, every field wrong', async (page) => {
    await page.goto('/sign_in');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page.getByText('Enter your e-mail address.')).toBeVisible();
  }],
  ['code refused, with the notice', async (page) => {
    await page.goto('/sign_in_with_code');
    await page.getByLabel('E-mail address').fill(users.john.email);
    await page.getByRole('button', { name: 'Send code' }).click();
    await expect(page.getByRole('status')).toContainText('valid for 10 minutes');
    await page.getByLabel('Code from your e-mail').fill('zzzzzz');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page.locator('#code-error')).toContainText("That code didn't work");
  }],
  ['choose an account', async (page) => {
    await page.goto('/sign_in');
    await page.getByLabel('E-mail address').fill(users.jane.email);
    await page.getByLabel('Password', { exact: true }).fill(users.jane.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page.getByRole('button', { name: users.jane.accounts[0] })).toBeVisible();
  }],
  ['the element, with an error', async (page) => {
    await page.goto(`${process.env.SHOP_URL}/element.html`);
    const element = page.locator('commerce-otp');
    await element.getByRole('button', { name: 'Sign in' }).click();
    await expect(element.getByText('Enter your e-mail address.')).toBeVisible();
  }],
];

for (const scheme of ['light', 'dark']) {
  test(`${scheme}: text 4.5:1, boundaries and the focus ring 3:1 on every page`, async ({ browser, emulator }) => {
    const context = await browser.newContext({ colorScheme: scheme });
    const page = await context.newPage();
    const found = [];
    for (const [what, open] of states) {
      await emulator.reset();
      await open(page);
      found.push(...(await page.evaluate(contrastProblems)).map((p) => `${what}: ${p}`));
      // The focus ring, on the first few stops of the keyboard's path.
      await page.evaluate(() => document.activeElement?.blur());
      for (let i = 0; i < 4; i += 1) {
        await page.keyboard.press('Tab');
        const problem = await page.evaluate(focusRingProblem);
        if (problem && problem !== 'nothing has focus') found.push(`${what}: ${problem}`);
      }
    }
    expect(found).toEqual([]);
    await context.close();
  });
}

test('the page follows the shopper\'s setting, and config.json\'s theme wins over it', async ({ browser, request }) => {
  const background = (page) => page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor);
  const context = await browser.newContext({ colorScheme: 'dark' });
  const page = await context.newPage();
  await page.goto('/sign_in');
  await expect(heading(page)).toHaveText('Sign in');
  expect(await background(page)).toBe('rgb(21, 24, 29)');

  // The same app with `theme: light`, given to the element as its config.
  const config = await configWith(request, { theme: 'light' });
  await page.goto(`${process.env.SHOP_URL}/element.html`);
  const light = await addElement(page, 'light', { config }, { prepend: true });
  await expect(light.getByRole('heading', { name: 'Sign in' })).toBeVisible();
  // The app's own step (its first form, web/first-form.js, may show a moment before).
  await light.evaluate((element) => element.ready);
  // The shop's own --otp-bg (examples/shop.css): its light value here, its dark one beside.
  expect(await light.locator('.embedded').evaluate((e) => getComputedStyle(e).backgroundColor)).toBe('rgb(255, 253, 249)');
  expect(await page.locator('commerce-otp#sign-in .embedded').evaluate((e) => getComputedStyle(e).backgroundColor)).toBe('rgb(29, 24, 19)');
  await context.close();
});
