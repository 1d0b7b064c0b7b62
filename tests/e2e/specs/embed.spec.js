// The app embedded in a shop's page (examples/, served by the emulator's shop host on an
// origin of its own): the <commerce-otp> element and the iframe, what the shop hears, what the
// app must leave alone, and the way back to the shop (return_to).
const { test, expect, users } = require('../support/fixtures');
const { startStaticHost } = require('../support/static-host');
const { watchConsole } = require('../support/deployed');
const { addElement, configWith } = require('../support/shop');

const SHOP = () => process.env.SHOP_URL;
const APP = () => process.env.APP_URL;
// The same shop host by another name: another origin, on no list of the app's.
const FOREIGN = () => SHOP().replace('127.0.0.1', 'localhost');
const NEW_PASSWORD = 'Blue-Harbour-42';
// Every test takes the `emulator` fixture, which resets the store (one test changes John's
// password), whether or not it talks to the emulator itself.

/** Records every commerce-otp:* event that reaches the document, from the page's start. */
async function recordEvents(page) {
  await page.addInitScript(() => {
    window.__heard = [];
    for (const kind of ['ready', 'signed-in', 'password-reset', 'signed-out', 'cancelled']) {
      document.addEventListener(`commerce-otp:${kind}`, (e) => {
        window.__heard.push({ kind, id: e.target.id, detail: e.detail, bubbles: e.bubbles, composed: e.composed });
      });
    }
  });
}
const heard = (page) => page.evaluate(() => window.__heard);
const kinds = async (page) => (await heard(page)).map((e) => `${e.id}:${e.kind}`);

/** Records the messages the page receives: origin and data. */
async function recordMessages(page) {
  await page.addInitScript(() => {
    window.__messages = [];
    window.addEventListener('message', (e) => window.__messages.push({ origin: e.origin, data: e.data }));
  });
}
const messages = (page) => page.evaluate(() => window.__messages.filter((m) => m.data?.type !== 'resize'));

/** What the shop's page shows of itself: address, title, history, and its elements' styles. */
function hostState(page) {
  return page.evaluate(() => {
    const style = (selector) => {
      const s = getComputedStyle(document.querySelector(selector));
      return [s.color, s.fontFamily, s.fontSize, s.margin, s.backgroundColor, s.padding].join('|');
    };
    return {
      url: location.href,
      title: document.title,
      history: history.length,
      styles: ['body', 'h1', 'header a', 'h2', 'ol'].map(style),
      focused: document.activeElement === document.body,
    };
  });
}

/** Signs John in with his password in `form` (an element, a frame, or the page). */
async function signInAsJohn(form) {
  await form.getByLabel('E-mail address').fill(users.john.email);
  await form.getByLabel('Password', { exact: true }).fill(users.john.password);
  await form.getByRole('button', { name: 'Sign in' }).click();
  await expect(form.getByRole('heading', { name: "You're signed in" })).toBeVisible();
}

async function codeFor(emulator, email) {
  return (await emulator.lastMailTo(email)).event.payload.one_time_password_token;
}

/** In a reset `form`: asks for John's code, then types it and the new password twice. */
async function fillResetForJohn(form, emulator) {
  await form.getByLabel('E-mail address').fill(users.john.email);
  await form.getByRole('button', { name: 'Send code' }).click();
  await expect(form.getByRole('heading', { name: 'Choose a new password' })).toBeVisible();
  await form.getByLabel('Code from your e-mail').fill(await codeFor(emulator, users.john.email));
  await form.getByLabel('New password', { exact: true }).fill(NEW_PASSWORD);
  await form.getByLabel('New password again').fill(NEW_PASSWORD);
}

test('the element: passwordless sign-in for a member of two accounts, the shop hears it', async ({ page, emulator }) => {
  await recordEvents(page);
  await page.goto(`${SHOP()}/element.html`);
  const element = page.locator('commerce-otp#sign-in');
  await expect(element.getByRole('heading', { name: 'Sign in' })).toBeVisible();
  // Once the app has the element (its first form may show before it: web/first-form.js).
  await element.evaluate((el) => el.ready);
  const before = await hostState(page);
  expect(before.focused, 'the element takes no focus as the page loads').toBe(true);
  expect(await kinds(page)).toEqual(['sign-in:ready']);

  await element.getByRole('link', { name: 'E-mail me a code' }).click();
  await expect(element.getByRole('heading', { name: 'Sign in with a one-time code' })).toBeFocused();
  await element.getByLabel('E-mail address').fill(users.jane.email);
  await element.getByRole('button', { name: 'Send code' }).click();
  await expect(element.getByRole('status')).toContainText('valid for 10 minutes');
  await element.getByLabel('Code from your e-mail').fill(await codeFor(emulator, users.jane.email));
  await element.getByRole('button', { name: 'Sign in' }).click();
  await element.getByRole('button', { name: users.jane.accounts[1] }).click();
  await expect(element.getByRole('heading', { name: "You're signed in" })).toBeVisible();

  const signedIn = (await heard(page)).find((e) => e.kind === 'signed-in');
  expect(signedIn).toMatchObject({ id: 'sign-in', bubbles: true, composed: true });
  const { detail } = signedIn;
  expect(Object.keys(detail).sort()).toEqual(
    ['account_id', 'account_member_id', 'account_name', 'expires', 'restored', 'token', 'username']);
  expect(detail).toMatchObject({ username: users.jane.email, account_name: users.jane.accounts[1], restored: false });
  expect(detail.token.length).toBeGreaterThan(20);
  expect(Date.parse(detail.expires)).toBeGreaterThan(Date.now());
  // The element's `session` is the same.
  const { restored, ...expected } = detail;
  expect(await element.evaluate((el) => el.session)).toEqual(expected);

  // The shop's page is as it was: address, title, history, its own styles.
  const after = await hostState(page);
  expect({ ...after, focused: true }).toEqual({ ...before, focused: true });
  // The token is nowhere the page keeps addresses, nor in localStorage or cookies.
  expect(page.url()).not.toContain(detail.token);
  expect(await page.evaluate(() => localStorage.length + document.cookie.length)).toBe(0);

  await element.getByRole('button', { name: 'Sign out' }).click();
  await expect.poll(() => kinds(page)).toContain('sign-in:signed-out');
  expect(await element.evaluate((el) => el.session)).toBeNull();
});

test('the element: a reset by code, then the sign-in form with the username filled in', async ({ page, emulator }) => {
  await recordEvents(page);
  await page.goto(`${SHOP()}/reset.html`);
  const element = page.locator('commerce-otp#reset');
  await fillResetForJohn(element, emulator);
  await element.getByRole('button', { name: 'Change password' }).click();

  await expect(element.getByRole('heading', { name: 'Your password has been changed' })).toBeVisible();
  expect((await heard(page)).find((e) => e.kind === 'password-reset')?.detail).toEqual({ username: users.john.email });
  await expect(element.getByLabel('E-mail address')).toHaveValue(users.john.email);
  await element.getByLabel('Password', { exact: true }).fill(NEW_PASSWORD);
  await element.getByRole('button', { name: 'Sign in' }).click();
  await expect(element.getByRole('heading', { name: "You're signed in" })).toBeVisible();
  expect(await kinds(page)).toEqual(['reset:ready', 'reset:password-reset', 'reset:signed-in']);
});

test('the element with read-link takes the e-mail link from the page address and removes only it', async ({ page, emulator }) => {
  await emulator.nextCodes(['lprvj4']);
  await page.goto(`${SHOP()}/reset.html`);
  const element = page.locator('commerce-otp#reset');
  await element.getByLabel('E-mail address').fill(users.john.email);
  await element.getByRole('button', { name: 'Send code' }).click();
  await expect(element.getByRole('heading', { name: 'Choose a new password' })).toBeVisible();

  const fresh = await page.context().newPage();
  const problems = watchConsole(fresh);
  await fresh.goto(`${SHOP()}/reset.html?utm_source=mail&username=john.doe%40banks.com&token=lprvj4#top`);
  const linked = fresh.locator('commerce-otp#reset');
  await expect(linked.getByRole('heading', { name: 'Choose a new password' })).toBeVisible();
  await expect(linked.getByText(users.john.email)).toBeVisible();
  // Once the app has the element (its first form shows before it), the link is out of the
  // address bar.
  await linked.evaluate((el) => el.ready);
  expect(new URL(fresh.url()).search).toBe('?utm_source=mail');
  expect(new URL(fresh.url()).hash).toBe('#top');
  await linked.getByLabel('New password', { exact: true }).fill(NEW_PASSWORD);
  await linked.getByLabel('New password again').fill(NEW_PASSWORD);
  await linked.getByRole('button', { name: 'Change password' }).click();
  await expect(linked.getByRole('heading', { name: 'Your password has been changed' })).toBeVisible();
  expect(problems).toEqual([]);
});

test('two elements on one page keep to themselves; a removed one is torn down', async ({ page, emulator }) => {
  await recordEvents(page);
  await page.goto(`${SHOP()}/element.html`);
  await page.evaluate(async () => {
    await customElements.whenDefined('commerce-otp');
    await document.getElementById('sign-in').ready;
    const second = document.createElement('commerce-otp');
    second.id = 'second';
    second.setAttribute('flow', 'passwordless');
    document.querySelector('main').append(second);
  });
  const first = page.locator('commerce-otp#sign-in');
  const second = page.locator('commerce-otp#second');
  await expect(second.getByRole('heading', { name: 'Sign in with a one-time code' })).toBeVisible();
  await first.getByLabel('E-mail address').fill('first@example.com');
  await second.getByLabel('E-mail address').fill('second@example.com');
  await expect(first.getByLabel('E-mail address')).toHaveValue('first@example.com');
  await expect(second.getByLabel('E-mail address')).toHaveValue('second@example.com');
  await second.getByRole('button', { name: 'Cancel' }).click();
  await expect.poll(() => kinds(page)).toEqual(['sign-in:ready', 'second:ready', 'second:cancelled']);

  // Removed: its view is gone, and nothing of it runs on (no error from a late timer).
  await page.evaluate(() => document.getElementById('second').remove());
  await expect(page.locator('commerce-otp#second')).toHaveCount(0);
  await first.getByLabel('Password', { exact: true }).fill(users.john.password);
  await first.getByLabel('E-mail address').fill(users.john.email);
  await first.getByRole('button', { name: 'Sign in' }).click();
  await expect(first.getByRole('heading', { name: "You're signed in" })).toBeVisible();
  // Put back: it starts again, and finds the session of the tab.
  const back = await page.evaluate(async () => {
    const again = document.createElement('commerce-otp');
    again.id = 'again';
    document.querySelector('main').append(again);
    await again.ready;
    return again.session?.username;
  });
  expect(back).toBe(users.john.email);
});

test('a sign-in in one element of the page shows in the others, and a sign-out too', async ({ page, emulator }) => {
  await recordEvents(page);
  await page.goto(`${SHOP()}/element.html`);
  const second = await addElement(page, 'second', { flow: 'passwordless', 'no-cancel': '' });
  const first = page.locator('commerce-otp#sign-in');
  await expect(second.getByRole('heading', { name: 'Sign in with a one-time code' })).toBeVisible();
  await expect(second.getByRole('button', { name: 'Cancel' }), 'no-cancel').toHaveCount(0);
  await expect(first.getByRole('button', { name: 'Cancel' })).toBeVisible();

  await first.getByLabel('E-mail address').fill(users.john.email);
  await first.getByLabel('Password', { exact: true }).fill(users.john.password);
  await first.getByRole('button', { name: 'Sign in' }).click();
  await expect(second.getByRole('heading', { name: "You're signed in" })).toBeVisible();
  const [one, two] = await page.evaluate(() => ['sign-in', 'second'].map((id) => document.getElementById(id).session));
  expect(two).toEqual(one);
  const adopted = (await heard(page)).find((e) => e.id === 'second' && e.kind === 'signed-in');
  expect(adopted.detail.restored).toBe(true);

  await second.getByRole('button', { name: 'Sign out' }).click();
  await expect(first.getByRole('heading', { name: 'Sign in', exact: true })).toBeVisible();
  await expect(second.getByRole('heading', { name: 'Sign in with a one-time code' })).toBeVisible();
});

test('after a reload the shop reads the session at once; sign-out in one tab reaches the other', async ({ page, emulator }) => {
  await recordEvents(page);
  await page.goto(`${SHOP()}/element.html`);
  const element = page.locator('commerce-otp#sign-in');
  await signInAsJohn(element);

  await page.reload();
  // A shop script that runs as the page loads: no race, whatever loads first.
  const session = await page.evaluate(async () => {
    await customElements.whenDefined('commerce-otp');
    const el = document.getElementById('sign-in');
    await el.ready;
    return el.session;
  });
  expect(session.username).toBe(users.john.email);
  const events = await heard(page);
  expect(events.map((e) => e.kind)).toEqual(['signed-in', 'ready']);
  expect(events[0].detail.restored).toBe(true);
  expect(events[1].detail.session.account_id).toBe(session.account_id);

  // A second tab opened from this one has the tab's session; signing out in the first ends it.
  const [other] = await Promise.all([
    page.context().waitForEvent('page'),
    page.evaluate(() => { window.open(location.href); }),
  ]);
  const problems = watchConsole(other);
  const otherElement = other.locator('commerce-otp#sign-in');
  await expect(otherElement.getByRole('heading', { name: "You're signed in" })).toBeVisible();
  await element.getByRole('button', { name: 'Sign out' }).click();
  // Signed out, the element goes back to the step the shop asked for.
  await expect(otherElement.getByRole('heading', { name: 'Sign in', exact: true })).toBeVisible();
  expect(await otherElement.evaluate((el) => el.session)).toBeNull();
  expect(await other.evaluate(() => sessionStorage.getItem('commerce-otp.session'))).toBeNull();
  expect(problems).toEqual([]);
});

test('the iframe: messages to the listed parent only, sign-out from it, others ignored', async ({ page, emulator }) => {
  await recordMessages(page);
  await page.goto(`${SHOP()}/iframe.html`);
  const frame = page.frameLocator('#app');
  await signInAsJohn(frame);

  const got = await messages(page);
  expect(got.map((m) => m.data.type)).toEqual(['ready', 'signed-in']);
  for (const m of got) {
    expect(m.origin).toBe(APP());
    expect(m.data).toMatchObject({ source: 'commerce-otp', version: 1 });
  }
  expect(got[1].data.detail).toMatchObject({ username: users.john.email, account_name: users.john.account });
  // The page fitted the frame to the app's height.
  const resized = await page.evaluate(() => window.__messages.filter((m) => m.data?.type === 'resize'));
  expect(resized.length).toBeGreaterThan(0);
  expect(resized.every((m) => m.origin === APP() && m.data.detail.height > 100)).toBe(true);
  await expect.poll(() => page.locator('#app').evaluate((f) => f.style.height)).toMatch(/^\d+px$/);

  // A window of another origin asks the app to sign out: ignored.
  const [foreign] = await Promise.all([
    page.context().waitForEvent('page'),
    page.evaluate((url) => { window.open(url); }, `${FOREIGN()}/index.html`),
  ]);
  await foreign.waitForLoadState();
  await foreign.evaluate(() => {
    window.opener.frames[0].postMessage({ source: 'commerce-otp', version: 1, type: 'sign-out' }, '*');
  });
  await page.waitForTimeout(300);
  await expect(frame.getByRole('heading', { name: "You're signed in" })).toBeVisible();

  // The parent may.
  await page.getByRole('button', { name: 'Sign out (from the shop\'s page)' }).click();
  await expect(frame.getByRole('heading', { name: 'Sign in', exact: true })).toBeVisible();
  await expect.poll(async () => (await messages(page)).map((m) => m.data.type)).toEqual(['ready', 'signed-in', 'signed-out']);
});

test('the iframe on a page of an unlisted origin: refused by the host, and by the app itself', async ({ browser, request, emulator }) => {
  const context = await browser.newContext();
  const page = await context.newPage();
  await recordMessages(page);
  // The emulator's app host sends frame-ancestors with the listed origins: the frame is blocked.
  await page.goto(`${FOREIGN()}/iframe.html`);
  await page.waitForTimeout(1000);
  expect(await messages(page)).toEqual([]);
  expect(page.frames().find((f) => f.url().startsWith(APP()))?.url() ?? '').not.toContain('sign_in');

  // A host that forgot the header (nginx, no policy): the app refuses to run framed there.
  const config = await (await request.get(`${APP()}/config.json`)).json();
  const host = await startStaticHost({
    apiBase: process.env.API_URL, config, sites: [{ prefix: '/otp/', rewrite: false, policyHeader: false }],
  });
  try {
    const problems = watchConsole(page);
    await page.evaluate((src) => {
      const frame = document.createElement('iframe');
      frame.id = 'unlisted';
      frame.src = src;
      document.body.append(frame);
    }, `${host.url('/otp/')}#/sign_in`);
    const framed = page.frameLocator('#unlisted');
    await expect(framed.getByRole('heading', { name: "This page can't be shown here" })).toBeVisible();
    await expect(framed.getByLabel('E-mail address')).toHaveCount(0);
    await page.waitForTimeout(300);
    expect(await messages(page)).toEqual([]);
    expect(problems).toEqual([]);
  } finally {
    await host.stop();
    await context.close();
  }
});

test('return_to: an allowed address is followed after sign-in, any other is refused', async ({ page, emulator }) => {
  await page.goto(`${SHOP()}/return.html`);
  await page.getByRole('link', { name: 'Sign in to check out' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Sign in');
  expect(new URL(page.url()).origin).toBe(APP());
  // Once the app has the page (its first form, web/first-form.js, shows a moment before).
  await expect(page.locator('footer.site')).toBeVisible();
  expect(new URL(page.url()).search, 'return_to leaves the address bar as it is read').toBe('');
  await page.getByLabel('E-mail address').fill(users.john.email);
  await page.getByLabel('Password', { exact: true }).fill(users.john.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByText("You're back from signing in.")).toBeVisible();
  expect(page.url()).toBe(`${SHOP()}/return.html?back=1`);

  await page.goto(`${SHOP()}/return.html`);
  await page.getByRole('link', { name: "The same, with a return address this store doesn't allow" }).click();
  await page.getByLabel('E-mail address').fill(users.john.email);
  await page.getByLabel('Password', { exact: true }).fill(users.john.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText("You're signed in");
  await expect(page.getByText("We couldn't take you back to where you came from")).toBeVisible();
  expect(new URL(page.url()).origin).toBe(APP());
});

test('the element with return-to: followed when allowed, refused otherwise', async ({ page, emulator }) => {
  await page.goto(`${SHOP()}/element.html`);
  const signIn = async (returnTo) => {
    const el = await addElement(page, 'returning', { 'return-to': returnTo }, { prepend: true });
    await el.getByLabel('E-mail address').fill(users.john.email);
    await el.getByLabel('Password', { exact: true }).fill(users.john.password);
    await el.getByRole('button', { name: 'Sign in' }).click();
    return el;
  };
  const refused = await signIn('https://phishing.example/');
  await expect(refused.getByText("We couldn't take you back to where you came from")).toBeVisible();
  expect(page.url()).toBe(`${SHOP()}/element.html`);
  await page.evaluate(() => { document.getElementById('returning').remove(); sessionStorage.clear(); });

  await signIn('return.html?back=1');
  await page.waitForURL(`${SHOP()}/return.html?back=1`);
});

test('axe finds no violation in the element inside the shop page', async ({ page, emulator }) => {
  await page.goto(`${SHOP()}/element.html`);
  const element = page.locator('commerce-otp#sign-in');
  await element.getByRole('button', { name: 'Sign in' }).click();
  await expect(element.getByText('Enter your e-mail address.')).toBeVisible();
  await page.addScriptTag({ path: require.resolve('axe-core/axe.min.js') });
  const violations = await page.evaluate(async () => {
    const result = await window.axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } });
    return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  });
  expect(violations).toEqual([]);
});

test('sign_in_after_reset: a reset ends signed in, then back to the shop', async ({ page, emulator }) => {
  // The emulator's configuration with the option on, given to the element as a data: URL.
  const config = await configWith(page.request, { sign_in_after_reset: true });
  // What the shop hears, passed out of the page as it is heard: the element takes the page to
  // the return address right after `signed-in`, which no read of the page could outlast.
  const events = [];
  await page.exposeFunction('heardResetting', (kind) => events.push(kind));
  await page.addInitScript(() => {
    for (const kind of ['ready', 'signed-in', 'password-reset', 'signed-out', 'cancelled']) {
      document.addEventListener(`commerce-otp:${kind}`, (e) => { if (e.target.id === 'resetting') window.heardResetting(kind); });
    }
  });
  await page.goto(`${SHOP()}/element.html`);
  const element = await addElement(page, 'resetting',
    { flow: 'reset', config, 'return-to': 'return.html?back=1' }, { prepend: true });
  await fillResetForJohn(element, emulator);
  await element.getByRole('button', { name: 'Change password' }).click();
  await page.waitForURL(`${SHOP()}/return.html?back=1`);
  // Heard before the element took the page to the return address.
  await expect.poll(() => events).toEqual(['ready', 'password-reset', 'signed-in']);
});
