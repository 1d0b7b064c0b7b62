// Time from navigation to a usable form (the e-mail field of "Reset your password"), in
// Debian's headless Chromium against the emulator hosting dist/. Prints figures only.
const { chromium } = require('@playwright/test');
const startEmulator = require('../support/emulator.js');

const LOADS = 7;

(async () => {
  const stop = await startEmulator();
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  const times = [];
  try {
    for (let i = 0; i < LOADS; i++) {
      const context = await browser.newContext(); // a cold cache each time
      const page = await context.newPage();
      const t0 = Date.now();
      await page.goto(`${process.env.APP_URL}/forgot_password`);
      await page.getByLabel('E-mail address').waitFor();
      times.push(Date.now() - t0);
      await context.close();
    }
  } finally {
    await browser.close();
    await stop();
  }
  times.sort((a, b) => a - b);
  console.log(`first form, cold cache, loopback (ms over ${LOADS} loads): ` +
    `min ${times[0]}, median ${times[LOADS >> 1]}, max ${times[LOADS - 1]}`);
})().catch((e) => { console.error(e); process.exit(1); });
