// The same real static file host as static-host.js, with Debian's Apache httpd 2.4 instead of
// nginx: /usr/sbin/apache2 (package apache2-bin) in the foreground (-X) on 127.0.0.1 at a port
// picked at run time, with an httpd.conf of its own in a temp dir that loads only the modules
// the site needs and Includes deploy/apache.conf as written (its prefix, folder and API base
// replaced). Stopped by the returned `stop()`.
const { spawn } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { freePort, root } = require('./static-host');

// Debian's apache2 lives in /usr/sbin, which is not on every user's PATH.
const APACHE = process.env.APACHE || (fs.existsSync('/usr/sbin/apache2') ? '/usr/sbin/apache2' : 'apache2');
const MODULES = process.env.APACHE_MODULES || '/usr/lib/apache2/modules';
const API_BASE = 'https://useast.api.elasticpath.com';
// The optional rule of deploy/apache.conf: the app's one-segment pages answered with index.html.
const PAGES_RULE = /^[ \t]*RewriteRule "\^\[a-z_\]\+\$" index\.html .*$/m;
const HTACCESS = /^[ \t]*# --- \.htaccess from here\n([\s\S]*?)^[ \t]*# --- to here$/m;

/** deploy/apache.conf for one site: `prefix` like "/account/otp/", files under `www`. */
function siteConfig({ prefix, www, apiBase, rewrite }) {
  let conf = fs.readFileSync(path.join(root, 'deploy/apache.conf'), 'utf8')
    .replaceAll('/account/otp/', prefix)
    .replaceAll('/srv/www/', `${www}/`)
    .replace(API_BASE, apiBase);
  // Fail loudly rather than test something else if the file changes shape.
  if (!PAGES_RULE.test(conf)) throw new Error('deploy/apache.conf: the optional rewrite rule is not where expected');
  if (!HTACCESS.test(conf)) throw new Error('deploy/apache.conf: the .htaccess markers are missing');
  if (!rewrite) conf = conf.replace(PAGES_RULE, '');
  return conf;
}

/**
 * Starts Apache with deploy/apache.conf once per site, each site a copy of dist/ with `config`
 * written as its config.json (after the build, as a shop does). `mutate(dir)` may change a
 * copy. A site with `htaccess: true` is set up as the file's comments tell a shop without
 * access to the server config: no Alias, the folder under the DocumentRoot, and the lines
 * between the file's ".htaccess" markers in its .htaccess.
 * Returns { url(prefix), brotli, stop() }.
 */
async function startApacheHost({ sites, config, apiBase }) {
  const dist = process.env.APP_DIST || path.join(root, 'dist');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'commerce-otp-apache-'));
  // Run as root, httpd serves as an unprivileged user (below), which must read the files.
  fs.chmodSync(dir, 0o755);
  const www = path.join(dir, 'www');
  const includes = [];
  for (const site of sites) {
    const target = path.join(www, site.prefix);
    fs.cpSync(dist, target, { recursive: true });
    fs.writeFileSync(path.join(target, 'config.json'), JSON.stringify(config));
    if (site.mutate) site.mutate(target);
    const conf = siteConfig({ ...site, www, apiBase });
    const name = path.join(dir, `site-${includes.length}.conf`);
    if (site.htaccess) {
      fs.writeFileSync(path.join(target, '.htaccess'), conf.match(HTACCESS)[1]);
      fs.writeFileSync(name, `<Directory ${target}/>\n    AllowOverride FileInfo Indexes\n</Directory>\n`);
    } else {
      fs.writeFileSync(name, conf);
    }
    includes.push(name);
  }

  const port = await freePort();
  let user = '';
  if (process.getuid?.() === 0) {
    const known = (file, name) => fs.readFileSync(file, 'utf8').split('\n').some((l) => l.startsWith(`${name}:`));
    const www_data = known('/etc/passwd', 'www-data') && known('/etc/group', 'www-data');
    user = www_data ? 'User www-data\nGroup www-data' : 'User nobody\nGroup nogroup';
  }
  const conf = `
ServerRoot ${dir}
DefaultRuntimeDir ${dir}
PidFile ${dir}/httpd.pid
ErrorLog ${dir}/error.log
LogLevel warn
Listen 127.0.0.1:${port}
ServerName 127.0.0.1
${user}
LoadModule mpm_event_module ${MODULES}/mod_mpm_event.so
LoadModule authz_core_module ${MODULES}/mod_authz_core.so
LoadModule alias_module ${MODULES}/mod_alias.so
LoadModule dir_module ${MODULES}/mod_dir.so
LoadModule mime_module ${MODULES}/mod_mime.so
LoadModule headers_module ${MODULES}/mod_headers.so
LoadModule rewrite_module ${MODULES}/mod_rewrite.so
# What a Debian server has on by default and the rules must cope with: /etc/mime.types (.gz is
# application/gzip), mods-enabled/mime.conf's type for .gz, and mods-enabled/deflate.conf's
# compression on the fly (which must not compress the .br/.gz files again).
LoadModule filter_module ${MODULES}/mod_filter.so
LoadModule deflate_module ${MODULES}/mod_deflate.so
TypesConfig /etc/mime.types
AddType application/x-gzip .gz .tgz
AddOutputFilterByType DEFLATE text/html text/plain text/xml text/css text/javascript
AddOutputFilterByType DEFLATE application/x-javascript application/javascript application/ecmascript
AddOutputFilterByType DEFLATE application/json application/wasm

DocumentRoot ${www}
<Directory />
    Options FollowSymLinks
    AllowOverride None
    Require all denied
</Directory>
<Directory ${www}/>
    AllowOverride None
    Require all granted
</Directory>
<Files ".ht*">
    Require all denied
</Files>
${includes.map((name) => `Include ${name}`).join('\n')}
`;
  fs.writeFileSync(path.join(dir, 'httpd.conf'), conf);

  const child = spawn(APACHE, ['-X', '-d', dir, '-f', path.join(dir, 'httpd.conf')], {
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (d) => { stderr += d; });
  let exited = null;
  const gone = new Promise((r) => child.on('exit', (code, signal) => { exited = code ?? signal; r(); }));
  // No apache2 at all (Debian: apt-get install apache2-bin): say so instead of crashing.
  child.on('error', (err) => { stderr += `${APACHE}: ${err.message}\n`; exited = err.code; });
  const errorLog = () => {
    try { return fs.readFileSync(path.join(dir, 'error.log'), 'utf8'); } catch { return ''; }
  };
  const stop = async () => {
    if (exited === null && child.pid !== undefined) {
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
      await gone;
      clearTimeout(timer);
    }
    fs.rmSync(dir, { recursive: true, force: true });
  };

  const base = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 10_000;
  for (;;) {
    if (exited !== null) {
      const why = `apache2 exited with ${exited}: ${stderr}${errorLog()}`;
      await stop();
      throw new Error(why);
    }
    try {
      await fetch(`${base}/`);
      break;
    } catch {
      if (Date.now() > deadline) {
        const why = `apache2 did not answer within 10 s: ${stderr}${errorLog()}`;
        await stop();
        throw new Error(why);
      }
      await new Promise((r) => setTimeout(r, 50));
    }
  }
  return {
    url: (prefix) => `${base}${prefix}`,
    // The rules serve the build's .br files with no module of their own.
    brotli: true,
    errorLog,
    stop,
  };
}

module.exports = { startApacheHost };
