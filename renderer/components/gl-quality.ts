import * as THREE from 'three';

/**
 * What the machine's WebGL can afford, read once from the renderer string: software rasterisers
 * (SwiftShader, llvmpipe, Microsoft Basic Render) draw every pixel on the CPU, so there the 3D
 * views drop multisampling and draw at one pixel per CSS pixel; a GPU keeps both.
 */
export interface GlQuality {
  /** True when WebGL is drawn on the CPU (or is missing). */
  software: boolean;
  /** The unmasked renderer string, '' when unknown. */
  renderer: string;
}

let cached: GlQuality | null = null;

/** Software rasterisers by their renderer strings. */
export function glSoftwareNamed(renderer: string): boolean {
  return /swiftshader|llvmpipe|softpipe|software|basic render/i.test(renderer);
}

/** Reads the renderer string of a context (and caches what it says). */
function qualityOf(gl: WebGL2RenderingContext | null): GlQuality {
  const info = gl?.getExtension('WEBGL_debug_renderer_info');
  const renderer = info && gl ? String(gl.getParameter(info.UNMASKED_RENDERER_WEBGL)) : '';
  cached = { software: !gl || glSoftwareNamed(renderer), renderer };
  return cached;
}

/** Known already (some context was asked), or null. */
export function glQualityKnown(): GlQuality | null {
  return cached;
}

/** What WebGL is, probed once on a canvas of its own (thrown away after). */
export function glQuality(): GlQuality {
  if (cached) return cached;
  try {
    const gl = document.createElement('canvas').getContext('webgl2');
    qualityOf(gl);
    gl?.getExtension('WEBGL_lose_context')?.loseContext();
  } catch {
    cached = { software: true, renderer: '' };
  }
  return cached!;
}

/**
 * The renderer of a 3D view, made on the view's own canvas as it mounts, as software GL wants it
 * (no multisampling), and what WebGL turned out to be. On software GL every call that waits for
 * the graphics process (three.js makes dozens while it starts) queues behind the first paint of
 * the whole page in that CPU-bound process: made later, by the canvas when it has its size, that
 * took 0.2–0.7 s; made now, before the page paints, it is ready, and no throwaway probe context is
 * needed. On a GPU it is thrown away (null) and the view draws on a fresh canvas with
 * multisampling.
 */
export function glRendererEarly(canvas: HTMLCanvasElement): {
  quality: GlQuality;
  renderer: THREE.WebGLRenderer | null;
} {
  let renderer: THREE.WebGLRenderer;
  try {
    renderer = new THREE.WebGLRenderer({
      canvas,
      antialias: false,
      preserveDrawingBuffer: true,
      powerPreference: 'high-performance',
      alpha: true,
    });
  } catch {
    cached = { software: true, renderer: '' };
    return { quality: cached, renderer: null };
  }
  const quality = qualityOf(renderer.getContext() as WebGL2RenderingContext);
  if (quality.software) {
    // Its drawing buffer at the size the view will give it, before the page paints: resized later,
    // the first resize waited for the page's first paint in the graphics process (0.8 s).
    const box = (canvas.parentElement ?? canvas).getBoundingClientRect();
    if (box.width > 0 && box.height > 0) renderer.setSize(box.width, box.height, false);
    return { quality, renderer };
  }
  renderer.dispose();
  renderer.forceContextLoss();
  return { quality, renderer: null };
}

/**
 * A 2D context for a canvas that is drawn again often (every playback frame, every training
 * step). On software GL the "GPU" that would draw it is the same CPU that composites the page and
 * draws the 3D views, the busiest process; there the canvas is drawn by the page's own process
 * instead (willReadFrequently keeps it in memory) and only its pixels are handed over.
 */
export function canvas2d(canvas: HTMLCanvasElement): CanvasRenderingContext2D | null {
  return canvas.getContext('2d', { willReadFrequently: glQuality().software });
}
