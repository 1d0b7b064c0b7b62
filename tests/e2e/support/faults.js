// The fault matrix's tools: a page watched for console errors and uncaught exceptions with
// the fault-matrix's own tolerance, the emulator's fault controls, and the table of outcomes.
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const RESULTS_DIR = path.join(__dirname, '..', 'test-results');
const TABLE = path.join(RESULTS_DIR, 'fault-matrix.md');
// The rows of this run, outside test-results/ (which any Playwright run empties as it starts):
// one file per Playwright runner, the parent of every worker of the run.
const JSONL = path.join(os.tmpdir(), `commerce-otp-fault-matrix-${process.ppid}.jsonl`);

/**
 * A new page of the test's context, watched. What is tolerated is narrower than a rule of
 * "anything from Commerce" and wider than support/fixtures.js, on purpose: a faulted call makes
 * Chromium log a console error about that request, located at the API origin ("Failed to load
 * resource: the server responded with a status of 503", "... net::ERR_EMPTY_RESPONSE"), or, for
 * an answer without CORS headers, the CORS refusal naming the API URL. Those, and only those,
 * are the browser's network noise; any other console error, and any uncaught exception (a wasm
 * panic is one), is a problem. A console message with "panicked at" counts as a panic too.
 */
async function watchedPage(context) {
  const page = await context.newPage();
  const api = process.env.API_URL;
  const watch = { problems: [], panics: 0, noise: [] };
  page.on('console', (msg) => {
    const text = msg.text();
    if (/panicked at/.test(text)) watch.panics += 1;
    if (msg.type() !== 'error') return;
    const at = msg.location().url || '';
    const fromApi = at.startsWith(api);
    const corsRefusal = /blocked by CORS policy/.test(text) && text.includes(`'${api}/`);
    if ((fromApi || corsRefusal) && !/panicked at/.test(text)) {
      watch.noise.push(text);
      return;
    }
    watch.problems.push(`console.error: ${text} (${at || 'no location'})`);
  });
  page.on('pageerror', (err) => {
    if (/unreachable|panicked/i.test(err.message)) watch.panics += 1;
    watch.problems.push(`uncaught: ${err.message}`);
  });
  return { page, watch };
}

/** The emulator's fault controls, over the test's `request` fixture. */
class Faults {
  constructor(request) {
    this.request = request;
    this.api = process.env.API_URL;
    this.asked = 0;
  }
  async add(fault) {
    const res = await this.request.post(`${this.api}/__emulator/faults`, { data: fault });
    if (!res.ok()) throw new Error(`fault ${JSON.stringify(fault)}: ${res.status()} ${await res.text()}`);
    this.asked += fault.times ?? 1;
  }
  /** How many of the uses asked for were spent on requests. */
  async spent() {
    const res = await this.request.get(`${this.api}/__emulator/state`);
    const left = (await res.json()).faults.reduce((n, f) => n + f.times, 0);
    return this.asked - left;
  }
  /** The uses left of the faults on `method` `path_prefix`. */
  async left(method, pathPrefix) {
    const res = await this.request.get(`${this.api}/__emulator/state`);
    return (await res.json()).faults
      .filter((f) => f.method === method && f.path_prefix === pathPrefix)
      .reduce((n, f) => n + f.times, 0);
  }
  async clear() {
    await this.request.delete(`${this.api}/__emulator/faults`);
  }
}

/** One row of the table, kept on disk: a failed test restarts the worker, and its memory. */
function record(row) {
  fs.appendFileSync(JSONL, `${JSON.stringify(row)}\n`);
}

/** Writes fault-matrix.md from every row recorded in this run; returns the totals. */
function writeTable(sites, faults) {
  const rows = fs.existsSync(JSONL)
    ? fs.readFileSync(JSONL, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l))
    : [];
  const cell = (site, fault) => {
    const row = rows.find((r) => r.site === site && r.fault === fault);
    return row ? row.outcome.replace(/\|/g, '\\|') : '(not run)';
  };
  const lines = [
    '# Fault matrix',
    '',
    'Each call site of the app × each injected fault: the title of the message the shopper',
    'reads in the page\'s alert, or where the page went when the app recovered or the answer',
    'counts as success. Written by tests/e2e/specs/faults.spec.js.',
    '',
    `| fault | ${sites.map((s) => s.title).join(' | ')} |`,
    `|---|${sites.map(() => '---').join('|')}|`,
    ...faults.map((f) => `| ${f.name} | ${sites.map((s) => cell(s.key, f.name)).join(' | ')} |`),
    '',
  ];
  const totals = {
    combinations: rows.length,
    injected: rows.reduce((n, r) => n + r.injected, 0),
    panics: rows.reduce((n, r) => n + r.panics, 0),
    problems: rows.reduce((n, r) => n + r.problems, 0),
  };
  lines.push(`Combinations run: ${totals.combinations}; fault uses spent on requests: ${totals.injected}; ` +
    `panics seen: ${totals.panics}; console errors or uncaught exceptions beyond network noise: ${totals.problems}.`, '');
  fs.mkdirSync(RESULTS_DIR, { recursive: true });
  fs.writeFileSync(TABLE, lines.join('\n'));
  fs.writeFileSync(TABLE.replace(/\.md$/, '.json'), JSON.stringify(rows, null, 1));
  fs.rmSync(JSONL, { force: true });
  return totals;
}

module.exports = { watchedPage, Faults, record, writeTable, TABLE };
