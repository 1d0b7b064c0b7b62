// Calls per flow (issue 13): the Commerce calls each flow of support/flows.js makes, counted by
// the emulator, against the floor, in Debian's headless Chromium against the emulator hosting
// dist/. Prints the table only: it fails when a flow cannot be completed, never on a count
// (specs/calls.spec.js asserts the floor).
const { chromium } = require('@playwright/test');
const startEmulator = require('../support/emulator.js');
const { FLOWS, Controls, callName } = require('../support/flows.js');

(async () => {
  const stop = await startEmulator();
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  const controls = new Controls();
  const rows = [];
  try {
    for (const flow of FLOWS) {
      await controls.reset();
      const context = await browser.newContext(); // a tab of its own, as a shopper's
      try {
        const calls = (await flow.run(await context.newPage(), controls)).map(callName);
        const atFloor = calls.join() === flow.floor.join();
        rows.push([flow.title, calls.join(', '), String(calls.length), String(flow.floor.length),
          atFloor ? 'yes' : `no (floor: ${flow.floor.join(', ')})`]);
      } catch (e) {
        throw new Error(`${flow.title}: ${e.message}`);
      } finally {
        await context.close();
      }
    }
  } finally {
    await browser.close();
    await stop();
  }
  const table = [['flow', 'calls', 'count', 'floor', 'at the floor?'], ...rows];
  const widths = table[0].map((_, i) => Math.max(...table.map((row) => row[i].length)));
  const line = (row) => `| ${row.map((cell, i) => cell.padEnd(widths[i])).join(' | ')} |`;
  console.log('Commerce calls per flow, counted by the emulator (CORS preflights not counted):');
  console.log(line(table[0]));
  console.log(`|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`);
  for (const row of rows) console.log(line(row));
})().catch((e) => { console.error(e); process.exit(1); });
