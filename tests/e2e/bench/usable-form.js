// Time to a usable form on a slow phone network (issue 13), side by side with the smallest peer
// widgets and a plain HTML form, in Debian's headless Chromium. Prints figures, asserts nothing.
//
//   node tests/e2e/bench/usable-form.js        (USABLE_FORM_LOADS=N for other than 10 loads a row)
//
// Every row is served by one local static server, started here on 127.0.0.1 at a port picked
// at run time: commerce-otp's dist/ (APP_DIST, else dist/; served as a folder, so new lazily
// loaded files need nothing here) with the emulator's config.json, the plain form, and the
// peers' throwaway pages. Each file goes out precompressed (Content-Encoding: br when the
// request accepts it, else gzip, else as it is): dist/ already has NAME.br beside its hashed
// assets, the peers' files are compressed at build like them (brotli -q 11), and what has no
// .br beside it (index.html, config.json) is compressed once in memory at the same level.
// The Commerce emulator (tests/e2e/support/emulator.js) runs for the API the app is pointed at;
// no row needs it before its form.
//
// The peers are built each run from their npm packages (tests/e2e/bench/peers: package.json,
// package-lock.json; `npm ci` there when node_modules is missing) with esbuild, minified, in
// production mode, into a folder under the OS temp dir that is removed at the end.
//
// Each load: a new browser context (a cold cache), a phone-sized viewport, every origin but
// this server and the emulator's API aborted (the peers are pointed at nothing real; their
// forms render all the same), then, before navigating, CDP throttling on the page:
// 1.6 Mbps down, 750 kbps up, 150 ms round trip, CPU 4x slower. The time is from navigation
// start (the page's time origin) to the moment the row's first control is usable: present,
// rendered with a size, visible, enabled, not read-only. One check, the same script for every
// row, run by the page itself on every DOM change and every frame, so it adds no round trip.
// The rows' controls are rendered by the code that handles their submit (the app's wasm, React,
// FirebaseUI), in the same task that attaches it, so a control that is there is one that works;
// the plain form's needs no script. The bytes are the sum of CDP Network.loadingFinished
// encodedDataLength (bytes on the wire: compressed bodies and headers) of the responses
// finished by then. Rows take turns load by load, so a busy moment on the machine is shared.
const { chromium } = require('@playwright/test');
const { execFileSync } = require('node:child_process');
const fs = require('node:fs');
const http = require('node:http');
const os = require('node:os');
const path = require('node:path');
const zlib = require('node:zlib');
const startEmulator = require('../support/emulator.js');

const root = path.resolve(__dirname, '../../..');
const PEERS = path.join(__dirname, 'peers');
const LOADS = Number(process.env.USABLE_FORM_LOADS || 10);
const NETWORK = { offline: false, latency: 150, downloadThroughput: 1.6e6 / 8, uploadThroughput: 750e3 / 8 };
const CPU_SLOWDOWN = 4;
const TIMEOUT_MS = 120_000;

// ---------------------------------------------------------------------------------------------
// The throwaway pages.

const PEER_PAGES = [
  { dir: 'supabase', entry: 'supabase.jsx' },
  { dir: 'firebaseui', entry: 'firebaseui.js' },
];

function page({ css }) {
  return `<!DOCTYPE html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>Sign in</title>
    <link rel="icon" href="data:," />
${css ? '    <link rel="stylesheet" href="app.css" />\n' : ''}    <script src="app.js" defer></script>
  </head>
  <body>
    <div id="root"></div>
  </body>
</html>
`;
}

async function buildPages(out) {
  if (!fs.existsSync(path.join(PEERS, 'node_modules', '.package-lock.json'))) {
    console.log('installing the peers from the npm registry (tests/e2e/bench/peers: npm ci)');
    execFileSync('npm', ['ci', '--no-audit', '--no-fund', '--loglevel=error'], { cwd: PEERS, stdio: 'inherit' });
  }
  const esbuild = require(path.join(PEERS, 'node_modules', 'esbuild'));
  for (const peer of PEER_PAGES) {
    const dir = path.join(out, peer.dir);
    await esbuild.build({
      entryPoints: [path.join(PEERS, peer.entry)],
      outfile: path.join(dir, 'app.js'),
      bundle: true,
      minify: true,
      format: 'iife',
      target: 'es2020',
      jsx: 'automatic',
      define: { 'process.env.NODE_ENV': '"production"' },
      legalComments: 'none',
      logLevel: 'error',
    });
    fs.writeFileSync(path.join(dir, 'index.html'), page({ css: fs.existsSync(path.join(dir, 'app.css')) }));
  }
  fs.mkdirSync(path.join(out, 'plain'));
  fs.copyFileSync(path.join(PEERS, 'plain.html'), path.join(out, 'plain', 'index.html'));
  // Precompressed, like dist/.
  for (const dir of fs.readdirSync(out)) {
    for (const name of fs.readdirSync(path.join(out, dir))) {
      const file = path.join(out, dir, name);
      fs.writeFileSync(`${file}.br`, brotli(fs.readFileSync(file)));
      fs.writeFileSync(`${file}.gz`, zlib.gzipSync(fs.readFileSync(file), { level: 9 }));
    }
  }
}

function brotli(buffer) {
  return zlib.brotliCompressSync(buffer, {
    params: {
      [zlib.constants.BROTLI_PARAM_QUALITY]: 11,
      [zlib.constants.BROTLI_PARAM_SIZE_HINT]: buffer.length,
    },
  });
}

// ---------------------------------------------------------------------------------------------
// The one static server: /bench/NAME/ the throwaway pages, /config.json the app's, everything
// else dist/ (an app path of one segment without an extension is index.html, as the emulator's
// app host and deploy/nginx.conf answer it).

const TYPES = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8', '.json': 'application/json', '.wasm': 'application/wasm',
  '.ftl': 'text/plain; charset=utf-8', '.svg': 'image/svg+xml', '.png': 'image/png', '.ico': 'image/x-icon',
  '.woff2': 'font/woff2', '.txt': 'text/plain; charset=utf-8',
};

function startServer({ dist, bench, config }) {
  const inMemory = new Map(); // path -> { raw, br, gz } for files without NAME.br beside them
  const encoded = (file, raw) => {
    if (!inMemory.has(file)) {
      inMemory.set(file, {
        br: fs.existsSync(`${file}.br`) ? fs.readFileSync(`${file}.br`) : brotli(raw()),
        gz: fs.existsSync(`${file}.gz`) ? fs.readFileSync(`${file}.gz`) : zlib.gzipSync(raw(), { level: 9 }),
      });
    }
    return inMemory.get(file);
  };
  const inside = (base, rel) => {
    const file = path.resolve(base, `.${rel}`);
    return file === base || file.startsWith(base + path.sep) ? file : null;
  };
  const resolve = (pathname) => {
    if (pathname === '/config.json') return { name: 'config.json', raw: () => config, key: '/config.json' };
    let file = pathname.startsWith('/bench/') ? inside(bench, pathname.slice('/bench'.length)) : inside(dist, pathname);
    if (file && fs.existsSync(file) && fs.statSync(file).isDirectory()) file = path.join(file, 'index.html');
    if (!file || !fs.existsSync(file)) {
      const segment = pathname.slice(1);
      if (segment.includes('/') || segment.includes('.')) return null;
      file = path.join(dist, 'index.html');
    }
    return { name: file, raw: () => fs.readFileSync(file), key: file };
  };
  const server = http.createServer((req, res) => {
    let pathname;
    try {
      pathname = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    } catch {
      res.writeHead(400).end();
      return;
    }
    const found = req.method === 'GET' || req.method === 'HEAD' ? resolve(pathname) : null;
    if (!found) {
      res.writeHead(404, { 'Content-Type': 'text/plain' }).end('Not Found');
      return;
    }
    const accepts = String(req.headers['accept-encoding'] || '').split(',').map((s) => s.trim().split(';')[0]);
    let body;
    const headers = {
      'Content-Type': TYPES[path.extname(found.name)] || 'application/octet-stream',
      'Cache-Control': 'no-cache',
      Vary: 'Accept-Encoding',
    };
    if (accepts.includes('br')) {
      body = encoded(found.key, found.raw).br;
      headers['Content-Encoding'] = 'br';
    } else if (accepts.includes('gzip')) {
      body = encoded(found.key, found.raw).gz;
      headers['Content-Encoding'] = 'gzip';
    } else {
      body = Buffer.from(found.raw());
    }
    headers['Content-Length'] = body.length;
    res.writeHead(200, headers);
    res.end(req.method === 'HEAD' ? undefined : body);
  });
  return new Promise((resolveStart) => {
    server.listen(0, '127.0.0.1', () => {
      resolveStart({
        origin: `http://127.0.0.1:${server.address().port}`,
        stop: () => new Promise((done) => { server.closeAllConnections(); server.close(() => done()); }),
      });
    });
  });
}

// ---------------------------------------------------------------------------------------------
// The check, run by the page from its first moment: `find` names the row's first control.

const probe = (find) => `(() => {
  if (window !== window.top) return;
  const find = () => (${find});
  const usable = (el) => {
    if (!el || !el.isConnected || el.disabled || el.matches(':disabled') || el.readOnly) return false;
    const box = el.getBoundingClientRect();
    return box.width > 0 && box.height > 0 && el.checkVisibility({ visibilityProperty: true });
  };
  let done = false;
  const check = () => {
    if (done) return;
    if (usable(find())) {
      done = true;
      window.__usableAt = performance.now();
      observer.disconnect();
    }
  };
  const observer = new MutationObserver(check);
  observer.observe(document, { subtree: true, childList: true, attributes: true });
  const frame = () => { check(); if (!done) requestAnimationFrame(frame); };
  requestAnimationFrame(frame);
})();`;

// The first control a shopper acts on in each row's form.
const EMAIL_INPUT = "document.querySelector('input[type=email], input[name=email], input[autocomplete~=username]')";
const rows = (origin) => [
  { name: 'commerce-otp, start page (/)', url: `${origin}/`, find: EMAIL_INPUT, control: 'e-mail field' },
  {
    name: 'commerce-otp, reset link',
    url: `${origin}/change_password?username=john.doe@banks.com&token=lprvj4`,
    find: "document.querySelector('input[type=password]')",
    control: 'new password field',
  },
  {
    name: 'commerce-otp, passwordless link',
    url: `${origin}/passwordless?username=john.doe@banks.com&token=lprvj4`,
    find: "[...document.querySelectorAll('button')].find((b) => b.textContent.trim().startsWith('Continue as'))",
    control: '"Continue as" button',
  },
  { name: 'plain HTML form', url: `${origin}/bench/plain/`, find: EMAIL_INPUT, control: 'e-mail field', plain: true },
  {
    name: 'Supabase Auth UI 0.4.7 + supabase-js 2.119.1 (React 18)',
    url: `${origin}/bench/supabase/`,
    find: EMAIL_INPUT,
    control: 'e-mail field',
    peer: true,
  },
  {
    name: 'FirebaseUI 6.1.0 + firebase 10.14.1 compat',
    url: `${origin}/bench/firebaseui/`,
    find: EMAIL_INPUT,
    control: 'e-mail field',
    peer: true,
  },
];

async function load(browser, row, allowed) {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 1 });
  const blocked = new Set();
  await context.route((url) => !allowed.has(url.origin), (route) => {
    blocked.add(new URL(route.request().url()).origin);
    return route.abort('blockedbyclient');
  });
  await context.addInitScript({ content: probe(row.find) });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  const finished = []; // { timestamp, bytes }
  const encodings = new Set();
  let navigationStart = null;
  cdp.on('Network.requestWillBeSent', (e) => {
    if (navigationStart === null && e.type === 'Document') navigationStart = e.timestamp;
  });
  cdp.on('Network.responseReceived', (e) => {
    const header = Object.entries(e.response.headers).find(([k]) => k.toLowerCase() === 'content-encoding');
    encodings.add(header ? header[1] : 'none');
  });
  cdp.on('Network.loadingFinished', (e) => finished.push({ timestamp: e.timestamp, bytes: e.encodedDataLength }));
  await cdp.send('Network.enable');
  await cdp.send('Network.emulateNetworkConditions', NETWORK);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU_SLOWDOWN });
  try {
    await page.goto(row.url, { waitUntil: 'commit', timeout: TIMEOUT_MS });
    const handle = await page.waitForFunction(() => window.__usableAt, null, { polling: 50, timeout: TIMEOUT_MS });
    const ms = await handle.jsonValue();
    // The responses finished by the time the control was usable (CDP's clock, in seconds, from
    // the document's request, which is the page's time origin to within a millisecond or so).
    const by = navigationStart + ms / 1000 + 0.001;
    const bytes = finished.filter((f) => f.timestamp <= by).reduce((sum, f) => sum + f.bytes, 0);
    const requests = finished.filter((f) => f.timestamp <= by).length;
    if (process.env.USABLE_FORM_SHOTS) {
      // For a look at what was timed (not for the figures): USABLE_FORM_SHOTS=DIR.
      fs.mkdirSync(process.env.USABLE_FORM_SHOTS, { recursive: true });
      await page.screenshot({ path: path.join(process.env.USABLE_FORM_SHOTS, `${row.name.replace(/[^a-z0-9]+/gi, '-')}.png`) });
    }
    return { ms, bytes, requests, blocked: [...blocked], encodings: [...encodings] };
  } finally {
    await context.close();
  }
}

// ---------------------------------------------------------------------------------------------

const median = (sorted) => (sorted.length % 2 ? sorted[sorted.length >> 1]
  : (sorted[sorted.length / 2 - 1] + sorted[sorted.length / 2]) / 2);
const fmt = (ms) => `${Math.round(ms)}`;

(async () => {
  const began = Date.now();
  const dist = path.resolve(process.env.APP_DIST || path.join(root, 'dist'));
  const bench = fs.mkdtempSync(path.join(os.tmpdir(), 'commerce-otp-usable-form-'));
  const cleanups = [() => fs.rmSync(bench, { recursive: true, force: true })];
  try {
    await buildPages(bench);
    cleanups.unshift(await startEmulator());
    // The emulator's own config.json for the app it hosts (its API, client, realm, profile).
    const config = Buffer.from(await (await fetch(`${process.env.APP_URL}/config.json`)).arrayBuffer());
    const server = await startServer({ dist, bench, config });
    cleanups.unshift(server.stop);
    const allowed = new Set([server.origin, new URL(process.env.API_URL).origin]);
    const browser = await chromium.launch({
      executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--no-first-run',
        '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
    cleanups.unshift(() => browser.close());

    const table = rows(server.origin).map((row) => ({ ...row, times: [], bytes: [], requests: [], blocked: new Set(), encodings: new Set() }));
    for (let i = 0; i < LOADS; i++) {
      for (const row of table) {
        const r = await load(browser, row, allowed);
        row.times.push(r.ms);
        row.bytes.push(r.bytes);
        row.requests.push(r.requests);
        r.blocked.forEach((o) => row.blocked.add(o));
        r.encodings.forEach((e) => row.encodings.add(e));
      }
    }

    const seconds = Math.round((Date.now() - began) / 1000);
    console.log(`\ntime to a usable form, Chromium throttled to 1.6 Mbps down, 750 kbps up, 150 ms round trip, ` +
      `CPU ${CPU_SLOWDOWN}x slower; ${LOADS} cold loads a row from one local server (ms from navigation start)`);
    console.log(`${'row'.padEnd(58)} ${'min'.padStart(6)} ${'median'.padStart(7)} ${'max'.padStart(6)} ${'bytes'.padStart(9)} ${'reqs'.padStart(5)}`);
    for (const row of table) {
      row.times.sort((a, b) => a - b);
      row.median = median(row.times);
      const bytes = median([...row.bytes].sort((a, b) => a - b));
      const requests = median([...row.requests].sort((a, b) => a - b));
      console.log(`${row.name.padEnd(58)} ${fmt(row.times[0]).padStart(6)} ${fmt(row.median).padStart(7)} ` +
        `${fmt(row.times[row.times.length - 1]).padStart(6)} ${String(Math.round(bytes)).padStart(9)} ${String(requests).padStart(5)}`);
    }
    console.log('notes:');
    console.log('  usable = the first control present, with a size, visible, enabled and not read-only, checked by the page on ' +
      'every DOM change and frame; bytes = median CDP encodedDataLength (bodies as sent, with headers) of the responses ' +
      'finished by then; reqs = their number.');
    for (const row of table) {
      const extra = [];
      if (row.blocked.size) extra.push(`blocked: ${[...row.blocked].join(', ')}`);
      console.log(`  ${row.name}: waits for the ${row.control}; content-encoding ${[...row.encodings].join('/')}` +
        `${extra.length ? `; ${extra.join('; ')}` : ''}`);
    }
    // FirebaseUI with e-mail as its only provider opens on the first step of its e-mail form, not on
    // a "Sign in with email" button (that button is the provider list, shown with two providers or
    // more): an e-mail field and "Next", which asks Firebase which methods the address has before
    // the second step asks for the password. The e-mail field is what is timed, as for the others:
    // the shopper can type and submit that step, and the peer gets no penalty for its second one.
    console.log('  FirebaseUI (e-mail its only provider) opens on the e-mail step of its form, an e-mail field and ' +
      '"Next" (no "Sign in with email" button first); the password is asked on a second step, after "Next" asks ' +
      'Firebase about the address. The e-mail field is what is timed; the second step is not counted against it.');

    // The verdicts (printed only): every commerce-otp row against the fastest peer's median and
    // against twice the plain form's.
    const ours = table.filter((r) => r.name.startsWith('commerce-otp'));
    const fastest = table.filter((r) => r.peer).reduce((a, b) => (b.median < a.median ? b : a));
    const plain = table.find((r) => r.plain);
    const each = ours.map((r) => `${r.name.replace('commerce-otp, ', '')} ${fmt(r.median)}`).join(', ');
    const slowest = Math.max(...ours.map((r) => r.median));
    const verdict = (limit) => (slowest <= limit ? 'met by every row'
      : `not met (${ours.filter((r) => r.median > limit).length} of ${ours.length} rows over; the slowest by ${fmt(slowest - limit)} ms)`);
    console.log(`\ncommerce-otp median vs the fastest peer's, ${fastest.name} ${fmt(fastest.median)} ms: ${each} ms: ` +
      `${verdict(fastest.median)}`);
    console.log(`commerce-otp median vs 2x the plain HTML form's, 2 x ${fmt(plain.median)} = ${fmt(2 * plain.median)} ms: ` +
      `${each} ms: ${verdict(2 * plain.median)}`);
    console.log(`(${table.length} rows x ${LOADS} loads in ${seconds} s)`);
  } finally {
    for (const cleanup of cleanups) {
      try { await cleanup(); } catch (e) { console.error(e); }
    }
  }
})().catch((e) => { console.error(e); process.exit(1); });
