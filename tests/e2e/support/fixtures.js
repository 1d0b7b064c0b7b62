// Shared test fixtures: a page that fails the test on any console error or uncaught
// exception, and a handle on the emulator's test controls.
const base = require('@playwright/test');

// Chromium reports every 4xx/5xx response as a console error; the flows provoke some from
// Commerce on purpose (a wrong code answers 401). Those are expected, and only those: a failed
// load from the app's own origin (a missing file, say) still fails the test.
const NETWORK_NOISE = /^Failed to load resource: the server responded with a status of \d{3}/;
const fromCommerce = (msg) => (msg.location().url || '').startsWith(process.env.API_URL);

class Emulator {
  constructor(request) {
    this.request = request;
    this.api = process.env.API_URL;
  }
  async post(path, data) {
    const res = await this.request.post(`${this.api}/__emulator/${path}`, { data });
    base.expect(res.ok(), `${path}: ${res.status()}`).toBeTruthy();
  }
  reset() { return this.post('reset', {}); }
  nextCodes(codes) { return this.post('next-codes', { codes }); }
  fault(fault) { return this.post('faults', fault); }
  advanceClock(secs) { return this.post('clock', { advance_secs: secs }); }
  /**
   * Waits until every fault set has met its request, so that a test moves the page's clock on
   * only once the call is under way at the emulator (not while its preflight, or the files it
   * needs, are still coming: the app would give up on a call that was never sent, and the
   * fault would meet the next try).
   */
  async faultsMet() {
    await base.expect.poll(async () => {
      const res = await this.request.get(`${this.api}/__emulator/state`);
      return (await res.json()).faults.length;
    }).toBe(0);
  }
  async outbox() {
    const res = await this.request.get(`${this.api}/__emulator/outbox`);
    return res.json();
  }
  /** The newest e-mail to `address`. */
  async lastMailTo(address) {
    const mails = (await this.outbox()).filter((m) => m.to === address);
    base.expect(mails.length, `an e-mail to ${address}`).toBeGreaterThan(0);
    return mails[mails.length - 1];
  }
}

exports.test = base.test.extend({
  emulator: async ({ request }, use) => {
    const emulator = new Emulator(request);
    await emulator.reset();
    await use(emulator);
  },
  page: async ({ page }, use) => {
    const problems = [];
    page.on('console', (msg) => {
      if (msg.type() !== 'error') return;
      if (NETWORK_NOISE.test(msg.text()) && fromCommerce(msg)) return;
      problems.push(`console.error: ${msg.text()} (${msg.location().url || 'no location'})`);
    });
    page.on('pageerror', (err) => problems.push(`uncaught: ${err.message}`));
    await use(page);
    base.expect(problems, 'console errors or uncaught exceptions').toEqual([]);
  },
});
exports.expect = base.expect;

exports.users = {
  john: { email: 'john.doe@banks.com', password: 'Password-123', account: 'Personal Account' },
  jane: { email: 'jane.smith@example.com', password: 'Garden-Path-7', accounts: ['Personal Account', 'Banks Garden Supplies'] },
};
