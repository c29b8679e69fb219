/**
 * The layout of a whole-view picture. What a person sees, with one change: a panel column that
 * scrolls (Regularization's views, Activations' gradient flow on a short window) is shown unrolled,
 * so no chart is cut at the bottom edge. The picture grows by the hidden height; the live page is
 * never moved. The controls sidebar stays as it is on screen, scrolled where the person left it.
 *
 * The changes are applied to the rasteriser's copy of the DOM, whose elements carry their
 * computed sizes in pixels: each unrolled panel gets its full height, each box around it grows
 * by as much (grid rows become auto, flex items keep their sizes), and the picture with it.
 */
import { overflowGrowth, type Overflow } from './frame-math';

/** The app's background (--bg), for when no element says otherwise. */
export const VIEW_BACKGROUND = '#0f1420';

/** The colour behind `el`: the nearest opaque background of it or its ancestors. */
export function viewBackground(el: Element): string {
  for (let e: Element | null = el; e; e = e.parentElement) {
    const c = getComputedStyle(e).backgroundColor;
    if (c && c !== 'transparent' && !/^rgba\(.*,\s*0\)$/.test(c)) return c;
  }
  return VIEW_BACKGROUND;
}

/** Scroll containers inside these stay scrolled as on screen instead of unrolling. */
const KEEP_SCROLLED = '[aria-label="Controls"]';
/** The attribute that pairs a live element with its copy (its value indexes `ViewLayout.parts`). */
export const PART_ATTR = 'data-view-part';

/** How one element's copy differs from the plain copy. */
export interface PartChange {
  /** Shown this tall (px), max-height lifted. */
  height?: number;
  /** Scrolling dropped: the whole content shows. */
  unroll?: boolean;
  /** A grid whose `rows` rows become auto-sized, so a taller row pushes the next ones down. */
  rows?: number;
  /** A flex box whose children keep their sizes instead of sharing new room. */
  flex?: boolean;
  /** A scroll container left as on screen: its children are shifted by its scroll offset. */
  shift?: { x: number; y: number };
  /**
   * Scrollbars take no room: on screen they overlay the content (or there are none), while an
   * SVG image would give them room of their own and cut the content short.
   */
  barsHidden?: boolean;
  /** A form control's state, which lives in properties that copying an element leaves behind. */
  checked?: boolean;
  selected?: number;
}

export interface ViewLayout {
  /** CSS pixels of the picture. */
  width: number;
  height: number;
  parts: { el: Element; change: PartChange }[];
}

const scrolls = (v: string) => v === 'auto' || v === 'scroll';

function boxChange(el: Element, height: number, unroll: boolean): PartChange {
  const style = getComputedStyle(el);
  const rows = style.display.endsWith('grid')
    ? (style.gridTemplateRows.match(/-?[\d.]+px/g) ?? []).length
    : 0;
  return { height, unroll, rows, flex: style.display.endsWith('flex') };
}

/** True when the element's scrollbars take room on screen (classic, not overlay, scrollbars). */
function barsTakeRoom(el: HTMLElement, style: CSSStyleDeclaration): boolean {
  const bx = parseFloat(style.borderLeftWidth) + parseFloat(style.borderRightWidth);
  const by = parseFloat(style.borderTopWidth) + parseFloat(style.borderBottomWidth);
  return el.offsetWidth - el.clientWidth - bx > 0.5 || el.offsetHeight - el.clientHeight - by > 0.5;
}

/** The picture's size and the changes that unroll the view's scrolling panels (live DOM). */
export function viewLayout(root: HTMLElement): ViewLayout {
  const unrolled: (Overflow & { el: HTMLElement })[] = [];
  const changes = new Map<Element, PartChange>();
  const change = (el: Element, c: PartChange) =>
    changes.set(el, Object.assign(changes.get(el) ?? {}, c));
  for (const el of Array.from(root.querySelectorAll<HTMLElement>('*'))) {
    if (!(el instanceof HTMLElement)) continue;
    const hidden = el.scrollHeight - el.clientHeight;
    const over = hidden > 0 || el.scrollWidth > el.clientWidth;
    if (!over && el.scrollTop === 0 && el.scrollLeft === 0) continue;
    const style = getComputedStyle(el);
    const scroller = scrolls(style.overflowX) || scrolls(style.overflowY);
    // Only the outermost scrolling panel unrolls; those inside it stay as they are on screen.
    const nested = unrolled.some((u) => u.el.contains(el));
    if (!nested && el.closest(KEEP_SCROLLED) === null && hidden > 1 && scrolls(style.overflowY)) {
      const box = el.getBoundingClientRect();
      unrolled.push({ el, x0: box.left, x1: box.right, extra: hidden });
      change(el, boxChange(el, parseFloat(style.height) + hidden, true));
      continue;
    }
    if (el.scrollTop !== 0 || el.scrollLeft !== 0)
      change(el, { shift: { x: el.scrollLeft, y: el.scrollTop } });
    if (scroller && over && !barsTakeRoom(el, style)) change(el, { barsHidden: true });
  }
  for (const el of Array.from(root.querySelectorAll('select, input'))) {
    if (el instanceof HTMLSelectElement) change(el, { selected: el.selectedIndex });
    else if (el instanceof HTMLInputElement && (el.type === 'checkbox' || el.type === 'radio'))
      change(el, { checked: el.checked });
  }
  // Every box between an unrolled panel and the root grows with it.
  const inside = new Map<Element, Overflow[]>();
  for (const u of unrolled) {
    for (let p = u.el.parentElement; p && p !== root; p = p.parentElement)
      inside.set(p, [...(inside.get(p) ?? []), u]);
  }
  for (const [el, list] of inside) {
    const height = parseFloat(getComputedStyle(el).height) + overflowGrowth(list);
    change(el, boxChange(el, height, false));
  }
  const box = root.getBoundingClientRect();
  const width = Math.ceil(Math.max(box.width, root.scrollWidth));
  const height = Math.ceil(Math.max(box.height, root.scrollHeight) + overflowGrowth(unrolled));
  change(root, boxChange(root, height, true));
  return { width, height, parts: Array.from(changes, ([el, c]) => ({ el, change: c })) };
}

/** Marks the live elements so their copies can be found; returns the undo. */
export function layoutMark(layout: ViewLayout): () => void {
  layout.parts.forEach((p, i) => p.el.setAttribute(PART_ATTR, String(i)));
  return () => layout.parts.forEach((p) => p.el.removeAttribute(PART_ATTR));
}

function changeApply(copy: HTMLElement, c: PartChange): void {
  const s = copy.style;
  const children = Array.from(copy.children) as HTMLElement[];
  if (c.checked !== undefined) copy.toggleAttribute('checked', c.checked);
  if (c.selected !== undefined)
    Array.from(copy.querySelectorAll('option')).forEach((o, i) =>
      o.toggleAttribute('selected', i === c.selected),
    );
  if (c.shift) {
    const { x, y } = c.shift;
    for (const child of children) {
      const own = child.style?.transform ?? '';
      child.style?.setProperty(
        'transform',
        `translate(${-x}px, ${-y}px) ${own === 'none' ? '' : own}`.trim(),
      );
    }
  }
  if (c.barsHidden) s.setProperty('scrollbar-width', 'none');
  if (c.height !== undefined) {
    s.setProperty('height', `${c.height}px`, 'important');
    s.setProperty('max-height', 'none');
  }
  if (c.unroll) s.setProperty('overflow', 'visible');
  if (c.rows) s.setProperty('grid-template-rows', `repeat(${c.rows}, auto)`);
  if (c.flex) for (const child of children) child.style?.setProperty('flex', '0 0 auto');
}

/** Applies the layout's changes to the rasteriser's copy of the view (root copy included). */
export function layoutApply(copy: Element, layout: ViewLayout): void {
  const copies = [copy, ...Array.from(copy.querySelectorAll(`[${PART_ATTR}]`))];
  for (const c of copies) {
    const part = layout.parts[Number(c.getAttribute(PART_ATTR))];
    if (part && c instanceof HTMLElement) changeApply(c, part.change);
    c.removeAttribute(PART_ATTR);
  }
}
