// Starts the Commerce emulator for the whole run: API, app and the example shop (examples/,
// the pages that embed the app) on ports picked at run time, bound to 127.0.0.1. It stops with the returned teardown, when this process's pipe to it
// closes, or after 30 minutes at the latest.
const { spawn } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const root = path.resolve(__dirname, '../../..');

module.exports = async () => {
  const bin = process.env.EMULATOR_BIN || path.join(root, 'target/debug/commerce-emulator');
  const dist = process.env.APP_DIST || path.join(root, 'dist');
  for (const needed of [bin, path.join(dist, 'index.html')]) {
    if (!fs.existsSync(needed)) throw new Error(`${needed} is missing: run scripts/test, which builds it`);
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'commerce-otp-e2e-'));
  const ready = path.join(dir, 'ready.json');
  const log = fs.openSync(path.join(__dirname, '..', 'emulator.log'), 'w');
  // The client secret of this run, made up now, for the tests that act as the store's
  // back end (client_credentials: notifier.spec.js creates a webhook integration).
  process.env.EMULATOR_CLIENT_SECRET = require('node:crypto').randomBytes(12).toString('hex');
  const child = spawn(
    bin,
    ['--port', '0', '--app-port', '0', '--app-dir', dist,
     '--shop-dir', path.join(root, 'examples'), '--shop-port', '0', '--ready-file', ready,
     '--exit-on-stdin-eof', '--max-lifetime-secs', '1800'],
    { stdio: ['pipe', log, log], env: process.env },
  );
  let exited = null;
  child.on('exit', (code) => { exited = code; });

  const deadline = Date.now() + 30_000;
  while (!fs.existsSync(ready)) {
    if (exited !== null) throw new Error(`the emulator exited with ${exited}; see tests/e2e/emulator.log`);
    if (Date.now() > deadline) throw new Error('the emulator did not start within 30 s');
    await new Promise((r) => setTimeout(r, 50));
  }
  const urls = JSON.parse(fs.readFileSync(ready, 'utf8'));
  process.env.APP_URL = urls.app;
  process.env.API_URL = urls.api;
  process.env.SHOP_URL = urls.shop;

  return async () => {
    child.stdin.end();
    child.kill('SIGTERM');
    fs.rmSync(dir, { recursive: true, force: true });
  };
};
