/**
 * Turns the live tree <svg> into a standalone SVG document that looks like the screen but shows
 * the whole drawing, whatever the current pan and zoom. Browser only: it reads computed styles
 * and bounding boxes from the live elements.
 */

const SVG_NS = 'http://www.w3.org/2000/svg';
const XMLNS_NS = 'http://www.w3.org/2000/xmlns/';
const DEFAULT_PADDING = 24;
const FALLBACK_BACKGROUND = '#ffffff';

/**
 * The tree's colours and widths come from stylesheet classes and custom properties, which a
 * standalone file does not carry, so these are copied as resolved values. Inherited ones are
 * written only where they differ from the parent, which keeps a 2,000-node export small.
 */
const INHERITED_PROPERTIES = [
  'fill',
  'stroke',
  'stroke-width',
  'stroke-dasharray',
  'fill-opacity',
  'stroke-opacity',
  'stroke-linecap',
  'stroke-linejoin',
  // Label halos are strokes painted under the fill; without this the halo eats the letters.
  'paint-order',
  'font-family',
  'font-size',
  'font-style',
  'font-weight',
  'text-anchor',
  'visibility',
] as const;

/**
 * Not inherited: written only where they change the drawing. Of display only `none` matters in
 * SVG (browsers compute `block` or `inline` for the rest).
 */
const OWN_PROPERTIES: readonly (readonly [property: string, drawnAsDefault: (value: string) => boolean])[] = [
  ['opacity', (v) => v === '1'],
  ['display', (v) => v !== 'none'],
  ['dominant-baseline', (v) => v === 'auto'],
  ['stop-color', (v) => v === 'rgb(0, 0, 0)'],
  ['stop-opacity', (v) => v === '1'],
];

export interface SvgExportOptions {
  /** A CSS colour; 'transparent' or 'none' draws no background. Default: what is behind the svg on screen. */
  readonly background?: string;
  /** Room around the drawing, in drawing units. Default 24. */
  readonly padding?: number;
}

export interface SvgExport {
  readonly text: string;
  /** The document's size in CSS pixels (one drawing unit each), for rasterizing it. */
  readonly width: number;
  readonly height: number;
}

/** The standalone SVG document text; see {@link exportSvgDocument}. */
export function exportSvg(svg: SVGSVGElement, options: SvgExportOptions = {}): string {
  return exportSvgDocument(svg, options).text;
}

/**
 * Clones `svg` with resolved styles inlined, the pan/zoom transform dropped, a viewBox around the
 * whole content and a background, leaving out elements marked `data-export="skip"`.
 */
export function exportSvgDocument(svg: SVGSVGElement, options: SvgExportOptions = {}): SvgExport {
  const padding = Math.max(0, options.padding ?? DEFAULT_PADDING);
  finishAnimations(svg);
  const content = contentGroup(svg);
  const box = withoutSkipped(content ?? svg, () => contentBox(content ?? svg));

  const clone = svg.cloneNode(true);
  if (!(clone instanceof SVGSVGElement)) throw new Error('Cloning the tree <svg> did not give an <svg>');
  inlineStyles(svg, clone);
  // Looked up before anything is removed: the clone's content group has the live one's index path.
  const cloneContent = content ? cloneCounterpart(svg, clone, content) : null;
  cloneContent?.removeAttribute('transform');
  for (const skipped of clone.querySelectorAll('[data-export="skip"]')) skipped.remove();

  const x = box.x - padding;
  const y = box.y - padding;
  const width = Math.max(1, Math.ceil(box.width + 2 * padding));
  const height = Math.max(1, Math.ceil(box.height + 2 * padding));
  clone.setAttributeNS(XMLNS_NS, 'xmlns', SVG_NS);
  clone.setAttribute('viewBox', `${x} ${y} ${width} ${height}`);
  clone.setAttribute('width', String(width));
  clone.setAttribute('height', String(height));

  const background = options.background ?? backgroundBehind(svg);
  if (background !== 'transparent' && background !== 'none') {
    const rect = document.createElementNS(SVG_NS, 'rect');
    rect.setAttribute('data-export', 'background');
    rect.setAttribute('x', String(x));
    rect.setAttribute('y', String(y));
    rect.setAttribute('width', String(width));
    rect.setAttribute('height', String(height));
    rect.setAttribute('fill', background);
    clone.insertBefore(rect, clone.firstChild);
  }

  const text = `<?xml version="1.0" encoding="UTF-8"?>\n${new XMLSerializer().serializeToString(clone)}`;
  return { text, width, height };
}

/** An export taken while new glyphs grow in would show them half faded; the animations are cosmetic. */
function finishAnimations(svg: SVGSVGElement): void {
  if (typeof svg.getAnimations !== 'function') return;
  for (const animation of svg.getAnimations({ subtree: true })) {
    try {
      animation.finish();
    } catch {
      // An endless animation cannot finish; it then exports at its current frame.
    }
  }
}

/** The group that carries the pan/zoom transform: one marked `data-export="content"`, else the first <g>. */
function contentGroup(svg: SVGSVGElement): SVGGraphicsElement | null {
  const marked = svg.querySelector(':scope > [data-export="content"]');
  if (marked instanceof SVGGraphicsElement) return marked;
  for (const child of svg.children) {
    if (child instanceof SVGGElement) return child;
  }
  return null;
}

/**
 * Measures with the UI-only elements inside `root` hidden, so that they do not widen the viewBox.
 * Synchronous, so the page never paints the hidden state.
 */
function withoutSkipped<T>(root: Element, measure: () => T): T {
  const hidden: { el: SVGElement | HTMLElement; display: string; priority: string }[] = [];
  for (const el of root.querySelectorAll('[data-export="skip"]')) {
    if (!hasInlineStyle(el)) continue;
    hidden.push({
      el,
      display: el.style.getPropertyValue('display'),
      priority: el.style.getPropertyPriority('display'),
    });
    el.style.setProperty('display', 'none', 'important');
  }
  try {
    return measure();
  } finally {
    for (const { el, display, priority } of hidden) {
      if (display === '') el.style.removeProperty('display');
      else el.style.setProperty('display', display, priority);
    }
  }
}

interface Box {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

/**
 * getBBox() is in the element's own user space, i.e. before its own transform: for the zoom group
 * that is the layout's coordinates, exactly what the viewBox needs once the transform is gone.
 */
function contentBox(element: SVGGraphicsElement): Box {
  try {
    const { x, y, width, height } = element.getBBox();
    if ([x, y, width, height].every(Number.isFinite)) return { x, y, width, height };
  } catch {
    // Firefox throws for an element that is not rendered (e.g. inside display: none).
  }
  return { x: 0, y: 0, width: 0, height: 0 };
}

/** Walks `source` and `clone` in step: cloneNode(true) keeps the element order. */
function inlineStyles(source: SVGSVGElement, clone: SVGSVGElement): void {
  const sources = [source, ...source.querySelectorAll('*')];
  const clones = [clone, ...clone.querySelectorAll('*')];
  const computed = new Map<Element, CSSStyleDeclaration>();
  const styleOf = (el: Element): CSSStyleDeclaration => {
    let style = computed.get(el);
    if (!style) {
      style = getComputedStyle(el);
      computed.set(el, style);
    }
    return style;
  };

  sources.forEach((live, i) => {
    const target = clones[i];
    if (!target || !hasInlineStyle(target) || isMetadata(live)) return;
    const own = styleOf(live);
    // The root's parent lies outside the file, so the root states every inherited value.
    const parent = live === source || !live.parentElement ? undefined : styleOf(live.parentElement);
    for (const property of INHERITED_PROPERTIES) {
      const value = own.getPropertyValue(property);
      if (value === '') continue;
      // A presentation attribute (fill="var(...)") would otherwise win over inheritance.
      if (parent && parent.getPropertyValue(property) === value && !live.hasAttribute(property)) continue;
      target.style.setProperty(property, localUrl(value));
    }
    for (const [property, drawnAsDefault] of OWN_PROPERTIES) {
      const value = own.getPropertyValue(property);
      if (value !== '' && !drawnAsDefault(value)) target.style.setProperty(property, value);
    }
  });
}

/** Tooltips and descriptions are never painted; styling them only bloats the file. */
function isMetadata(el: Element): boolean {
  return el instanceof SVGTitleElement || el instanceof SVGDescElement || el instanceof SVGMetadataElement;
}

function hasInlineStyle(el: Element): el is SVGElement | HTMLElement {
  return el instanceof SVGElement || el instanceof HTMLElement;
}

/** Computed paint servers may carry the page's address (url("http://…#grad")), which breaks in a file. */
function localUrl(value: string): string {
  return value.replace(/url\(\s*["']?[^"')#]*(#[^"')]+)["']?\s*\)/g, 'url("$1")');
}

function cloneCounterpart(source: Element, clone: Element, target: Element): Element | null {
  const path: number[] = [];
  for (let el: Element | null = target; el && el !== source; el = el.parentElement) {
    const parent: Element | null = el.parentElement;
    if (!parent) return null;
    path.unshift([...parent.children].indexOf(el));
  }
  let at: Element | undefined = clone;
  for (const index of path) at = at?.children[index];
  return at ?? null;
}

/** The first opaque background at or above the svg, so that the file matches the theme on screen. */
function backgroundBehind(svg: SVGSVGElement): string {
  for (let el: Element | null = svg; el; el = el.parentElement) {
    const colour = getComputedStyle(el).backgroundColor;
    if (colour !== '' && colour !== 'transparent' && !/^rgba\(.*,\s*0\)$/.test(colour)) return colour;
  }
  return FALLBACK_BACKGROUND;
}
