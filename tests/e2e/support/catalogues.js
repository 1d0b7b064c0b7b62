// The app's message catalogues (locales/*.ftl), read the simple way their format allows (one
// `id = text` per line, `{ $name }` variables), so tests find controls by their words in each
// language. tests/catalogues.rs checks the files with Project Fluent's parser.
const fs = require('node:fs');
const path = require('node:path');

const dir = path.join(__dirname, '..', '..', '..', 'locales');
const cache = new Map();

function catalogue(tag) {
  if (!cache.has(tag)) {
    const messages = new Map();
    for (const line of fs.readFileSync(path.join(dir, `${tag}.ftl`), 'utf8').split('\n')) {
      const m = line.match(/^([a-zA-Z][\w-]*) = (.*)$/);
      if (m) messages.set(m[1], m[2].trim());
    }
    cache.set(tag, messages);
  }
  return cache.get(tag);
}

/** Message `id` in language `tag`, with `vars` put in (as text, without isolation marks). */
function t(tag, id, vars = {}) {
  const text = catalogue(tag).get(id);
  if (text === undefined) throw new Error(`no message ${id} in ${tag}.ftl`);
  return text.replace(/\{ *\$([\w-]+) *\}/g, (_, name) => String(vars[name] ?? `{$${name}}`));
}

/** A RegExp matching message `id` with any values for its variables (and any isolates). */
function tPattern(tag, id) {
  const escape = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const parts = catalogue(tag).get(id).split(/\{ *\$[\w-]+ *\}/).map(escape);
  return new RegExp(`^${parts.join('.+')}$`);
}

/** The languages the app ships, English first (src/i18n/mod.rs SHIPPED). */
const SHIPPED = ['en', 'de', 'fr', 'es', 'it', 'nl', 'pt-BR', 'pl', 'sv', 'ja', 'ar', 'he'];
const RTL = new Set(['ar', 'he']);

module.exports = { t, tPattern, SHIPPED, RTL };
