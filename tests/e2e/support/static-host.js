// A real static file host for the end-to-end tests: Debian's nginx, started on 127.0.0.1 at a
// port picked at run time, serving copies of dist/ under sub-paths with deploy/nginx.conf as
// written (its prefix, root and API base replaced). Stopped by the returned `stop()`.
const { spawn } = require('node:child_process');
const fs = require('node:fs');
const net = require('node:net');
const os = require('node:os');
const path = require('node:path');

const root = path.resolve(__dirname, '../../..');
const BROTLI_MODULE = '/usr/lib/nginx/modules/ngx_http_brotli_static_module.so';
// Debian's nginx lives in /usr/sbin, which is not on every user's PATH.
const NGINX = process.env.NGINX || (fs.existsSync('/usr/sbin/nginx') ? '/usr/sbin/nginx' : 'nginx');

function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/** deploy/nginx.conf for one site: `prefix` like "/account/otp/", files under `www`. */
function siteConfig({ prefix, www, apiBase, rewrite, policyHeader = true }) {
  let conf = fs.readFileSync(path.join(root, 'deploy/nginx.conf'), 'utf8')
    .replaceAll('/account/otp/', prefix)
    .replace('root /srv/www;', `root ${www};`)
    .replace('https://useast.api.elasticpath.com', apiBase);
  if (!rewrite) conf = conf.replace(/^\s*rewrite .*$/m, '');
  if (!policyHeader) conf = conf.replace(/^\s*add_header Content-Security-Policy .*$/m, '');
  return conf;
}

/**
 * Starts nginx with one `location` per site, each a copy of dist/ with `config` written as its
 * config.json (after the build, as a shop does). `mutate(dir)` may change a copy.
 * Returns { url(prefix), stop() }.
 */
async function startStaticHost({ sites, config, apiBase }) {
  const dist = process.env.APP_DIST || path.join(root, 'dist');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'commerce-otp-nginx-'));
  const www = path.join(dir, 'www');
  for (const site of sites) {
    const target = path.join(www, site.prefix);
    fs.cpSync(dist, target, { recursive: true });
    fs.writeFileSync(path.join(target, 'config.json'), JSON.stringify(config));
    if (site.mutate) site.mutate(target);
  }
  const port = await freePort();
  const conf = `
${fs.existsSync(BROTLI_MODULE) ? `load_module ${BROTLI_MODULE};` : ''}
daemon off;
master_process off;
worker_processes 1;
pid ${dir}/nginx.pid;
error_log ${dir}/error.log warn;
events { worker_connections 64; }
http {
  include /etc/nginx/mime.types;
  default_type application/octet-stream;
  access_log off;
  client_body_temp_path ${dir}/body;
  proxy_temp_path ${dir}/proxy;
  fastcgi_temp_path ${dir}/fastcgi;
  uwsgi_temp_path ${dir}/uwsgi;
  scgi_temp_path ${dir}/scgi;
  server {
    listen 127.0.0.1:${port};
    server_name localhost;
    ${sites.map((site) => siteConfig({ ...site, www, apiBase })).join('\n')}
  }
}`;
  if (!fs.existsSync(BROTLI_MODULE)) {
    // Without the module nginx refuses the directive; the tests that need it say so.
    fs.writeFileSync(path.join(dir, 'nginx.conf'), conf.replaceAll(/^\s*brotli_static on;$/gm, ''));
  } else {
    fs.writeFileSync(path.join(dir, 'nginx.conf'), conf);
  }
  const child = spawn(NGINX, ['-p', dir, '-c', path.join(dir, 'nginx.conf')], {
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (d) => { stderr += d; });
  let exited = null;
  child.on('exit', (code) => { exited = code; });

  const base = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 10_000;
  for (;;) {
    if (exited !== null) throw new Error(`nginx exited with ${exited}: ${stderr}`);
    try {
      await fetch(`${base}/`);
      break;
    } catch {
      if (Date.now() > deadline) throw new Error(`nginx did not answer within 10 s: ${stderr}`);
      await new Promise((r) => setTimeout(r, 50));
    }
  }
  return {
    url: (prefix) => `${base}${prefix}`,
    brotli: fs.existsSync(BROTLI_MODULE),
    stop: async () => {
      if (exited === null) {
        const done = new Promise((r) => child.on('exit', r));
        child.kill('SIGTERM');
        await done;
      }
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

module.exports = { startStaticHost, freePort, root };
