// Cuts the app's wasm at its split points (src/lazy.rs: each call to Commerce, the steps
// reached only after one): the main wasm every first form needs, and one file per split part
// and per chunk several share, fetched once a form shows. The code splitting of Leptos's
// `#[lazy]`, done by `wasm-split-cli` from the crate wasm_split_cli_support (the splitter
// cargo-leptos uses), which Trunk 0.21 does not run. Called by scripts/postbuild.mjs in the staging folder,
// after Trunk has built the wasm with the `split` feature (index.html) and the linker's
// relocations (.cargo/config.toml: --emit-relocs, which the splitter reads).
//
// From Trunk's cargo output (not its wasm-bindgen output, which cannot run: the split points
// import a placeholder module), for the build's id (the first 16 hex digits of the SHA-256 of
// that wasm):
//   1. wasm-split-cli: the main wasm, one wasm per split point and per chunk of code that
//      several share, and the JavaScript that fetches and links them (the "link module");
//   2. wasm-bindgen on the main wasm (keeping the exports the other wasm files link to), and
//      in release builds wasm-opt -Oz on every wasm file (Trunk's, with data-wasm-opt="0");
//   3. each file named after its content (NAME-HASH.wasm, split-HASH.js), the link module
//      fetching each with its Subresource Integrity digest, and the glue importing the link
//      module by its name; the glue is commerce-otp-ID.js and its wasm commerce-otp-ID_bg.wasm;
//   4. index.html: the glue's modulepreload and the wasm's preload point at those, with their
//      digests, and a modulepreload with its digest for the link module (so that the module
//      the glue imports is checked too); Trunk's own glue and wasm are deleted.
// Returns { main: [files], parts: { PART: [files] } } (each split part with the chunks it
// shares), the record in dist/split.json.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, readdirSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const fail = (message) => {
  console.error(`split: ${message}`);
  process.exit(1);
};
const sha = (data, algorithm = 'sha256') => createHash(algorithm).update(data).digest();
const hex16 = (data) => sha(data).toString('hex').slice(0, 16);
const integrity = (data) => `sha384-${sha(data, 'sha384').toString('base64')}`;
const run = (tool, args) => {
  try {
    return execFileSync(tool, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  } catch (e) {
    fail(`${tool} ${args.join(' ')} failed:\n${e.stderr || e.message}`);
  }
};

export function split(dir, release) {
  const { target_directory: target } = JSON.parse(
    run('cargo', ['metadata', '--no-deps', '--offline', '--format-version', '1']),
  );
  const raw = join(target, 'wasm32-unknown-unknown', release ? 'release' : 'debug', 'commerce-otp.wasm');
  const input = readFileSync(raw);
  const name = `commerce-otp-${hex16(input)}`;
  const work = mkdtempSync(join(target, 'split-'));
  try {
    run('wasm-split-cli', ['--target', 'web', '--out-name', name, raw, join(work, 'split')]);
    run('wasm-bindgen', ['--target=web', '--keep-lld-exports', '--no-typescript',
      `--out-dir=${join(work, 'bg')}`, `--out-name=${name}`, join(work, 'split', `${name}.wasm`)]);
    const optimize = (file) => {
      if (release) {
        run('wasm-opt', ['-Oz', '--enable-bulk-memory', '--enable-nontrapping-float-to-int', file, '-o', file]);
      }
      return readFileSync(file);
    };

    // The lazily fetched files, named after their content.
    const renamed = {};
    const parts = readdirSync(join(work, 'split')).filter((f) => f.endsWith('.wasm') && f !== `${name}.wasm`);
    for (const file of parts) {
      const data = optimize(join(work, 'split', file));
      // split_call_sign_in.wasm -> call_sign_in-HASH.wasm; chunk_7.wasm -> chunk-HASH.wasm
      const stem = file.replace(/^split_/, '').replace(/_\d+\.wasm$/, '').replace(/\.wasm$/, '');
      const hashed = `${stem}-${hex16(data)}.wasm`;
      writeFileSync(join(dir, hashed), data);
      renamed[file] = { hashed, integrity: integrity(data) };
    }

    // The link module: each fetch by the new name, with its digest; the glue by its name.
    let link = readFileSync(join(work, 'split', '__wasm_split.js'), 'utf8');
    let fetches = 0;
    link = link.replace(/fetch\(new URL\("\.\/([^"]+\.wasm)", import\.meta\.url\)\)/g, (whole, file) => {
      const part = renamed[file] ?? fail(`the link module fetches ${file}, which the splitter did not write`);
      fetches += 1;
      return `fetch(new URL(${JSON.stringify(`./${part.hashed}`)}, import.meta.url), { integrity: ${JSON.stringify(part.integrity)} })`;
    });
    if (fetches !== parts.length) fail(`the link module fetches ${fetches} files, the splitter wrote ${parts.length}`);
    if (!link.includes(`from "./${name}.js"`)) fail(`the link module does not import ./${name}.js`);
    // Its comments (which parts share each chunk, notes) are for reading, not for shipping.
    link = link.replace(/^\s*\/\*.*\*\/\s*$\n/gm, '').replace(/^\s*\/\/.*\n/gm, '');
    const linkName = `split-${hex16(link)}.js`;
    writeFileSync(join(dir, linkName), link);

    // The glue imports the link module under the name the wasm's imports keep.
    let imports = 0;
    const glue = readFileSync(join(work, 'bg', `${name}.js`), 'utf8').replace(
      /^(import \* as import\d+ from )"\.\/__wasm_split\.js"/gm,
      (whole, start) => {
        imports += 1;
        return `${start}${JSON.stringify(`./${linkName}`)}`;
      },
    );
    if (imports === 0) fail('the glue does not import the link module: was the wasm built with the split feature?');
    writeFileSync(join(dir, `${name}.js`), glue);
    const wasm = optimize(join(work, 'bg', `${name}_bg.wasm`));
    writeFileSync(join(dir, `${name}_bg.wasm`), wasm);

    // index.html: Trunk's glue and wasm replaced by these.
    const index = join(dir, 'index.html');
    let html = readFileSync(index, 'utf8');
    const tags = {
      glue: html.match(/<link rel="modulepreload"[^>]*>/)?.[0],
      wasm: html.match(/<link rel="preload"[^>]*type="application\/wasm"[^>]*>/)?.[0],
    };
    if (!tags.glue || !tags.wasm) fail('index.html has no modulepreload of the glue or preload of the wasm');
    const href = (tag) => tag.match(/ href="\.\/([^"]+)"/)?.[1] ?? fail(`no href in ${tag}`);
    const retarget = (tag, file, data) => tag
      .replace(/ href="[^"]*"/, ` href="./${file}"`)
      .replace(/ integrity="[^"]*"/, ` integrity="${integrity(data)}"`);
    const linkTag = retarget(tags.glue, linkName, link);
    html = html
      .replace(tags.glue, `${retarget(tags.glue, `${name}.js`, glue)}\n${linkTag}`)
      .replace(tags.wasm, retarget(tags.wasm, `${name}_bg.wasm`, wasm));
    for (const tag of Object.values(tags)) unlinkSync(join(dir, href(tag)));
    writeFileSync(index, html);

    // Which files each split part needs besides the main ones, from the link module's
    // dependency lists, for the record (scripts/bench reads it).
    const record = {};
    const loaders = {};
    for (const m of link.matchAll(/const (__chunk_\d+) = makeLoad\([\s\S]*?fetch\(new URL\("\.\/([^"]+)"/g)) {
      loaders[m[1]] = m[2];
    }
    for (const m of link.matchAll(/export const __wasm_split_load_(\w+) = wrapAsyncCb\(makeLoad\([\s\S]*?fetch\(new URL\("\.\/([^"]+)"[\s\S]*?, \[([^\]]*)\]\)\)/g)) {
      const deps = m[3].split(',').map((d) => d.trim()).filter(Boolean).map((d) => loaders[d] ?? fail(`unknown chunk ${d}`));
      record[m[1]] = [m[2], ...deps];
    }
    if (Object.keys(record).length !== parts.filter((p) => p.startsWith('split_')).length) {
      fail('could not read every split point from the link module');
    }
    return { main: [`${name}.js`, linkName, `${name}_bg.wasm`], parts: record };
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}
