// Putting <commerce-otp> elements on an example shop page, as a shop's own script would.

/**
 * Adds `<commerce-otp id=…>` with `attributes` (a value of '' for a boolean one) to the page's
 * <main>: first with `prepend`, else last. Returns its locator.
 */
async function addElement(page, id, attributes = {}, { prepend = false } = {}) {
  await page.evaluate(({ id, attributes, prepend }) => {
    const el = document.createElement('commerce-otp');
    el.id = id;
    for (const [name, value] of Object.entries(attributes)) el.setAttribute(name, value);
    const main = document.querySelector('main');
    if (prepend) main.prepend(el); else main.append(el);
  }, { id, attributes, prepend });
  return page.locator(`commerce-otp#${id}`);
}

/** The emulator's config.json with `changes`, as a data: URL for an element's `config`. */
async function configWith(request, changes) {
  const config = await (await request.get(`${process.env.APP_URL}/config.json`)).json();
  return `data:application/json,${encodeURIComponent(JSON.stringify({ ...config, ...changes }))}`;
}

module.exports = { addElement, configWith };
