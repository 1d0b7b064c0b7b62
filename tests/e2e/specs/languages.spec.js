// Every language the app ships: a complete flow, in the shopper's words (from the catalogues,
// never hard-coded here), with `lang` and `dir` right, axe-core clean on every page, nothing
// wider than a 320 px phone, and a screenshot of each page in tests/e2e/screenshots/ (ignored
// by git; look at them). Then the switcher, the shop's own words, and the element's `locale`.
const fs = require('node:fs');
const path = require('node:path');
const { test, expect, users } = require('../support/fixtures');
const { t, tPattern, SHIPPED, RTL } = require('../support/catalogues');
const { addElement, configWith } = require('../support/shop');

const SHOTS = path.join(__dirname, '..', 'screenshots');
const SHOP = () => process.env.SHOP_URL;

async function axe(page) {
  // The app's own page and elements, once there (their first forms, web/first-form.js, are
  // replaced as the app comes; first-form.spec.js checks those).
  await page.evaluate(() => Promise.all([window.commerceOtp?.ready, ...[...document.querySelectorAll('commerce-otp')].map((e) => e.ready)]));
  await page.addScriptTag({ path: require.resolve('axe-core/axe.min.js') });
  const result = await page.evaluate(() =>
    window.axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } }));
  return result.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
}

const heading = (page) => page.getByRole('heading', { level: 1 });

for (const tag of SHIPPED) {
  test.describe(`in ${tag}`, () => {
    // The browser's language picks the app's (navigator.languages); a phone's width.
    test.use({ locale: tag === 'en' ? 'en-US' : tag, viewport: { width: 320, height: 720 } });

    test(`${tag}: every page in the shopper's words, ${RTL.has(tag) ? 'right to left' : 'left to right'}, axe-clean, no sideways scroll at 320 px`, async ({ page, emulator }) => {
      test.setTimeout(60_000);
      const findings = [];
      let n = 0;
      const look = async (name) => {
        await expect(page.locator('html')).toHaveAttribute('lang', tag);
        await expect(page.locator('html')).toHaveAttribute('dir', RTL.has(tag) ? 'rtl' : 'ltr');
        const sideways = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
        if (sideways > 0) findings.push(`${name}: ${sideways} px of sideways scroll`);
        for (const v of await axe(page)) findings.push(`${name}: ${v}`);
        n += 1;
        await page.screenshot({ path: path.join(SHOTS, '320', tag, `${String(n).padStart(2, '0')}-${name}.png`), fullPage: true });
      };
      const label = (id) => page.getByLabel(t(tag, id), { exact: true });

      // The first page: the sign-in form, the other ways beneath it.
      await page.goto('/');
      await expect(heading(page)).toHaveText(t(tag, 'sign-in-title'));
      expect(await page.title()).toContain(t(tag, 'sign-in-title'));
      await look('start');
      await page.getByRole('button', { name: t(tag, 'sign-in-button') }).click();
      await expect(page.getByText(t(tag, 'field-username-missing'))).toBeVisible();
      await look('sign-in-problems');

      // Reset: ask for a code, a wrong code is refused on its field.
      await page.getByRole('link', { name: t(tag, 'forgot-password') }).click();
      await expect(heading(page)).toHaveText(t(tag, 'forgot-title'));
      await look('forgot-password');
      await label('username-label').fill(users.john.email);
      await page.getByRole('button', { name: t(tag, 'send-code') }).click();
      await expect(heading(page)).toHaveText(t(tag, 'change-title'));
      await expect(page.getByRole('status')).toHaveText(t(tag, 'code-sent', { username: users.john.email }));
      await label('code-label').fill('zzzzzz');
      await label('new-password-label').fill('Blue-Harbour-42');
      await label('confirm-password-label').fill('Blue-Harbour-42');
      await page.getByRole('button', { name: t(tag, 'change-button') }).click();
      await expect(page.locator('#code-error')).toHaveText(t(tag, 'field-code-rejected'));
      await look('code-refused');

      // Passwordless, complete: a code by e-mail, two accounts, signed in.
      await page.goto('/sign_in_with_code');
      await expect(heading(page)).toHaveText(t(tag, 'code-sign-in-title'));
      await look('code-sign-in');
      await label('username-label').fill(users.jane.email);
      await page.getByRole('button', { name: t(tag, 'send-code') }).click();
      await expect(page.getByRole('status')).toHaveText(t(tag, 'code-sent', { username: users.jane.email }));
      await expect(page.getByText(t(tag, 'code-signing-in-as', { username: users.jane.email }))).toBeVisible();
      await look('passwordless');
      const mail = await emulator.lastMailTo(users.jane.email);
      await label('code-label').fill(mail.event.payload.one_time_password_token);
      await page.getByRole('button', { name: t(tag, 'sign-in-button') }).click();
      await expect(heading(page)).toHaveText(t(tag, 'choose-account-title'));
      await look('choose-account');
      await page.getByRole('button', { name: users.jane.accounts[0] }).click();
      await expect(heading(page)).toHaveText(t(tag, 'signed-in-title'));
      // The time in the shopper's language (Intl), not English.
      const until = await page.locator('time').innerText();
      expect(until.length).toBeGreaterThan(4);
      await look('signed-in');

      await page.goto('/no_such_page');
      await expect(heading(page)).toHaveText(t(tag, 'not-found-title'));
      await look('not-found');

      expect(findings).toEqual([]);
    });
  });
}

test('the switcher changes the language in place: words, lang, dir, and nothing typed is lost', async ({ page }) => {
  await page.goto('/');
  await page.getByLabel('E-mail address', { exact: true }).fill(users.john.email);
  const switcher = page.getByLabel(t('en', 'language'), { exact: true });
  // Each language named in its own words.
  await expect(switcher.locator('option[value="de"]')).toHaveText('Deutsch');
  await expect(switcher.locator('option[value="ja"]')).toHaveText('日本語');
  await switcher.selectOption('de');
  await expect(heading(page)).toHaveText(t('de', 'sign-in-title'));
  await expect(page.locator('html')).toHaveAttribute('lang', 'de');
  expect(await page.title()).toContain(t('de', 'sign-in-title'));
  await expect(page.getByLabel(t('de', 'username-label'), { exact: true })).toHaveValue(users.john.email);

  await page.getByLabel(t('de', 'language'), { exact: true }).selectOption('ar');
  await expect(heading(page)).toHaveText(t('ar', 'sign-in-title'));
  await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
  // The address and code fields stay left to right inside a right-to-left page.
  const email = page.getByLabel(t('ar', 'username-label'), { exact: true });
  expect(await email.evaluate((el) => getComputedStyle(el).direction)).toBe('ltr');
  expect(await page.locator('main').evaluate((el) => getComputedStyle(el).direction)).toBe('rtl');

  await page.getByLabel(t('ar', 'language'), { exact: true }).selectOption('en');
  await expect(heading(page)).toHaveText(t('en', 'sign-in-title'));
  await expect(page.locator('html')).toHaveAttribute('dir', 'ltr');
});

test('config.json: a fixed locale, the languages offered, and the shop\'s own words', async ({ page }) => {
  await page.route('**/config.json', async (route) => {
    const config = await (await route.fetch()).json();
    await route.fulfill({
      json: {
        ...config,
        locale: 'fr',
        locales: ['fr', 'en'],
        messages: {
          fr: { 'sign-in-title': 'Connexion à Banks Garden' },
          en: { 'continue-as': 'Carry on as { $username }' },
        },
      },
    });
  });
  // The browser asks for English; the shop says French.
  await page.goto('/');
  await expect(heading(page)).toHaveText('Connexion à Banks Garden');
  await expect(page.getByRole('button', { name: t('fr', 'sign-in-button') })).toBeVisible();
  const options = page.getByLabel(t('fr', 'language'), { exact: true }).locator('option');
  await expect(options).toHaveCount(2);
  await page.getByLabel(t('fr', 'language'), { exact: true }).selectOption('en');
  await expect(heading(page)).toHaveText(t('en', 'sign-in-title'));
  await page.goto('/passwordless?username=john.doe@banks.com&token=lprvj4');
  await page.getByLabel(t('fr', 'language'), { exact: true }).selectOption('en');
  await expect(page.getByRole('button', { name: 'Carry on as john.doe@banks.com' })).toBeVisible();
});

test('a config.json message that is not one of the app\'s is a set-up problem, named', async ({ page }) => {
  await page.route('**/config.json', async (route) => {
    const config = await (await route.fetch()).json();
    await route.fulfill({ json: { ...config, messages: { en: { 'sign-in-titel': 'Hello' } } } });
  });
  page.on('console', () => {});
  await page.goto('/');
  await expect(heading(page)).toHaveText(t('en', 'config-problem-title'));
  await page.getByText(t('en', 'config-problem-details')).click();
  await expect(page.getByRole('listitem')).toContainText('sign-in-titel');
});

test('the element speaks its locale attribute and marks its own lang and dir, not the shop page\'s', async ({ page }) => {
  await page.goto(`${SHOP()}/element.html`);
  const element = await addElement(page, 'hebrew', { locale: 'he', flow: 'reset' });
  await expect(element.getByRole('heading', { name: t('he', 'forgot-title') })).toBeVisible();
  const container = element.locator('.embedded');
  await expect(container).toHaveAttribute('lang', 'he');
  await expect(container).toHaveAttribute('dir', 'rtl');
  expect(await page.evaluate(() => [document.documentElement.lang, document.documentElement.dir])).toEqual(['en', '']);
  expect(await axe(page)).toEqual([]);
  fs.mkdirSync(path.join(SHOTS, 'element'), { recursive: true });
  await page.screenshot({ path: path.join(SHOTS, 'element', 'he-reset.png'), fullPage: true });
});

test('a complete code pasted on the passwordless page signs in by itself; typed, it waits', async ({ page, emulator }) => {
  await page.goto('/sign_in_with_code');
  await page.getByLabel('E-mail address', { exact: true }).fill(users.john.email);
  await page.getByRole('button', { name: 'Send code' }).click();
  const code = page.getByLabel('Code from your e-mail', { exact: true });
  await expect(code).toBeVisible();
  const mail = await emulator.lastMailTo(users.john.email);
  const token = mail.event.payload.one_time_password_token;
  // Typed (fill types it as text): nothing happens until the button.
  await code.fill(token);
  await page.waitForTimeout(300);
  await expect(heading(page)).toHaveText(t('en', 'code-sign-in-title'));
  // Pasted, with the spaces a mail client adds: signed in without a click.
  await code.fill('');
  await code.evaluate((el, pasted) => {
    el.value = pasted;
    el.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertFromPaste', data: pasted }));
  }, ` ${token.slice(0, 3)} ${token.slice(3)} `);
  await expect(heading(page)).toHaveText(t('en', 'signed-in-title'));
});

test('the last username is kept on this device only when the shop turns it on, and "Not you?" forgets it', async ({ page, emulator }) => {
  await page.goto('/sign_in_with_code');
  await page.getByLabel('E-mail address', { exact: true }).fill(users.john.email);
  await page.getByRole('button', { name: 'Send code' }).click();
  await expect(page.getByRole('status')).toBeVisible();
  expect(await page.evaluate(() => ({ ...localStorage }))).toEqual({});

  await page.route('**/config.json', async (route) => {
    const config = await (await route.fetch()).json();
    await route.fulfill({ json: { ...config, remember_username: true } });
  });
  await page.goto('/sign_in_with_code');
  await page.getByLabel('E-mail address', { exact: true }).fill(users.john.email);
  await page.getByRole('button', { name: 'Send code' }).click();
  await expect(page.getByRole('status')).toBeVisible();
  // The username only: no code, no token.
  expect(await page.evaluate(() => ({ ...localStorage }))).toEqual({ 'commerce-otp.username': users.john.email });
  await page.goto('/');
  await expect(page.getByLabel('E-mail address', { exact: true })).toHaveValue(users.john.email);
  await page.goto('/passwordless');
  await page.getByRole('button', { name: t('en', 'not-you') }).click();
  expect(await page.evaluate(() => ({ ...localStorage }))).toEqual({});
});

test('where usernames are e-mail addresses, what cannot be one is refused before anything is sent', async ({ page }) => {
  const requests = [];
  page.on('request', (r) => { if (r.url().includes('/one-time-password-token-request')) requests.push(r.url()); });
  await page.goto('/forgot_password');
  await page.getByLabel('E-mail address', { exact: true }).fill('not-an-email');
  await page.getByRole('button', { name: 'Send code' }).click();
  await expect(page.getByText(t('en', 'field-username-format'))).toBeVisible();
  await expect(page.getByLabel('E-mail address', { exact: true })).toBeFocused();
  expect(requests).toEqual([]);
});

test('after a reset the shopper lands on sign-in with the username filled and focus in the password', async ({ page, emulator }) => {
  await page.goto('/forgot_password');
  await page.getByLabel('E-mail address', { exact: true }).fill(users.john.email);
  await page.getByRole('button', { name: 'Send code' }).click();
  // The confirmation shows once the code request is answered, so the code exists.
  await expect(page.getByRole('status')).toBeVisible();
  const mail = await emulator.lastMailTo(users.john.email);
  await page.getByLabel('Code from your e-mail', { exact: true }).fill(mail.event.payload.one_time_password_token);
  await page.getByLabel('New password', { exact: true }).fill('Blue-Harbour-42');
  await page.getByLabel('New password again', { exact: true }).fill('Blue-Harbour-42');
  await page.getByRole('button', { name: 'Change password' }).click();
  await expect(heading(page)).toHaveText(t('en', 'password-changed-title'));
  await expect(page.getByLabel('E-mail address', { exact: true })).toHaveValue(users.john.email);
  await expect(page.getByLabel('Password', { exact: true })).toBeFocused();
});

for (const [scheme, tag] of [['light', 'en'], ['dark', 'en'], ['light', 'ar'], ['dark', 'ar']]) {
  test(`screenshots at 1280 px, ${scheme}, ${tag}`, async ({ browser }) => {
    const context = await browser.newContext({ colorScheme: scheme, locale: tag, viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    const dir = path.join(SHOTS, `1280-${scheme}`, tag);
    for (const [name, address] of [['start', '/'], ['forgot-password', '/forgot_password'], ['code-sign-in', '/sign_in_with_code'],
      ['change-password-link', '/change_password?username=john.doe@banks.com&token=lprvj4'],
      ['passwordless-link', '/passwordless?username=john.doe@banks.com&token=lprvj4'], ['not-found', '/no_such_page']]) {
      await page.goto(address);
      await expect(heading(page)).toBeVisible();
      await expect(page.locator('html')).toHaveAttribute('lang', tag);
      await page.screenshot({ path: path.join(dir, `${name}.png`), fullPage: true });
    }
    await context.close();
  });
}
