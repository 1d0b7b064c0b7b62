// dist/ as a shop deploys it on Apache httpd 2.4 (Debian's apache2) with deploy/apache.conf as
// written: under a path of its own site, files only or with the optional rewrite of the app's
// pages, and once more as an .htaccess the way the file's comments tell a shop without access to
// the server config. config.json is written after the build, and the strict
// Content-Security-Policy comes as a response header. Every flow must complete with no policy
// violation and no console error.
const { test, expect, users } = require('../support/fixtures');
const { startApacheHost } = require('../support/apache-host');
const {
  watchPolicy, expectNoViolations, watchConsole, linkFrom, heading, pathFormAndReload,
} = require('../support/deployed');

const PLAIN = '/account/otp/'; // files only
const REWRITING = '/shop/otp/'; // with the optional rewrite rule
const HTACCESS = '/members/otp/'; // the same rules from an .htaccess, with the rewrite
const NEW_PASSWORD = 'Blue-Harbour-42';

let host;

test.beforeAll(async ({ request }) => {
  const config = await (await request.get(`${process.env.APP_URL}/config.json`)).json();
  host = await startApacheHost({
    apiBase: process.env.API_URL,
    config,
    sites: [
      { prefix: PLAIN, rewrite: false },
      { prefix: REWRITING, rewrite: true },
      { prefix: HTACCESS, rewrite: true, htaccess: true },
    ],
  });
});

test.afterAll(async () => {
  await host?.stop();
});






test('files only under a sub-path: the start page, then the reset link template (fragment form)', async ({ page, emulator }) => {
  await watchPolicy(page);
  const warnings = [];
  page.on('console', (msg) => { if (msg.type() === 'warning') warnings.push(msg.text()); });
  await page.goto(host.url(PLAIN));
  await expect(heading(page)).toHaveText('Sign in');
  await page.getByRole('link', { name: 'Forgot your password?' }).click();
  // The router moves the address after the click, asynchronously.
  await expect.poll(() => new URL(page.url()).pathname).toBe(`${PLAIN}forgot_password`);
  await page.getByLabel('E-mail address').fill(users.john.email);
  await page.getByRole('button', { name: 'Send code' }).click();
  await expect(heading(page)).toHaveText('Choose a new password');
  const { payload } = (await emulator.lastMailTo(users.john.email)).event;

  // Without the rewrite, only files are served: the link's path form is the host's 404.
  expect((await page.request.get(`${host.url(PLAIN)}change_password`)).status()).toBe(404);

  // Opened fresh, as from the e-mail.
  const fresh = await page.context().newPage();
  const problems = watchConsole(fresh);
  await watchPolicy(fresh);
  await fresh.goto(linkFrom(host.url(PLAIN), payload));
  await expect(heading(fresh)).toHaveText('Choose a new password');
  await expect(fresh.getByText(users.john.email)).toBeVisible();
  const opened = new URL(fresh.url());
  expect([opened.pathname, opened.search, opened.hash]).toEqual([`${PLAIN}change_password`, '', '']);

  await fresh.getByLabel('New password', { exact: true }).fill(NEW_PASSWORD);
  await fresh.getByLabel('New password again').fill(NEW_PASSWORD);
  await fresh.getByRole('button', { name: 'Change password' }).click();
  await expect(heading(fresh)).toHaveText('Your password has been changed');
  await expectNoViolations(page);
  await expectNoViolations(fresh);
  expect(problems).toEqual([]);
  expect(warnings).toEqual([]);
  await fresh.close();
});

for (const [prefix, how] of [[REWRITING, 'in the server config'], [HTACCESS, 'in an .htaccess']]) {
  test(`with the optional rewrite ${how}: the seed's path form, a reload, and no deeper paths`, async ({ page, emulator }) => {
    await pathFormAndReload(page, emulator, host.url(prefix), users.john);
  });
}

test('the host sends the policy, no-cache pages, immutable precompressed assets', async ({ request }) => {
  for (const prefix of [PLAIN, REWRITING, HTACCESS]) {
    const page = await request.get(host.url(prefix));
    expect(page.status()).toBe(200);
    const headers = page.headers();
    expect(headers['content-security-policy']).toBe(
      "default-src 'none'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; "
      + `connect-src 'self' ${process.env.API_URL}; img-src 'self' data:; base-uri 'self'; `
      + "form-action 'self'; frame-ancestors 'none'",
    );
    expect(headers['referrer-policy']).toBe('no-referrer');
    expect(headers['x-content-type-options']).toBe('nosniff');
    expect(headers['cache-control']).toBe('no-cache');
    const config = await request.get(`${host.url(prefix)}config.json`);
    expect(config.headers()['cache-control']).toBe('no-cache');
    expect(config.headers()['content-type']).toMatch(/^application\/json/);
    expect(config.headers()['access-control-allow-origin']).toBe('*');
    // The element's loader: fetched by name from shop pages on other origins, never stale.
    const loader = await request.get(`${host.url(prefix)}commerce-otp.js`, { headers: { 'Accept-Encoding': 'br' } });
    expect([loader.status(), loader.headers()['content-encoding']]).toEqual([200, 'br']);
    expect(loader.headers()['content-type']).toMatch(/javascript/);
    expect(loader.headers()['cache-control']).toBe('no-cache');
    expect(loader.headers()['access-control-allow-origin']).toBe('*');

    // The page (with the English first forms in it) compressed as it is sent; another
    // language's first forms from their precompressed copies, as HTML, no-cache.
    const gzipped = await request.get(host.url(prefix), { headers: { 'Accept-Encoding': 'gzip' } });
    expect(gzipped.headers()['content-encoding']).toBe('gzip');
    for (const [accept, encoding] of [['br', 'br'], ['gzip', 'gzip']]) {
      const forms = await request.get(`${host.url(prefix)}first-forms/de.html`, { headers: { 'Accept-Encoding': accept } });
      const h = forms.headers();
      expect([forms.status(), h['content-encoding'], h['content-type'], h['cache-control']])
        .toEqual([200, encoding, 'text/html;charset=utf-8', 'no-cache']);
      expect(await forms.text()).toContain('data-entry="start"');
    }

    const html = await page.text();
    const wasm = html.match(/content="\.\/([^"]+_bg\.wasm)"/)[1];
    for (const [accept, encoding] of [['br', 'br'], ['gzip', 'gzip'], ['gzip, deflate, br, zstd', 'br'], ['identity', undefined]]) {
      const asset = await request.get(`${host.url(prefix)}${wasm}`, { headers: { 'Accept-Encoding': accept } });
      expect(asset.status()).toBe(200);
      const h = asset.headers();
      expect([prefix, accept, h['content-encoding'], h['content-type']]).toEqual([prefix, accept, encoding, 'application/wasm']);
      expect(h['cache-control']).toBe('public, max-age=31536000, immutable');
      expect(h['x-content-type-options']).toBe('nosniff');
      expect(h.vary).toContain('Accept-Encoding');
      expect(h['access-control-allow-origin']).toBe('*');
    }
    // The scripts and the styles keep their own type when precompressed.
    for (const [re, type] of [[/src="\.\/(boot-[^"]+\.js)"/, 'text/javascript'], [/href="\.\/([^"]+\.css)"/, 'text/css']]) {
      const name = html.match(re)[1];
      for (const encoding of ['br', 'gzip']) {
        const asset = await request.get(`${host.url(prefix)}${name}`, { headers: { 'Accept-Encoding': encoding } });
        expect([name, asset.headers()['content-encoding'], asset.headers()['content-type']]).toEqual([name, encoding, type]);
        expect(asset.headers()['cache-control']).toBe('public, max-age=31536000, immutable');
      }
    }
  }
});
