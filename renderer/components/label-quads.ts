/**
 * Text labels for a 3D view, many in one draw: each label is a quad centred on its anchor point
 * and kept at a fixed size in screen pixels (like a sprite without size attenuation), its text
 * cut from one canvas texture that holds every label of the set. Axes draw some twenty labels;
 * as sprites that was twenty draw calls a frame, which software WebGL pays on the CPU.
 */
import * as THREE from 'three';

export interface Label {
  text: string;
  /** Height on screen in CSS px (before the chart text scale). */
  px: number;
  italic?: boolean;
  /** Anchor in the set's local coordinates. */
  at: [number, number, number];
}

/** Uniforms shared by every label set of a view: its size in CSS px and the chart text scale. */
export interface LabelUniforms {
  uViewport: { value: THREE.Vector2 };
  uScale: { value: number };
}

export function labelUniformsCreate(): LabelUniforms {
  return { uViewport: { value: new THREE.Vector2(1, 1) }, uScale: { value: 1 } };
}

const FONT_PX = 44;
/**
 * A label's cell in the texture (its quad shows exactly that) and the rows' pitch: the gap keeps
 * neighbours from bleeding into each other in the smaller mipmaps.
 */
const CELL = 56;
const PITCH = 64;

const vertexShader = /* glsl */ `
uniform vec2 uViewport;
uniform float uScale;
attribute vec2 corner;
attribute vec2 size;
varying vec2 vUv;
void main() {
  vec4 clip = projectionMatrix * modelViewMatrix * vec4(position, 1.0);
  clip.xy += corner * size * uScale * 2.0 / uViewport * clip.w;
  gl_Position = clip;
  vUv = uv;
}`;

const fragmentShader = /* glsl */ `
uniform sampler2D map;
varying vec2 vUv;
void main() {
  gl_FragColor = texture2D(map, vUv);
  #include <tonemapping_fragment>
  #include <colorspace_fragment>
}`;

/**
 * One mesh drawing every label of `labels` in `color`. The texture packs one row per label; each
 * quad's aspect follows its text's measured width.
 */
export function labelQuads(
  labels: readonly Label[],
  color: string,
  uniforms: LabelUniforms,
): THREE.Mesh {
  const canvas = document.createElement('canvas');
  const ctx = canvas.getContext('2d')!;
  const fonts = labels.map((l) => `${l.italic ? 'italic ' : ''}${FONT_PX}px system-ui, sans-serif`);
  const widths = labels.map((l, i) => {
    ctx.font = fonts[i];
    return Math.ceil(ctx.measureText(l.text).width) + 12;
  });
  canvas.width = Math.max(1, ...widths);
  canvas.height = Math.max(1, PITCH * labels.length);
  ctx.fillStyle = color;
  ctx.textBaseline = 'middle';
  labels.forEach((l, i) => {
    ctx.font = fonts[i];
    ctx.fillText(l.text, 6, i * PITCH + 4 + 30);
  });
  const map = new THREE.CanvasTexture(canvas);
  map.colorSpace = THREE.SRGBColorSpace;
  const n = labels.length;
  const position = new Float32Array(n * 12);
  const corner = new Float32Array(n * 8);
  const size = new Float32Array(n * 8);
  const uv = new Float32Array(n * 8);
  const index = new Uint16Array(n * 6);
  const corners = [-0.5, -0.5, 0.5, -0.5, 0.5, 0.5, -0.5, 0.5];
  labels.forEach((l, i) => {
    const u1 = widths[i] / canvas.width;
    const v0 = 1 - (i * PITCH + 4 + CELL) / canvas.height;
    const v1 = 1 - (i * PITCH + 4) / canvas.height;
    const uvs = [0, v0, u1, v0, u1, v1, 0, v1];
    for (let c = 0; c < 4; c++) {
      position.set(l.at, 12 * i + 3 * c);
      corner.set(corners.slice(2 * c, 2 * c + 2), 8 * i + 2 * c);
      size.set([l.px * (widths[i] / CELL), l.px], 8 * i + 2 * c);
      uv.set(uvs.slice(2 * c, 2 * c + 2), 8 * i + 2 * c);
    }
    index.set(
      [0, 1, 2, 0, 2, 3].map((k) => 4 * i + k),
      6 * i,
    );
  });
  const g = new THREE.BufferGeometry();
  g.setAttribute('position', new THREE.BufferAttribute(position, 3));
  g.setAttribute('corner', new THREE.BufferAttribute(corner, 2));
  g.setAttribute('size', new THREE.BufferAttribute(size, 2));
  g.setAttribute('uv', new THREE.BufferAttribute(uv, 2));
  g.setIndex(new THREE.BufferAttribute(index, 1));
  const material = new THREE.ShaderMaterial({
    uniforms: { ...uniforms, map: { value: map } },
    vertexShader,
    fragmentShader,
    transparent: true,
    depthTest: false,
    depthWrite: false,
    // An axis group mirrored to face the camera flips the anchors, not the screen-space quads:
    // both windings are drawn, in one pass.
    side: THREE.DoubleSide,
    forceSinglePass: true,
  });
  const mesh = new THREE.Mesh(g, material);
  mesh.renderOrder = 10;
  mesh.frustumCulled = false; // quads grow on screen past the anchors' bounds
  mesh.raycast = () => {}; // labels are not picked
  return mesh;
}

/** Frees a label set's geometry, material and texture. */
export function labelQuadsDispose(mesh: THREE.Mesh): void {
  const material = mesh.material as THREE.ShaderMaterial;
  (material.uniforms.map.value as THREE.Texture).dispose();
  material.dispose();
  mesh.geometry.dispose();
}
