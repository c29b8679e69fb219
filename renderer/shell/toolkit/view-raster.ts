/**
 * Rasterises a lab's whole view — HTML panels, KaTeX, legends, readouts, canvases and chart SVGs —
 * with modern-screenshot: the DOM is copied with its computed styles into an SVG foreignObject and
 * drawn as an image. Canvases (WebGL ones keep their drawing buffer) go in as images of their
 * pixels. Web fonts go in as data: URLs read from the app's own files (view-fonts.ts), so nothing
 * is ever fetched from elsewhere; the page's pending font loads finish first, and the image is
 * decoded before it is drawn.
 *
 * One rasteriser serves every frame of a recording: the default styles it compares against and
 * the encoded fonts are kept between frames.
 */
import type { Context } from 'modern-screenshot';
import { fileDataUrl, fontFacesEmbed } from './view-fonts';
import { layoutApply, layoutMark, viewBackground, type ViewLayout } from './view-layout';
import { VIEW_STYLE_PROPERTIES } from './view-styles';

export interface ViewRaster {
  /**
   * The view laid out as `layout` says, as a decoded SVG image `layout.width × layout.height`
   * CSS pixels large. Drawn into a canvas at any size it is rasterised sharp at that size.
   */
  draw(layout: ViewLayout, signal?: AbortSignal): Promise<HTMLImageElement>;
  close(): void;
}

export interface RasterOptions {
  /**
   * How canvases enter the picture: 'png' keeps every pixel (picture export); 'jpeg' (q 0.92,
   * on the colour behind the canvas) is several times quicker to encode and decode, for video
   * frames, which VP9 compresses far more anyway.
   */
  canvases: 'png' | 'jpeg';
}

const DEFAULT_STYLES: Context['defaultComputedStyles'] = new Map();

/** C0 control characters other than tab, line feed and carriage return: not allowed in XML. */
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F]/;
const CONTROLS = new RegExp(CONTROL.source, 'g');

/** Drops characters XML cannot hold from the copy's text and attributes (else the SVG is void). */
function xmlClean(copy: Node): void {
  const walker = document.createTreeWalker(copy, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT);
  for (let n: Node | null = copy; n; n = walker.nextNode()) {
    if (n instanceof Text) {
      if (CONTROL.test(n.data)) n.data = n.data.replace(CONTROLS, '');
    } else if (n instanceof Element) {
      for (const a of Array.from(n.attributes))
        if (CONTROL.test(a.value)) a.value = a.value.replace(CONTROLS, '');
    }
  }
}

/**
 * While the view is copied, its canvases answer `toDataURL` with `encode(canvas)` (the copier
 * reads them that way); returns the undo.
 */
function canvasEncodeOverride(
  root: HTMLElement,
  encode: (c: HTMLCanvasElement) => string,
): () => void {
  const canvases = Array.from(root.querySelectorAll('canvas'));
  for (const c of canvases)
    Object.defineProperty(c, 'toDataURL', { configurable: true, value: () => encode(c) });
  return () => canvases.forEach((c) => delete (c as { toDataURL?: unknown }).toDataURL);
}

/** Opens a rasteriser for the view under `root`; close it when done. */
export async function viewRasterOpen(
  root: HTMLElement,
  options: RasterOptions = { canvases: 'png' },
): Promise<ViewRaster> {
  const { createContext, destroyContext, domToForeignObjectSvg } =
    await import('modern-screenshot');
  let layout: ViewLayout | null = null;
  let undo: (() => void)[] = [];
  const undoAll = () => {
    undo.forEach((u) => u());
    undo = [];
  };
  const flat = document.createElement('canvas');
  const jpeg = (c: HTMLCanvasElement) => {
    flat.width = c.width;
    flat.height = c.height;
    const g = flat.getContext('2d', { alpha: false, willReadFrequently: true })!;
    g.fillStyle = viewBackground(c);
    g.fillRect(0, 0, c.width, c.height);
    g.drawImage(c, 0, 0);
    return flat.toDataURL('image/jpeg', 0.92);
  };
  let context: Context<HTMLElement> | null = null;
  context = await createContext(root, {
    font: {},
    includeStyleProperties: [...VIEW_STYLE_PROPERTIES],
    // Done by xmlClean on the copy: the library's pass over the whole serialised SVG (canvas
    // images included) took longer than the rest of a frame's drawing.
    features: { removeControlCharacter: false },
    // Images inside the view (none today) are read like the fonts: the app's own files only.
    fetchFn: (url) => fileDataUrl(url).catch(() => false as const),
    onCloneNode: async (copy) => {
      undoAll();
      if (layout && copy instanceof Element) layoutApply(copy, layout);
      xmlClean(copy);
      const families = new Set(context!.fontFamilies.keys());
      // A non-empty text, so the library never looks the fonts up itself.
      context!.font = { cssText: (await fontFacesEmbed(families)) || '/* system fonts only */' };
    },
  });
  const ctx = context;
  // Default styles per element kind are the browser's, the same all session: shared by every
  // rasteriser, so a second picture does not measure them again.
  ctx.defaultComputedStyles = DEFAULT_STYLES;
  // The library fills these per picture; a fresh set for each (as its domToCanvas does).
  const styleBlank = ctx.svgStyleElement?.cloneNode(true) as HTMLStyleElement | undefined;
  const svgMarkup = async (): Promise<string> => {
    try {
      return new XMLSerializer().serializeToString(await domToForeignObjectSvg(ctx));
    } finally {
      ctx.svgStyleElement = styleBlank?.cloneNode(true) as HTMLStyleElement | undefined;
      ctx.svgDefsElement = document.createElementNS('http://www.w3.org/2000/svg', 'defs');
      ctx.svgStyles.clear();
    }
  };
  return {
    async draw(next, signal) {
      await document.fonts.ready;
      signal?.throwIfAborted();
      layout = next;
      ctx.width = next.width;
      ctx.height = next.height;
      undo.push(layoutMark(next));
      if (options.canvases === 'jpeg') undo.push(canvasEncodeOverride(root, jpeg));
      let markup: string;
      try {
        markup = await svgMarkup();
      } finally {
        undoAll();
      }
      signal?.throwIfAborted();
      // A data: URL: an SVG image with HTML inside taints the canvas it is drawn on when it
      // comes from a blob: URL, and a recording must read its frames back.
      const img = new Image(next.width, next.height);
      img.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(markup)}`;
      await img.decode();
      return img;
    },
    close: () => {
      // destroyContext empties the map it holds: hand it a throwaway one.
      ctx.defaultComputedStyles = new Map();
      destroyContext(ctx);
    },
  };
}
