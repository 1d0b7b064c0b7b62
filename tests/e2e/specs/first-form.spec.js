// The first form (web/boot.js, src/prerender.rs, src/first_form.rs): on the app's folder and
// the e-mail link's pages, the form shows before the app's files have arrived, as the app
// would show it (store, theme, flows, language), takes what the shopper types and a submit,
// and the app takes it over with all of it: nothing typed is lost, a submit is made once.
const { test, expect, users } = require('../support/fixtures');
const { Controls, callName } = require('../support/flows');

const LINK = 'username=john.doe@banks.com&token=lprvj4';
const SHOP = () => process.env.SHOP_URL;
const ENTRIES = [
  ['the start page', '/', (page) => page.getByLabel('E-mail address')],
  ['the reset link', `/change_password?${LINK}`, (page) => page.getByLabel('New password', { exact: true })],
  ['the passwordless link', `/passwordless?${LINK}`, (page) => page.getByRole('button', { name: /^Continue as/ })],
];

/**
 * Holds back the app's files (the wasm and its parts) until `release()`; `release.asked`
 * settles when the page first asks for one (which boot.js does once the first form is shown,
 * or known not to be).
 */
async function holdTheApp(page) {
  let release;
  let asked;
  const gate = new Promise((settle) => { release = settle; });
  const first = new Promise((settle) => { asked = settle; });
  await page.route(/\.wasm$/, async (route) => {
    asked();
    await gate;
    await route.continue();
  });
  release.asked = first;
  return release;
}

/** config.json as the emulator serves it, with `changes`. */
async function config(page, changes) {
  const served = await (await fetch(`${process.env.APP_URL}/config.json`)).json();
  await page.route('**/config.json', (route) => route.fulfill({ json: { ...served, ...changes } }));
}

/** Whether the app has taken over: the first form is gone and the footer is the app's. */
async function appShows(page) {
  await expect(page.locator('#first-form')).toHaveCount(0);
  await expect(page.locator('footer.site')).toBeVisible();
}

/** How many pixels differ between two PNG screenshots of the same size (all when not). */
async function differingPixels(page, a, b) {
  const blank = await page.context().newPage();
  const count = await blank.evaluate(async ([one, two]) => {
    const read = async (base64) => {
      const bitmap = await createImageBitmap(await (await fetch(`data:image/png;base64,${base64}`)).blob());
      const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
      const context = canvas.getContext('2d');
      context.drawImage(bitmap, 0, 0);
      return context.getImageData(0, 0, bitmap.width, bitmap.height);
    };
    const [x, y] = [await read(one), await read(two)];
    if (x.width !== y.width || x.height !== y.height) return x.width * x.height;
    let differ = 0;
    for (let i = 0; i < x.data.length; i += 4) {
      if (x.data[i] !== y.data[i] || x.data[i + 1] !== y.data[i + 1] || x.data[i + 2] !== y.data[i + 2]) differ += 1;
    }
    return differ;
  }, [a.toString('base64'), b.toString('base64')]);
  await blank.close();
  return count;
}

const LOGO = '<svg xmlns="http://www.w3.org/2000/svg" width="40" height="20"><rect width="40" height="20" fill="teal"/></svg>';
/** What the page shows: its title, language, direction and theme, main's text, the header's text and logo. */
const looks = async (page) => ({
  ...await page.evaluate(() => {
    const root = document.documentElement;
    return { title: document.title, lang: root.lang, dir: root.dir, theme: root.dataset.theme ?? null };
  }),
  text: await page.locator('main').innerText(),
  header: await page.locator('header.site').evaluate((h) => [h.innerText, h.querySelector('img')?.getAttribute('src') ?? null]),
});

const SETS = [
  ['English, as served', {}, 'light', 1280],
  ['a named store, dark, reset only, e-mail usernames, a logo', {
    store_name: 'Banks & Co', theme: 'dark', flows: ['reset_password'], username_format: 'email', logo_url: 'logo.svg',
  }, 'light', 320],
  ['German from config.json', { locale: 'de' }, 'light', 320],
  ['Arabic (right to left), named store', { locale: 'ar', store_name: 'متجر' }, 'dark', 1280],
];

for (const [entry, path, control] of ENTRIES) {
  for (const [name, changes, scheme, width] of SETS) {
    if (changes.flows && path.startsWith('/passwordless')) continue;
    test(`${entry}, ${name}: the form shows before the app's files, as the app then shows it`, async ({ page, emulator }) => {
      await page.setViewportSize({ width, height: 800 });
      await page.emulateMedia({ colorScheme: scheme });
      await config(page, changes);
      await page.route('**/logo.svg', (route) => route.fulfill({ contentType: 'image/svg+xml', body: LOGO }));
      const release = await holdTheApp(page);
      await page.goto(path);
      await expect(page.locator('#first-form h1')).toBeVisible();
      await expect(page.locator('#loading')).toHaveCount(0);
      if (!changes.locale) await expect(control(page)).toBeVisible();
      const before = await looks(page);
      const pixels = await page.locator('main').screenshot();
      if (process.env.FIRST_FORM_SHOTS) await page.screenshot({ path: `${process.env.FIRST_FORM_SHOTS}/${entry}-${name}-before.png`, fullPage: true });
      release();
      await appShows(page);
      const after = await looks(page);
      if (process.env.FIRST_FORM_SHOTS) await page.screenshot({ path: `${process.env.FIRST_FORM_SHOTS}/${entry}-${name}-after.png`, fullPage: true });
      expect(before).toEqual(after);
      // The language switcher, which only the app has, reaches into main's last row of pixels.
      await page.locator('footer.site').evaluate((footer) => { footer.style.visibility = 'hidden'; });
      const differ = await differingPixels(page, pixels, await page.locator('main').screenshot());
      // The same pixels, but for the odd one at a rounded corner, drawn anew.
      expect(differ, 'pixels that differ').toBeLessThanOrEqual(4);
    });
  }
}

test('axe finds no violation in the first forms (the app held back)', async ({ page, emulator }) => {
  const release = await holdTheApp(page);
  for (const [, path, control] of ENTRIES) {
    await page.goto(path);
    await expect(control(page)).toBeVisible();
    await expect(page.locator('#first-form')).toHaveCount(1);
    await page.addScriptTag({ path: require.resolve('axe-core/axe.min.js') });
    const result = await page.evaluate(() =>
      window.axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } }));
    expect(result.violations.map((v) => `${path}: ${v.id} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`)).toEqual([]);
  }
  release();
});

test('typed before the app, submitted before the app: the app signs in once, with what was typed', async ({ page, emulator }) => {
  const controls = new Controls();
  const since = (await controls.calls()).length;
  const release = await holdTheApp(page);
  await page.goto('/');
  await page.getByLabel('E-mail address').fill(users.john.email);
  await page.getByLabel('Password', { exact: true }).fill(users.john.password);
  await page.getByLabel('Show password').check();
  await page.getByRole('button', { name: 'Sign in' }).click();
  // Kept for the app, which is not there yet: the button says so, and nothing is sent.
  const busy = page.getByRole('button', { name: 'Signing in…' });
  await expect(busy).toHaveAttribute('aria-busy', 'true');
  expect(await controls.calls()).toHaveLength(since);
  release();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText("You're signed in");
  const calls = await controls.callsSince(since);
  expect(calls.map(callName)).toEqual(['token', 'exchange']);
});

test('a caret in the middle of typing stays where it was as the app takes over', async ({ page, emulator }) => {
  const release = await holdTheApp(page);
  await page.goto('/');
  const field = page.getByLabel('E-mail address');
  await field.pressSequentially('john.doe@banks');
  release();
  await appShows(page);
  await page.keyboard.type('.com');
  await expect(page.getByLabel('E-mail address')).toHaveValue(users.john.email);
  await expect(page.getByLabel('E-mail address')).toBeFocused();
  await expect(page.getByLabel('Show password')).not.toBeChecked();
});

test('bad input submitted before the app: the app says what is wrong, and keeps what was typed', async ({ page, emulator }) => {
  const release = await holdTheApp(page);
  await page.goto('/');
  await page.getByLabel('E-mail address').fill('john.doe');
  await page.getByRole('button', { name: 'Sign in' }).click();
  release();
  await appShows(page);
  await expect(page.getByLabel('E-mail address')).toHaveValue('john.doe');
  await expect(page.getByLabel('E-mail address')).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByLabel('E-mail address')).toBeFocused();
});

test('the reset link: the new password typed before the app is the one set', async ({ page, emulator }) => {
  const controls = new Controls();
  await emulator.nextCodes(['lprvj4']);
  const mail = await controls.requestCode('reset_password');
  const since = (await controls.calls()).length;
  const release = await holdTheApp(page);
  await page.goto(new URL(mail.link).pathname + new URL(mail.link).search);
  await page.getByLabel('New password', { exact: true }).fill('A-new-password-9');
  await page.getByLabel('New password again').fill('A-new-password-9');
  await page.getByRole('button', { name: 'Change password' }).click();
  release();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Your password has been changed');
  expect((await controls.callsSince(since)).map(callName)).toEqual(['token', 'exchange', 'update']);
  // The password set is the one typed before the app came.
  await page.getByLabel('Password', { exact: true }).fill('A-new-password-9');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText("You're signed in");
});

test("a German browser's form comes from its own file; an English page fetches none", async ({ browser, emulator }) => {
  for (const [locale, heading, files] of [['de-DE', 'Anmelden', ['/first-forms/de.html']], ['en-GB', 'Sign in', []]]) {
    const context = await browser.newContext({ baseURL: process.env.APP_URL, locale });
    const page = await context.newPage();
    const fetched = [];
    page.on('request', (request) => {
      const { pathname } = new URL(request.url());
      if (pathname.startsWith('/first-forms/')) fetched.push(pathname);
    });
    const release = await holdTheApp(page);
    await page.goto('/');
    await expect(page.locator('#first-form h1')).toHaveText(heading);
    expect(fetched).toEqual(files);
    release();
    await appShows(page);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(heading);
    await context.close();
  }
});

test("the app's files are fetched once the first form shows, not before", async ({ page, emulator }) => {
  const shownWhenAsked = [];
  await page.route(/\/commerce-otp-[0-9a-f]{16}(_bg\.wasm|\.js)$/, async (route) => {
    shownWhenAsked.push(await page.evaluate(() => document.getElementById('first-form') !== null));
    await route.continue();
  });
  await page.goto('/');
  await appShows(page);
  expect(shownWhenAsked).toEqual([true, true]);
});

const NO_FORM = [
  ['config.json overrides messages', '/', async (page) => config(page, { messages: { en: { 'sign-in-title': 'Welcome back' } } }), 'Welcome back'],
  ['the tab has a session', '/', async (page) => page.addInitScript(() => sessionStorage.setItem('commerce-otp.session', '{}')), 'Sign in'],
  ['a page that is not an entry', '/forgot_password', async () => {}, 'Reset your password'],
  ['a link without its code', '/change_password?username=john.doe@banks.com', async () => {}, 'Choose a new password'],
  ['a link whose code is not a code', '/change_password?username=john.doe@banks.com&token=lprv', async () => {}, 'Choose a new password'],
  ['a link whose username hides a direction change', '/passwordless?username=john.doe%E2%80%AE@banks.com&token=lprvj4', async () => {}, 'Sign in with a one-time code'],
  ["the language's file cannot be fetched", '/', async (page) => page.route('**/first-forms/de.html', (route) => route.fulfill({ status: 404 })), 'Anmelden', 'de-DE'],
];

for (const [why, path, arrange, heading, locale] of NO_FORM) {
  test(`no first form where it would not be the app's: ${why}; "Loading…", then the app`, async ({ browser, emulator }) => {
    const context = await browser.newContext({ baseURL: process.env.APP_URL, locale: locale ?? 'en-US' });
    const page = await context.newPage();
    const uncaught = [];
    page.on('pageerror', (error) => uncaught.push(error.message));
    // Whether a first form ever shows, however briefly.
    await page.addInitScript(() => {
      new MutationObserver(() => { window.firstFormSeen ||= document.getElementById('first-form') !== null; })
        .observe(document, { subtree: true, childList: true });
    });
    await arrange(page);
    const release = await holdTheApp(page);
    await page.goto(path);
    // boot.js asks for the wasm once the first form is shown, or known not to be.
    await release.asked;
    await expect(page.locator('#loading')).toBeVisible();
    release();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(heading);
    expect(await page.evaluate(() => window.firstFormSeen)).toBe(false);
    expect(uncaught).toEqual([]);
    await context.close();
  });
}

test("the link's fragment form, and a + in its username, show as the app shows them", async ({ page, emulator }) => {
  const release = await holdTheApp(page);
  await page.goto('/#/passwordless?username=john.doe%2Bshop@banks.com&token=lprvj4');
  const button = page.getByRole('button', { name: /^Continue as/ });
  await expect(page.locator('#first-form')).toHaveCount(1);
  await expect(button).toHaveText('Continue as john.doe+shop@banks.com');
  const before = await looks(page);
  release();
  await appShows(page);
  expect(await looks(page)).toEqual(before);
  await expect(button).toHaveText('Continue as john.doe+shop@banks.com');
});

test('a link, a button and the focus on the page before the app: the app moves, presses and focuses as asked, no page load', async ({ page, emulator }) => {
  let release = await holdTheApp(page);
  await page.goto('/');
  await page.evaluate(() => { window.samePage = true; });
  await page.getByRole('link', { name: 'Forgot your password?' }).click();
  release();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Reset your password');
  expect(new URL(page.url()).pathname).toBe('/forgot_password');
  expect(await page.evaluate(() => window.samePage)).toBe(true);

  // Opens `path` anew, the app held back again.
  const again = async (path) => {
    await page.goto('about:blank');
    await page.unrouteAll();
    release = await holdTheApp(page);
    await page.goto(path);
  };
  // "Not you?" on the passwordless link, before the app.
  await again('/passwordless?username=john.doe@banks.com&token=lprvj4');
  await page.getByRole('button', { name: 'Not you?' }).click();
  release();
  await expect(page.getByLabel('E-mail address')).toBeFocused();
  await expect(page.getByLabel('E-mail address')).toHaveValue('');

  // The keyboard on the submit button when the app comes: it stays there.
  await again('/');
  await page.getByRole('button', { name: 'Sign in' }).focus();
  release();
  await appShows(page);
  await expect(page.getByRole('button', { name: 'Sign in' })).toBeFocused();
});

test('no first form in a frame: the app lays out its steps there', async ({ page, emulator }) => {
  await page.addInitScript(() => {
    new MutationObserver(() => { window.firstFormSeen ||= document.getElementById('first-form') !== null; })
      .observe(document, { subtree: true, childList: true });
  });
  await page.goto(`${SHOP()}/iframe.html`);
  const frame = page.frameLocator('iframe');
  await expect(frame.getByRole('heading', { name: 'Sign in' })).toBeVisible();
  // Then the app's folder itself (the start page's first form, were it not framed).
  await page.evaluate((app) => { document.getElementById('app').src = `${app}/`; }, process.env.APP_URL);
  await expect(frame.getByRole('heading', { name: 'Sign in' })).toBeVisible();
  await expect.poll(() => page.frames().some((f) => f.url() === `${process.env.APP_URL}/`)).toBe(true);
  const app = page.frames().find((f) => f.url() === `${process.env.APP_URL}/`);
  expect(await app.evaluate(() => window.firstFormSeen)).toBe(false);
});

// The element: its loader shows the first step in each element the same way (web/commerce-otp.js).

test('the element: each first step shows before the app, as the app then shows it, "Cancel" as asked', async ({ page, emulator }) => {
  const release = await holdTheApp(page);
  await page.goto(`${SHOP()}/element.html`);
  await page.evaluate(() => {
    const config = document.getElementById('sign-in').getAttribute('config');
    for (const [id, flow, noCancel] of [['reset', 'reset'], ['passwordless', 'passwordless'], ['plain', 'sign-in', true]]) {
      const element = Object.assign(document.createElement('commerce-otp'), { id });
      element.setAttribute('flow', flow);
      element.setAttribute('config', config);
      if (noCancel) element.setAttribute('no-cancel', '');
      document.querySelector('main').append(element);
    }
  });
  const ids = ['sign-in', 'reset', 'passwordless', 'plain'];
  const seen = async () => Promise.all(ids.map((id) => page.locator(`commerce-otp#${id} section`).innerText()));
  for (const id of ids) await expect(page.locator(`commerce-otp#${id} #first-form`)).toHaveCount(1);
  await expect(page.locator('commerce-otp#plain').getByRole('button', { name: 'Cancel' })).toHaveCount(0);
  await expect(page.locator('commerce-otp#sign-in').getByRole('button', { name: 'Cancel' })).toBeVisible();
  const before = await seen();
  expect(before[1]).toContain('Reset your password');
  release();
  for (const id of ids) await expect(page.locator(`commerce-otp#${id} .language`)).toBeVisible();
  await expect(page.locator('#first-form')).toHaveCount(0);
  expect(await seen()).toEqual(before);
  await expect(page.locator('commerce-otp#plain').getByRole('button', { name: 'Cancel' })).toHaveCount(0);
});

test('the element: typed and submitted before the app, signed in once; a link pressed before it stays in the element', async ({ page, emulator }) => {
  const controls = new Controls();
  const since = (await controls.calls()).length;
  let release = await holdTheApp(page);
  await page.goto(`${SHOP()}/element.html`);
  const element = page.locator('commerce-otp#sign-in');
  await element.getByLabel('E-mail address').fill(users.john.email);
  await element.getByLabel('Password', { exact: true }).fill(users.john.password);
  await element.getByRole('button', { name: 'Sign in' }).click();
  await expect(element.getByRole('button', { name: 'Signing in…' })).toBeVisible();
  release();
  await expect(element.getByRole('heading', { name: "You're signed in" })).toBeVisible();
  expect((await controls.callsSince(since)).map(callName)).toEqual(['token', 'exchange']);

  // In a new tab of its own (no session): "Forgot your password?" before the app.
  const other = await page.context().browser().newContext();
  const tab = await other.newPage();
  release = await holdTheApp(tab);
  await tab.goto(`${SHOP()}/element.html`);
  const shown = tab.locator('commerce-otp#sign-in');
  await shown.getByRole('link', { name: 'Forgot your password?' }).click();
  release();
  await expect(shown.getByRole('heading', { name: 'Reset your password' })).toBeVisible();
  expect(new URL(tab.url()).pathname).toBe('/element.html');
  await other.close();
});

test("the element's first form says so when the app cannot be loaded", async ({ browser, emulator }) => {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.route(/\.wasm$/, (route) => route.abort());
  await page.goto(`${SHOP()}/element.html`);
  const element = page.locator('commerce-otp#sign-in');
  await element.getByLabel('E-mail address').fill(users.john.email);
  await expect(element.getByRole('alert')).toContainText("This page didn't load completely");
  await element.getByRole('button', { name: 'Sign in' }).click();
  await expect(element.getByRole('button', { name: 'Sign in' })).toHaveAttribute('aria-busy', 'false');
  await expect(element.getByLabel('E-mail address')).toHaveValue(users.john.email);
  await context.close();
});

test("the page's first form says so when the app cannot be loaded, and keeps what was typed", async ({ browser, emulator }) => {
  const context = await browser.newContext({ baseURL: process.env.APP_URL });
  const page = await context.newPage();
  let release;
  const gate = new Promise((settle) => { release = settle; });
  await page.route(/\.wasm$/, async (route) => { await gate; await route.abort(); });
  await page.goto('/');
  await page.getByLabel('E-mail address').fill(users.john.email);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('button', { name: 'Signing in…' })).toBeVisible();
  release();
  await expect(page.getByRole('alert')).toContainText("We couldn't reach the store");
  await expect(page.getByRole('alert')).toContainText('reload the page');
  await expect(page.getByRole('button', { name: 'Sign in' })).toHaveAttribute('aria-busy', 'false');
  await expect(page.getByLabel('E-mail address')).toHaveValue(users.john.email);
  await context.close();
});
