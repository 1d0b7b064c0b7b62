// Contrast measured from computed styles, as WCAG 2.1 counts it (relative luminance, SC 1.4.3
// and 1.4.11): every text against what is behind it (4.5:1, 3:1 when large), the boundary of
// every input and button against what is behind it, and the focus ring (3:1). Runs in the
// page; it looks into open shadow roots, so the element is measured like the page.

/** Runs in the page: the list of what falls short, one line each. */
function contrastProblems() {
  const parse = (css) => {
    const m = css.match(/rgba?\(([^)]+)\)/);
    if (!m) return null;
    const [r, g, b, a = 1] = m[1].split(/[ ,/]+/).filter(Boolean).map(Number);
    return { r, g, b, a };
  };
  const channel = (c) => { const s = c / 255; return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4; };
  const luminance = ({ r, g, b }) => 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b);
  const ratio = (x, y) => { const [a, b] = [luminance(x), luminance(y)].sort((p, q) => q - p); return (a + 0.05) / (b + 0.05); };
  const over = (top, under) => ({
    r: top.r * top.a + under.r * (1 - top.a),
    g: top.g * top.a + under.g * (1 - top.a),
    b: top.b * top.a + under.b * (1 - top.a),
    a: 1,
  });
  // The parent across a shadow boundary.
  const parentOf = (el) => el.parentElement || (el.getRootNode() instanceof ShadowRoot ? el.getRootNode().host : null);
  // What is painted behind `el`'s content: its own and its ancestors' backgrounds, composited.
  const backdrop = (el) => {
    const layers = [];
    for (let e = el; e; e = parentOf(e)) {
      const bg = parse(getComputedStyle(e).backgroundColor);
      if (bg && bg.a > 0) {
        layers.push(bg);
        if (bg.a >= 1) break;
      }
    }
    let color = { r: 255, g: 255, b: 255, a: 1 };
    for (const layer of layers.reverse()) color = over(layer, color);
    return color;
  };
  const visible = (el) => {
    const r = el.getBoundingClientRect();
    const s = getComputedStyle(el);
    return r.width > 0 && r.height > 0 && s.visibility !== 'hidden' && s.display !== 'none' && Number(s.opacity) > 0;
  };
  const name = (el) => `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}${el.className && typeof el.className === 'string' ? `.${el.className.trim().split(/\s+/).join('.')}` : ''}`;
  const all = [];
  const walk = (root) => {
    for (const el of root.querySelectorAll('*')) {
      all.push(el);
      if (el.shadowRoot) walk(el.shadowRoot);
    }
  };
  walk(document);
  const problems = [];
  for (const el of all) {
    // Inactive controls are exempt (WCAG 2.1 SC 1.4.3 and 1.4.11).
    if (!visible(el) || el.closest('[disabled], [aria-disabled=true]') || el.disabled) continue;
    const style = getComputedStyle(el);
    const text = [...el.childNodes].some((n) => n.nodeType === Node.TEXT_NODE && n.textContent.trim())
      || (el.matches('input') && el.value);
    if (text) {
      const fg = parse(style.color);
      const bg = backdrop(el);
      const size = parseFloat(style.fontSize);
      const large = size >= 24 || (size >= 18.66 && Number(style.fontWeight) >= 700);
      const need = large ? 3 : 4.5;
      const got = ratio(over(fg, bg), bg);
      if (got < need) problems.push(`text ${name(el)} "${(el.textContent || el.value).trim().slice(0, 30)}": ${got.toFixed(2)} < ${need}`);
    }
    if (el.matches('input[type=text], input[type=email], input[type=password], button:not(.link)')) {
      const behind = backdrop(parentOf(el));
      const border = parse(style.borderTopColor);
      const fill = parse(style.backgroundColor);
      const edge = Math.max(
        parseFloat(style.borderTopWidth) > 0 && border ? ratio(over(border, behind), behind) : 0,
        fill && fill.a > 0 ? ratio(over(fill, behind), behind) : 0,
      );
      if (edge < 3) problems.push(`boundary ${name(el)}: ${edge.toFixed(2)} < 3`);
    }
  }
  return problems;
}

/** The focus ring of whatever has focus (into shadow roots), against what is behind it. */
function focusRingProblem() {
  let el = document.activeElement;
  while (el && el.shadowRoot && el.shadowRoot.activeElement) el = el.shadowRoot.activeElement;
  if (!el || el === document.body) return 'nothing has focus';
  const parse = (css) => { const m = css.match(/rgba?\(([^)]+)\)/); if (!m) return null; const [r, g, b] = m[1].split(/[ ,/]+/).filter(Boolean).map(Number); return { r, g, b }; };
  const channel = (c) => { const s = c / 255; return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4; };
  const lum = ({ r, g, b }) => 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b);
  const style = getComputedStyle(el);
  if (style.outlineStyle === 'none' || parseFloat(style.outlineWidth) < 2) return `${el.tagName}: no focus ring`;
  const parentOf = (e) => e.parentElement || (e.getRootNode() instanceof ShadowRoot ? e.getRootNode().host : null);
  let behind = null;
  for (let e = parentOf(el); e && !behind; e = parentOf(e)) {
    const bg = getComputedStyle(e).backgroundColor;
    const c = parse(bg);
    if (c && !/rgba\([^)]*,\s*0\)/.test(bg)) behind = c;
  }
  behind = behind || { r: 255, g: 255, b: 255 };
  const [a, b] = [lum(parse(style.outlineColor)), lum(behind)].sort((p, q) => q - p);
  const ratio = (a + 0.05) / (b + 0.05);
  return ratio >= 3 ? null : `${el.tagName} focus ring ${ratio.toFixed(2)} < 3`;
}

module.exports = { contrastProblems, focusRingProblem };
