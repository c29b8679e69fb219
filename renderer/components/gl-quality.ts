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

export function glQuality(): GlQuality {
  if (cached) return cached;
  let renderer = '';
  let missing = false;
  try {
    const gl = document
      .createElement('canvas')
      .getContext('webgl2') as WebGL2RenderingContext | null;
    missing = !gl;
    const info = gl?.getExtension('WEBGL_debug_renderer_info');
    renderer = info && gl ? String(gl.getParameter(info.UNMASKED_RENDERER_WEBGL)) : '';
    gl?.getExtension('WEBGL_lose_context')?.loseContext();
  } catch {
    missing = true;
  }
  cached = { software: missing || glSoftwareNamed(renderer), renderer };
  return cached;
}

/** Canvas settings for the 3D views: full quality on a GPU, the cheap path on software GL. */
export function glCanvasSettings(): { antialias: boolean; dpr: number | [number, number] } {
  return glQuality().software ? { antialias: false, dpr: 1 } : { antialias: true, dpr: [1, 2] };
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
