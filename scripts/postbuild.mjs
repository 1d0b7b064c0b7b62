// Trunk's post_build hook (Trunk.toml), run in the staging folder that becomes dist/:
//  * the wasm cut at its split points (scripts/split.mjs), and the record of which files the
//    first form needs and which each split part needs besides them: split.json,
//    `{ "main": [files], "parts": { "call_sign_in": [files], … } }` (scripts/bench reads it);
//  * first-forms/<language>.html and element-<language>.html, each entry's first form
//    rendered by the app's own views (src/prerender.rs, through a native build of
//    src/bin/prerender.rs), which web/first-form.js shows before the wasm has arrived;
//  * index.html:
//    - the wasm's <link rel="preload"> becomes <meta name="commerce-otp-wasm"
//      content="<file>" data-integrity="<digest>">, and the <link rel="modulepreload">s of
//      the glue and the link module wait inside <template id="app-files">: web/boot.js
//      fetches them, the wasm with its digest so the browser checks it, once the first form
//      shows (preloads would share the slow network with the form's few files);
//    - English's first forms (first-forms/en.html) in a data block, <script type="text/html"
//      id="first-forms" data-lang="en">, so that an English page fetches none;
//    - first-form-HASH.js (web/first-form.js) with a modulepreload and its digest, for
//      boot.js, which imports it;
//    - boot.js and the stylesheet without their comments (as first-form.js and the loader),
//      each under a new content-hashed name and digest;
//  * commerce-otp.js, the <commerce-otp> element's loader (web/commerce-otp.js, copied by
//    Trunk under that fixed name): the names of the glue, the wasm, the stylesheet and
//    first-form-HASH.js, and the wasm's digest; its comments removed;
//  * locales/*.ftl, the catalogues of the languages other than English (fetched when spoken):
//    their comments and blank lines removed, which only translators read (build.rs does the
//    same for the English one, built into the wasm);
//  * 404.html, a copy of index.html, for hosts that answer unknown paths with it (GitHub
//    Pages-like hosts, Netlify, Cloudflare Pages, an S3 error document), so a link or a reload
//    of /change_password works there too;
//  * in release builds, NAME.br (brotli, quality 11) and NAME.gz (gzip -9) beside each
//    content-hashed asset, the loader and the first forms, for hosts that serve precompressed
//    files. index.html and config.json are left alone: they are edited after the build.
import { copyFileSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { split } from './split.mjs';

const dir = process.env.TRUNK_STAGING_DIR;
if (!dir) {
  console.error('postbuild: TRUNK_STAGING_DIR is not set; run through trunk build');
  process.exit(1);
}
writeFileSync(join(dir, 'split.json'), `${JSON.stringify(split(dir, process.env.TRUNK_PROFILE === 'release'), null, 2)}\n`);

// Native, in the dev profile (it runs once per build, on a few dozen small views).
execFileSync('cargo', ['run', '--quiet', '--locked', '--features', 'prerender', '--bin', 'prerender', '--', join(dir, 'first-forms')], { stdio: 'inherit' });

const index = join(dir, 'index.html');
const html = readFileSync(index, 'utf8');
const wasmPreload = /<link rel="preload"[^>]*type="application\/wasm"[^>]*>/;
const tag = html.match(wasmPreload)?.[0];
if (!tag || !/ integrity="/.test(tag)) {
  console.error('postbuild: no wasm preload with an integrity digest in index.html');
  process.exit(1);
}
const wasmMeta = `<meta name="commerce-otp-wasm" content="${tag.match(/ href="([^"]*)"/)?.[1]}" data-integrity="${tag.match(/ integrity="([^"]*)"/)?.[1]}">`;
// English's first forms in the page itself (about 1 KB brotli): no request for them. A data
// block (a <script> of type text/html, never run): text the browser does not build into
// elements as it reads the page; web/first-form.js reads the one template it shows.
const englishForms = readFileSync(join(dir, 'first-forms', 'en.html'), 'utf8');
if (/<\/script|<!--/i.test(englishForms)) {
  console.error('postbuild: first-forms/en.html cannot go in a data block');
  process.exit(1);
}
const english = `<script type="text/html" id="first-forms" data-lang="en">\n${englishForms}</script>\n`;
if (!html.includes('</body>')) {
  console.error('postbuild: index.html has no </body>');
  process.exit(1);
}
// The modulepreloads of the glue and the split parts' link module, which would share the slow
// network with the first form's files, wait in a <template> for web/boot.js to put them in.
const modules = html.match(/<link rel="modulepreload"[^>]*>\n?/g) ?? [];
let page = html.replace(tag, wasmMeta);
for (const module of modules) page = page.replace(module, '');
const appFiles = `<template id="app-files">${modules.join('').trim()}</template>\n`;
// web/first-form.js, without its comments, under a content-hashed name (so that it is cached
// as the other hashed files are, and a page always gets the one its boot.js was built with),
// preloaded with its digest beside boot.js, which imports it (as the element's loader does).
// boot.js then names it, which changes boot.js: it gets a new content-hashed name and digest.
const sri = (data) => `sha384-${createHash('sha384').update(data).digest('base64')}`;
const contentHash = (data) => createHash('sha256').update(data).digest('hex').slice(0, 16);
// Comments are for whoever reads the sources; shoppers download none of them.
const withoutComments = (js) => js.replace(/^\s*\/\/.*\n/gm, '').replace(/^\s*\/\*\*[\s\S]*?\*\/\n/gm, '');
const firstForm = withoutComments(readFileSync(join(dir, 'first-form.js'), 'utf8'));
const firstFormName = `first-form-${contentHash(firstForm)}.js`;
writeFileSync(join(dir, firstFormName), firstForm);
rmSync(join(dir, 'first-form.js'));
const firstFormPreload = `<link rel="modulepreload" href="./${firstFormName}" crossorigin="anonymous" integrity="${sri(firstForm)}">\n`;
const bootScript = page.match(/<script [^>]*src="\.\/(boot-[0-9a-f]+\.js)"[^>]*>/);
if (!bootScript) {
  console.error('postbuild: no boot script in index.html');
  process.exit(1);
}
const boot = readFileSync(join(dir, bootScript[1]), 'utf8');
if (!boot.includes("import('./first-form.js')")) {
  console.error(`postbuild: ${bootScript[1]} does not import('./first-form.js')`);
  process.exit(1);
}
// Writes `content` in place of the hashed file `name` (`boot-HASH.js`), under its own content
// hash; returns the new name and `tag` (the element that names the file) naming it, with its
// digest.
const rehash = (name, content, tag) => {
  const [, stem, extension] = name.match(/^(.+)-[0-9a-f]+(\.[a-z]+)$/);
  const renamed = `${stem}-${contentHash(content)}${extension}`;
  rmSync(join(dir, name));
  writeFileSync(join(dir, renamed), content);
  return [renamed, tag.replace(name, renamed).replace(/ integrity="[^"]*"/, ` integrity="${sri(content)}"`)];
};
const bootNamed = withoutComments(boot).replace("import('./first-form.js')", `import('./${firstFormName}')`);
const [, bootTag] = rehash(bootScript[1], bootNamed, bootScript[0]);
// The stylesheet without its comments, under a new content hash and digest.
const stylesheet = page.match(/<link rel="stylesheet" href="\.\/(main-[0-9a-f]+\.css)"[^>]*>/);
if (!stylesheet) {
  console.error('postbuild: no stylesheet in index.html');
  process.exit(1);
}
const styles = readFileSync(join(dir, stylesheet[1]), 'utf8').replace(/\/\*[\s\S]*?\*\/\n?/g, '');
const [cssName, cssTag] = rehash(stylesheet[1], styles, stylesheet[0]);
writeFileSync(index, page
  .replace(bootScript[0], `${firstFormPreload}${bootTag}`)
  .replace(stylesheet[0], cssTag)
  .replace('</body>', `${english}${appFiles}</body>`));
copyFileSync(index, join(dir, '404.html'));

const attribute = (element, name) => element?.match(new RegExp(` ${name}="([^"]*)"`))?.[1];
const glue = html.match(/<link rel="modulepreload"[^>]*>/)?.[0];
const names = {
  __FIRST_FORM__: `./${firstFormName}`,
  __GLUE__: attribute(glue, 'href'),
  __WASM__: attribute(tag, 'href'),
  __WASM_INTEGRITY__: attribute(tag, 'integrity'),
  __CSS__: `./${cssName}`,
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
  const forms = readdirSync(join(dir, 'first-forms')).map((n) => join('first-forms', n));
  const named = ['commerce-otp.js'];
  for (const name of [...readdirSync(dir).filter((n) => hashed.test(n) || named.includes(n)), ...forms]) {
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
