/**
 * Mesh resolution for "auto": software WebGL (SwiftShader, llvmpipe) draws a 256² mesh at a few
 * frames per second, so it gets 64²; a real GPU gets 256². Read once from the renderer string.
 */
let cached: number | null = null;

export function meshAutoResolution(): number {
  if (cached !== null) return cached;
  let software = false;
  try {
    const gl = document
      .createElement('canvas')
      .getContext('webgl2') as WebGL2RenderingContext | null;
    const info = gl?.getExtension('WEBGL_debug_renderer_info');
    const name = info && gl ? String(gl.getParameter(info.UNMASKED_RENDERER_WEBGL)) : '';
    software = !gl || /swiftshader|llvmpipe|software|basic render/i.test(name);
    gl?.getExtension('WEBGL_lose_context')?.loseContext();
  } catch {
    software = true;
  }
  cached = software ? 64 : 256;
  return cached;
}

/** The coarsest mesh "auto" will step down to. */
export const MESH_AUTO_MIN = 32;

/**
 * Called when frames have been slow for a while: halves the automatic resolution (not below
 * MESH_AUTO_MIN) and returns the new value, or null when it is already at the minimum.
 */
export function meshAutoDowngrade(): number | null {
  const current = meshAutoResolution();
  if (current <= MESH_AUTO_MIN) return null;
  cached = Math.max(MESH_AUTO_MIN, Math.floor(current / 2));
  return cached;
}
