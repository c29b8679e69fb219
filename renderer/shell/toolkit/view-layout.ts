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

export type PartChange =
  /** A box shown at `height` px; `unroll` also drops its scrolling; `rows` grid rows become auto. */
  | { kind: 'grow'; height: number; unroll: boolean; rows: number; flex: boolean }
  /** A scroll container left as on screen: its children are shifted by its scroll offset. */
  | { kind: 'scrolled'; x: number; y: number }
  /** A form control's state, which lives in properties that copying an element leaves behind. */
  | { kind: 'control'; checked: boolean | null; selected: number | null };

export interface ViewLayout {
  /** CSS pixels of the picture. */
  width: number;
  height: number;
  parts: { el: Element; change: PartChange }[];
}

const scrolls = (v: string) => v === 'auto' || v === 'scroll';

function gridRows(style: CSSStyleDeclaration): number {
  if (!style.display.endsWith('grid')) return 0;
  return (style.gridTemplateRows.match(/-?[\d.]+px/g) ?? []).length;
}

function grow(el: Element, height: number, unroll: boolean): PartChange {
  const style = getComputedStyle(el);
  return {
    kind: 'grow',
    height,
    unroll,
    rows: gridRows(style),
    flex: style.display.endsWith('flex'),
  };
}

/** The picture's size and the changes that unroll the view's scrolling panels (live DOM). */
export function viewLayout(root: HTMLElement): ViewLayout {
  const unrolled: (Overflow & { el: HTMLElement })[] = [];
  const parts: ViewLayout['parts'] = [];
  for (const el of Array.from(root.querySelectorAll<HTMLElement>('*'))) {
    if (!(el instanceof HTMLElement)) continue;
    const hidden = el.scrollHeight - el.clientHeight;
    if (hidden <= 1 && el.scrollTop === 0 && el.scrollLeft === 0) continue;
    if (unrolled.some((u) => u.el.contains(el))) continue;
    const style = getComputedStyle(el);
    const keep = el.closest(KEEP_SCROLLED) !== null;
    if (!keep && hidden > 1 && scrolls(style.overflowY)) {
      const box = el.getBoundingClientRect();
      unrolled.push({ el, x0: box.left, x1: box.right, extra: hidden });
      parts.push({ el, change: grow(el, parseFloat(style.height) + hidden, true) });
    } else if (el.scrollTop !== 0 || el.scrollLeft !== 0) {
      parts.push({ el, change: { kind: 'scrolled', x: el.scrollLeft, y: el.scrollTop } });
    }
  }
  for (const el of Array.from(root.querySelectorAll('select, input'))) {
    if (el instanceof HTMLSelectElement)
      parts.push({ el, change: { kind: 'control', checked: null, selected: el.selectedIndex } });
    else if (el instanceof HTMLInputElement && (el.type === 'checkbox' || el.type === 'radio'))
      parts.push({ el, change: { kind: 'control', checked: el.checked, selected: null } });
  }
  // Every box between an unrolled panel and the root grows with it.
  const inside = new Map<Element, Overflow[]>();
  for (const u of unrolled) {
    for (let p = u.el.parentElement; p && p !== root; p = p.parentElement)
      inside.set(p, [...(inside.get(p) ?? []), u]);
  }
  for (const [el, list] of inside) {
    const height = parseFloat(getComputedStyle(el).height) + overflowGrowth(list);
    parts.push({ el, change: grow(el, height, false) });
  }
  const box = root.getBoundingClientRect();
  const width = Math.ceil(Math.max(box.width, root.scrollWidth));
  const height = Math.ceil(Math.max(box.height, root.scrollHeight) + overflowGrowth(unrolled));
  parts.push({ el: root, change: grow(root, height, true) });
  return { width, height, parts };
}

/** Marks the live elements so their copies can be found; returns the undo. */
export function layoutMark(layout: ViewLayout): () => void {
  layout.parts.forEach((p, i) => p.el.setAttribute(PART_ATTR, String(i)));
  return () => layout.parts.forEach((p) => p.el.removeAttribute(PART_ATTR));
}

function changeApply(copy: HTMLElement, change: PartChange): void {
  const s = copy.style;
  if (change.kind === 'control') {
    if (change.checked !== null) copy.toggleAttribute('checked', change.checked);
    Array.from(copy.querySelectorAll('option')).forEach((o, i) =>
      o.toggleAttribute('selected', i === change.selected),
    );
    return;
  }
  if (change.kind === 'scrolled') {
    for (const child of Array.from(copy.children) as HTMLElement[]) {
      const own = child.style.transform;
      child.style.transform =
        `translate(${-change.x}px, ${-change.y}px) ${own === 'none' ? '' : own}`.trim();
    }
    return;
  }
  s.setProperty('height', `${change.height}px`, 'important');
  s.setProperty('max-height', 'none');
  if (change.unroll) s.setProperty('overflow', 'visible');
  if (change.rows > 0) s.setProperty('grid-template-rows', `repeat(${change.rows}, auto)`);
  if (change.flex)
    for (const child of Array.from(copy.children) as HTMLElement[])
      child.style?.setProperty('flex', '0 0 auto');
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
