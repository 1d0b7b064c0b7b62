// Trunk's post_build hook (Trunk.toml), run in the staging folder that becomes dist/:
//  * the wasm cut at its split points (scripts/split.mjs), and the record of which files the
//    first form needs and which each split part needs besides them: split.json,
//    `{ "main": [files], "parts": { "call_sign_in": [files], … } }` (scripts/bench reads it);
//  * index.html: the wasm's Subresource Integrity digest moves from its <link rel="preload">,
//    where Chromium ignores it and warns (crbug.com/981419: preloads "as=fetch" take no SRI),
//    to data-integrity, from which web/boot.js fetches the wasm with that digest, so the
//    browser checks it (and still uses the preloaded response);
//  * commerce-otp.js, the <commerce-otp> element's loader (web/commerce-otp.js, copied by
//    Trunk under that fixed name): the names of the glue, the wasm and the stylesheet, and the
//    wasm's digest, filled in from index.html; its comments removed;
//  * locales/*.ftl, the catalogues of the languages other than English (fetched when spoken):
//    their comments and blank lines removed, which only translators read (build.rs does the
//    same for the English one, built into the wasm);
//  * 404.html, a copy of index.html, for hosts that answer unknown paths with it (GitHub
//    Pages-like hosts, Netlify, Cloudflare Pages, an S3 error document), so a link or a reload
//    of /change_password works there too;
//  * in release builds, NAME.br (brotli, quality 11) and NAME.gz (gzip -9) beside each
//    content-hashed asset and the loader, for hosts that serve precompressed files. index.html
//    and config.json are left alone: they are edited after the build.
import { copyFileSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { split } from './split.mjs';

const dir = process.env.TRUNK_STAGING_DIR;
if (!dir) {
  console.error('postbuild: TRUNK_STAGING_DIR is not set; run through trunk build');
  process.exit(1);
}
writeFileSync(join(dir, 'split.json'), `${JSON.stringify(split(dir, process.env.TRUNK_PROFILE === 'release'), null, 2)}\n`);

const index = join(dir, 'index.html');
const html = readFileSync(index, 'utf8');
const wasmPreload = /<link rel="preload"[^>]*type="application\/wasm"[^>]*>/;
const tag = html.match(wasmPreload)?.[0];
if (!tag || !/ integrity="/.test(tag)) {
  console.error('postbuild: no wasm preload with an integrity digest in index.html');
  process.exit(1);
}
writeFileSync(index, html.replace(tag, tag.replace(' integrity="', ' data-integrity="')));
copyFileSync(index, join(dir, '404.html'));

const attribute = (element, name) => element?.match(new RegExp(` ${name}="([^"]*)"`))?.[1];
const glue = html.match(/<link rel="modulepreload"[^>]*>/)?.[0];
const css = html.match(/<link rel="stylesheet"[^>]*>/)?.[0];
const names = {
  __GLUE__: attribute(glue, 'href'),
  __WASM__: attribute(tag, 'href'),
  __WASM_INTEGRITY__: attribute(tag, 'integrity'),
  __CSS__: attribute(css, 'href'),
};
for (const [placeholder, value] of Object.entries(names)) {
  if (!value) {
    console.error(`postbuild: no value for ${placeholder} in index.html`);
    process.exit(1);
  }
}
const loaderPath = join(dir, 'commerce-otp.js');
const loader = readFileSync(loaderPath, 'utf8')
  .replace(/^\s*\/\/.*\n/gm, '')
  .replace(/'(__[A-Z_]+__)'/g, (whole, placeholder) => JSON.stringify(names[placeholder]?.replace(/^\.\//, '') ?? whole));
writeFileSync(loaderPath, loader);

const locales = join(dir, 'locales');
for (const name of readdirSync(locales).filter((n) => n.endsWith('.ftl'))) {
  const text = readFileSync(join(locales, name), 'utf8');
  writeFileSync(join(locales, name), text.split('\n').filter((l) => l.trim() && !l.startsWith('#')).join('\n') + '\n');
}

if (process.env.TRUNK_PROFILE === 'release') {
  // Trunk's content hash: up to 16 hex digits before the extension (or before _bg.wasm).
  const hashed = /-[0-9a-f]{8,16}(_bg)?\.(js|wasm|css)$/;
  for (const name of readdirSync(dir).filter((n) => hashed.test(n) || n === 'commerce-otp.js')) {
    const data = readFileSync(join(dir, name));
    writeFileSync(join(dir, `${name}.br`), brotliCompressSync(data, {
      params: {
        [constants.BROTLI_PARAM_QUALITY]: 11,
        [constants.BROTLI_PARAM_SIZE_HINT]: data.length,
      },
    }));
    writeFileSync(join(dir, `${name}.gz`), gzipSync(data, { level: 9 }));
  }
}
