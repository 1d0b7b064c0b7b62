// dist/ as a shop deploys it: copied under a path of its own site on a host that only serves
// files (nginx with deploy/nginx.conf, no rewrites), with config.json written after the build
// and the strict Content-Security-Policy from that file as a response header. Every flow must
// complete with no policy violation and no console error.
const fs = require('node:fs');
const path = require('node:path');
const { test, expect, users } = require('../support/fixtures');
const { startStaticHost } = require('../support/static-host');
const {
  watchPolicy, expectNoViolations, watchConsole, linkFrom, heading, pathFormAndReload,
} = require('../support/deployed');

const PLAIN = '/account/otp/'; // files only
const REWRITING = '/shop/otp/'; // with the optional rewrite rule
const TAMPERED = '/tampered/'; // a wasm that is not the one the build hashed
const META = '/meta/otp/'; // no policy header: the README's <meta> fallback in the pages
const NEW_PASSWORD = 'Blue-Harbour-42';

let host;

test.beforeAll(async ({ request }) => {
  const config = await (await request.get(`${process.env.APP_URL}/config.json`)).json();
  host = await startStaticHost({
    apiBase: process.env.API_URL,
    config,
    sites: [
      { prefix: PLAIN, rewrite: false },
      { prefix: REWRITING, rewrite: true },
      {
        prefix: META,
        rewrite: false,
        policyHeader: false,
        // As the README says: the policy first in <head> of both pages, after the build.
        mutate: (dir) => {
          const policy = "default-src 'none'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; "
            + `connect-src 'self' ${process.env.API_URL}; img-src 'self' data:; base-uri 'self'; form-action 'self'`;
          for (const page of ['index.html', '404.html']) {
            const file = path.join(dir, page);
            const html = fs.readFileSync(file, 'utf8').replace(
              '<head>', `<head>\n    <meta http-equiv="Content-Security-Policy" content="${policy}">`);
            fs.writeFileSync(file, html);
          }
        },
      },
      {
        prefix: TAMPERED,
        rewrite: false,
        mutate: (dir) => {
          const wasm = fs.readdirSync(dir).find((n) => n.endsWith('_bg.wasm'));
          const file = path.join(dir, wasm);
          const bytes = fs.readFileSync(file);
          bytes[bytes.length - 1] ^= 0xff;
          fs.writeFileSync(file, bytes);
          // Else nginx would serve the untouched .br or .gz beside it.
          for (const ext of ['.br', '.gz']) fs.rmSync(file + ext, { force: true });
        },
      },
    ],
  });
});

test.afterAll(async () => {
  await host?.stop();
});





test('under a sub-path with no rewrites: the start page, then a reset by code', async ({ page, emulator }) => {
  await watchPolicy(page);
  // Not even a warning (Chromium warns when a preload carries an integrity it ignores).
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

  const mail = await emulator.lastMailTo(users.john.email);
  await page.getByLabel('Code from your e-mail').fill(mail.event.payload.one_time_password_token);
  await page.getByLabel('New password', { exact: true }).fill(NEW_PASSWORD);
  await page.getByLabel('New password again').fill(NEW_PASSWORD);
  await page.getByRole('button', { name: 'Change password' }).click();
  await expect(heading(page)).toHaveText('Your password has been changed');
  // The header link leads back to the app's own start page, not the site's.
  await page.getByRole('link', { name: 'Your account' }).click();
  await expect(heading(page)).toHaveText('Sign in');
  await expect.poll(() => new URL(page.url()).pathname).toBe(PLAIN);
  await expectNoViolations(page);
  expect(warnings).toEqual([]);
});

test('the reset link template (fragment form) completes on a host that only serves files', async ({ page, emulator }) => {
  await watchPolicy(page);
  await page.goto(host.url(PLAIN));
  await page.getByRole('link', { name: 'Forgot your password?' }).click();
  await page.getByLabel('E-mail address').fill(users.john.email);
  await page.getByRole('button', { name: 'Send code' }).click();
  await expect(heading(page)).toHaveText('Choose a new password');
  const { payload } = (await emulator.lastMailTo(users.john.email)).event;

  // Opened fresh, as from the e-mail.
  const fresh = await page.context().newPage();
  const problems = watchConsole(fresh);
  await watchPolicy(fresh);
  await fresh.goto(linkFrom(host.url(PLAIN), payload));
  await expect(heading(fresh)).toHaveText('Choose a new password');
  await expect(fresh.getByText(users.john.email)).toBeVisible();
  await expect(fresh.getByText("We'll use the code from your e-mail.")).toBeVisible();
  // Neither the code nor the username stays in the address bar.
  const opened = new URL(fresh.url());
  expect([opened.pathname, opened.search, opened.hash]).toEqual([`${PLAIN}change_password`, '', '']);

  await fresh.getByLabel('New password', { exact: true }).fill(NEW_PASSWORD);
  await fresh.getByLabel('New password again').fill(NEW_PASSWORD);
  await fresh.getByRole('button', { name: 'Change password' }).click();
  await expect(heading(fresh)).toHaveText('Your password has been changed');
  await expectNoViolations(page);
  await expectNoViolations(fresh);
  expect(problems, 'console errors on the page the link opened').toEqual([]);
});

test('the passwordless link template completes on a host that only serves files', async ({ page, emulator }) => {
  await watchPolicy(page);
  await page.goto(`${host.url(PLAIN)}`);
  await page.getByRole('link', { name: 'E-mail me a code' }).click();
  await page.getByLabel('E-mail address').fill(users.jane.email);
  await page.getByRole('button', { name: 'Send code' }).click();
  await expect(page.getByRole('status')).toContainText(`If ${users.jane.email} has an account`);
  const { payload } = (await emulator.lastMailTo(users.jane.email)).event;
  expect(payload.purpose).toBe('passwordless_authentication');

  const fresh = await page.context().newPage();
  const problems = watchConsole(fresh);
  await watchPolicy(fresh);
  await fresh.goto(linkFrom(host.url(PLAIN), payload));
  await fresh.getByRole('button', { name: `Continue as ${users.jane.email}` }).click();
  await expect(heading(fresh)).toHaveText('Choose an account');
  await fresh.getByRole('button', { name: users.jane.accounts[1] }).click();
  await expect(heading(fresh)).toHaveText("You're signed in");
  await expect(fresh.getByTestId('account-name')).toHaveText(users.jane.accounts[1]);
  expect(new URL(fresh.url()).pathname).toBe(`${PLAIN}account`);
  await expectNoViolations(page);
  await expectNoViolations(fresh);
  expect(problems, 'console errors on the page the link opened').toEqual([]);
});

test("the seed guide's path form and a reload work where the host rewrites (deploy/nginx.conf's rewrite)", async ({ page, emulator }) => {
  await pathFormAndReload(page, emulator, host.url(REWRITING), users.john);
});

test("where headers cannot be set, the README's <meta> policy applies and the app runs under it", async ({ browser }) => {
  // Its own page: the refusal provoked below is logged as a console error, on purpose.
  const page = await browser.newPage();
  const errors = [];
  page.on('console', (msg) => { if (msg.type() === 'error') errors.push(msg.text()); });
  page.on('pageerror', (err) => errors.push(err.message));
  await watchPolicy(page);
  const response = await page.goto(host.url(META));
  expect(response.headers()['content-security-policy']).toBeUndefined();
  await expect(heading(page)).toHaveText('Sign in');
  await page.getByRole('link', { name: 'E-mail me a code' }).click();
  await expect(page.getByLabel('E-mail address')).toBeVisible();
  await expectNoViolations(page);
  // The policy is in force: a call to another origin is refused and reported.
  expect(errors).toEqual([]);
  await page.evaluate(() => fetch('https://example.invalid/').catch(() => {}));
  await expect.poll(() => page.evaluate(() => window.__violations)).toEqual(['connect-src https://example.invalid/']);
  expect(errors.join('\n')).toMatch(/example\.invalid.*violates .*connect-src/);
  await page.close();
});

test('the host sends the policy, no-cache pages, immutable precompressed assets', async ({ request }) => {
  const page = await request.get(host.url(PLAIN));
  const headers = page.headers();
  expect(headers['content-security-policy']).toContain("script-src 'self' 'wasm-unsafe-eval'");
  expect(headers['content-security-policy']).toContain(`connect-src 'self' ${process.env.API_URL}`);
  expect(headers['referrer-policy']).toBe('no-referrer');
  expect(headers['x-content-type-options']).toBe('nosniff');
  expect(headers['cache-control']).toBe('no-cache');
  expect((await request.get(`${host.url(PLAIN)}config.json`)).headers()['cache-control']).toBe('no-cache');

  // The page (with the English first forms in it) compressed as it is sent; another
  // language's first forms from their precompressed copies, no-cache.
  const gzipped = await request.get(host.url(PLAIN), { headers: { 'Accept-Encoding': 'gzip' } });
  expect(gzipped.headers()['content-encoding']).toBe('gzip');
  for (const [encoding, wanted] of [['gzip', 'gzip'], ...(host.brotli ? [['br', 'br']] : [])]) {
    const forms = await request.get(`${host.url(PLAIN)}first-forms/de.html`, { headers: { 'Accept-Encoding': encoding } });
    expect([forms.status(), forms.headers()['content-encoding'], forms.headers()['cache-control']]).toEqual([200, wanted, 'no-cache']);
  }

  const html = await page.text();
  const wasm = html.match(/content="\.\/([^"]+_bg\.wasm)"/)[1];
  for (const [encoding, wanted] of [['gzip', 'gzip'], ...(host.brotli ? [['br', 'br']] : [])]) {
    const asset = await request.get(`${host.url(PLAIN)}${wasm}`, { headers: { 'Accept-Encoding': encoding } });
    expect(asset.status()).toBe(200);
    expect(asset.headers()['content-encoding']).toBe(wanted);
    expect(asset.headers()['content-type']).toBe('application/wasm');
    expect(asset.headers()['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(asset.headers()['access-control-allow-origin']).toBe('*');
  }
  // The element's loader: fetched by name from shop pages on other origins, never stale.
  const loader = await request.get(`${host.url(PLAIN)}commerce-otp.js`, { headers: { 'Accept-Encoding': 'gzip' } });
  expect(loader.status()).toBe(200);
  expect(loader.headers()['content-type']).toMatch(/javascript/);
  expect(loader.headers()['cache-control']).toBe('no-cache');
  expect(loader.headers()['access-control-allow-origin']).toBe('*');
  expect((await request.get(`${host.url(PLAIN)}config.json`)).headers()['access-control-allow-origin']).toBe('*');
});

test('subresource integrity is applied: a wasm that is not the built one does not run', async ({ browser }) => {
  const page = await browser.newPage();
  const errors = [];
  page.on('console', (msg) => { if (msg.type() === 'error') errors.push(msg.text()); });
  await page.goto(host.url(TAMPERED));
  await expect.poll(() => errors.join('\n')).toContain('integrity');
  // The app does not run; the first form, which showed before it, says so.
  await expect(page.getByRole('alert')).toContainText("This page didn't load completely");
  await expect(page.locator('#first-form')).toHaveCount(1);
  await expect(page.locator('footer.site')).toHaveCount(0);
  await page.close();
  // Where there is no first form, not an empty page: the static message stays.
  const other = await browser.newPage();
  const otherErrors = [];
  other.on('console', (msg) => { if (msg.type() === 'error') otherErrors.push(msg.text()); });
  await other.goto(`${host.url(TAMPERED)}#/forgot_password`);
  await expect.poll(() => otherErrors.join('\n')).toContain('integrity');
  await expect(other.getByText('If this message stays, reload the page')).toBeVisible();
  await expect(other.getByRole('heading', { level: 1 })).toHaveCount(0);
  await other.close();
});

test('the built index.html has no inline script, style or event handler', async () => {
  const html = fs.readFileSync(path.resolve(__dirname, '../../../dist/index.html'), 'utf8');
  // English's first forms are a data block (type text/html: text, never run).
  const scripts = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)]
    .filter(([, attrs]) => !/\btype="text\/html"/.test(attrs));
  expect(scripts.length).toBeGreaterThan(0);
  for (const [, attrs, body] of scripts) {
    expect(attrs, 'every script is a file').toMatch(/\bsrc="\.\//);
    expect(attrs, 'with an integrity digest').toMatch(/\bintegrity="sha384-/);
    expect(body.trim()).toBe('');
  }
  expect(html).not.toMatch(/<style\b/i);
  expect(html).not.toMatch(/\sstyle\s*=/i);
  expect(html).not.toMatch(/\son[a-z]+\s*=/i);
  // Every asset is relative to the page, so the files work under any path. (The first forms'
  // links, in their data block, name the app's pages from its folder, /forgot_password, which
  // web/first-form.js puts under the folder.)
  const page = html.replace(/<script type="text\/html"[\s\S]*?<\/script>/g, '');
  for (const [, url] of page.matchAll(/\b(?:src|href)="([^"]+)"/g)) {
    expect(url, url).toMatch(/^(\.\/|data:|config\.json$)/);
  }
});
