// The whole loop on one machine, with real parts: the emulator's event is delivered over HTTP,
// with the integration's secret, to the notifier (target/debug/commerce-otp-notifier), which sends
// the e-mail to a real SMTP server (aiosmtpd, notifier/tests/smtp_sink.py); the link from the
// received e-mail opens the app in Chromium and completes the reset. Each process is started
// here on 127.0.0.1 at a port picked at run time, and stopped here.
const { spawn } = require('node:child_process');
const crypto = require('node:crypto');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { test, expect, users } = require('../support/fixtures');
const { freePort, root } = require('../support/static-host');

const NOTIFIER = process.env.NOTIFIER_BIN || path.join(root, 'target/debug/commerce-otp-notifier');
// The Python with aiosmtpd that scripts/install prepares (as notifier/tests/support/mod.rs).
const TOOLS = process.env.COMMERCE_OTP_TOOLS
  || path.join(process.env.XDG_DATA_HOME || path.join(os.homedir(), '.local/share'), 'commerce-otp');
const PYTHON = process.env.NOTIFIER_TEST_PYTHON
  || [path.join(TOOLS, 'python/bin/python3')].find((p) => fs.existsSync(p)) || 'python3';

async function until(what, check, ms = 20_000) {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`${what} within ${ms / 1000} s`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** The SMTP server, the notifier and a webhook integration of the emulator pointing at it. */
async function startLoop(request) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'commerce-otp-loop-'));
  const mails = path.join(dir, 'mails');
  const processes = [];
  const smtpPort = await freePort();
  const smtp = spawn(PYTHON, [path.join(root, 'notifier/tests/smtp_sink.py'), String(smtpPort), mails], { stdio: ['pipe', 'pipe', 'pipe'] });
  processes.push(smtp);
  let smtpOut = '';
  smtp.stdout.on('data', (d) => { smtpOut += d; });
  smtp.stderr.on('data', (d) => { smtpOut += d; });
  await until('the SMTP server ready', () => smtpOut.includes('ready'));

  const secret = crypto.randomBytes(16).toString('hex');
  const ready = path.join(dir, 'notifier.json');
  let log = '';
  const notifier = spawn(NOTIFIER, ['--ready-file', ready], {
    stdio: ['pipe', 'pipe', 'pipe'],
    env: {
      ...process.env,
      NOTIFIER_LISTEN: '127.0.0.1:0',
      NOTIFIER_SECRET: secret,
      NOTIFIER_APP_URL: `${process.env.APP_URL}/`,
      NOTIFIER_STORE_NAME: 'Banks Garden',
      NOTIFIER_FROM: 'Banks Garden <no-reply@banks.example>',
      // Plain SMTP, which the notifier allows only to a loopback server.
      NOTIFIER_SMTP_URL: `smtp+plain://127.0.0.1:${smtpPort}`,
    },
  });
  processes.push(notifier);
  notifier.stdout.on('data', (d) => { log += d; });
  notifier.stderr.on('data', (d) => { log += d; });
  await until('the notifier ready', () => fs.existsSync(ready) && fs.readFileSync(ready, 'utf8').includes('url'));
  const notifierUrl = JSON.parse(fs.readFileSync(ready, 'utf8')).url;

  // As the store's back end: a client_credentials token, then the webhook integration.
  const api = process.env.API_URL;
  const token = await request.post(`${api}/oauth/access_token`, {
    form: { grant_type: 'client_credentials', client_id: 'emulator-demo-client', client_secret: process.env.EMULATOR_CLIENT_SECRET },
  });
  expect(token.ok()).toBeTruthy();
  const auth = { Authorization: `Bearer ${(await token.json()).access_token}` };
  const created = await request.post(`${api}/v2/integrations`, {
    headers: auth,
    data: {
      data: {
        type: 'integration',
        name: 'One Time Password notification',
        description: 'Sends the code',
        enabled: true,
        integration_type: 'webhook',
        observes: ['one-time-password-token-request.created'],
        configuration: { url: notifierUrl, secret_key: secret },
      },
    },
  });
  expect(created.ok(), await created.text()).toBeTruthy();

  const received = () => (fs.existsSync(mails) ? fs.readdirSync(mails).filter((n) => n.endsWith('.json')).sort() : [])
    .map((n) => JSON.parse(fs.readFileSync(path.join(mails, n), 'utf8')));
  return {
    received,
    notifierLog: () => log,
    stop() {
      for (const p of processes) { p.stdin.end(); p.kill('SIGTERM'); }
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

test('the e-mail from the notifier, through a real SMTP server, completes the reset', async ({ page, request, emulator }) => {
  test.setTimeout(60_000);
  const loop = await startLoop(request);
  try {
    await page.goto('/forgot_password');
    await page.getByLabel('E-mail address', { exact: true }).fill(users.john.email);
    await page.getByRole('button', { name: 'Send code' }).click();
    await expect(page.getByRole('status')).toBeVisible();

    const [mail] = await until('the e-mail at the SMTP server', () => loop.received().length && loop.received());
    expect(mail.rcpt_tos).toEqual([users.john.email]);
    expect(mail.content_type).toBe('multipart/alternative');
    expect(mail.text).toContain('Banks Garden');
    expect(mail.html).toContain('Banks Garden');
    const { event } = await emulator.lastMailTo(users.john.email);
    const code = event.payload.one_time_password_token;
    expect(mail.text).toContain(code);
    const link = mail.text.match(/https?:\/\/\S+/)[0];
    const url = new URL(link);
    expect(url.pathname).toBe('/change_password');
    expect(url.searchParams.get('username')).toBe(users.john.email);
    expect(url.searchParams.get('token')).toBe(code);

    // The shopper clicks the link in the e-mail.
    await page.goto(link);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Choose a new password');
    await page.getByLabel('New password', { exact: true }).fill('Blue-Harbour-42');
    await page.getByLabel('New password again', { exact: true }).fill('Blue-Harbour-42');
    await page.getByRole('button', { name: 'Change password' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Your password has been changed');

    // The emulator delivered it once, with the secret the notifier accepted; the notifier's
    // log never had the code or the link.
    const deliveries = await (await request.get(`${process.env.API_URL}/__emulator/deliveries`)).json();
    expect(deliveries.filter((d) => d.succeeded).length).toBe(1);
    expect(loop.received().length).toBe(1);
    expect(loop.notifierLog()).not.toContain(code);
    expect(loop.notifierLog()).not.toContain('change_password?');
  } finally {
    loop.stop();
  }
});
