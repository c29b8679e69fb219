// Draws the ML Math Lab icon procedurally and writes build/icons/NxN.png, build/icon.png (1024)
// and build/icon.ico. Motif: the contour map of a curved valley (a bent quadratic bowl) coloured
// from deep indigo at the rim to aqua at the minimum, with an orange gradient-descent trajectory
// zig-zagging down into it, on a dark rounded square. Run: node scripts/make-icons.mjs
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { encodeIco, encodePng } from './icon-encode.mjs';

const SIZES = [16, 24, 32, 48, 64, 128, 256, 512, 1024];
const ICO_SIZES = [16, 24, 32, 48, 64, 128, 256];

const clamp01 = (x) => (x < 0 ? 0 : x > 1 ? 1 : x);
const mix = (a, b, t) => [
  a[0] + (b[0] - a[0]) * t,
  a[1] + (b[1] - a[1]) * t,
  a[2] + (b[2] - a[2]) * t,
];
const hex = (h) => [1, 3, 5].map((i) => parseInt(h.slice(i, i + 2), 16) / 255);

/** Colour stops from the rim (t = 0) to the minimum (t = 1). */
const RAMP = ['#32288a', '#35449e', '#2a74b8', '#2aa5b3', '#5fd3c0', '#b8f2df'].map(hex);
function ramp(t) {
  const x = clamp01(t) * (RAMP.length - 1);
  const i = Math.min(RAMP.length - 2, Math.floor(x));
  return mix(RAMP[i], RAMP[i + 1], x - i);
}

const BG_TOP = hex('#1d2438');
const BG_BOTTOM = hex('#0a0d17');
const ORANGE = hex('#ff8a24');
const ORANGE_LIGHT = hex('#ffc27a');
const INK = hex('#0b0f1c');
const WHITE = [1, 1, 1];

// The valley: rotated frame centred at CENTER, long semi-axis A, short semi-axis B, bent by BEND.
const CENTER = [0.5, 0.5];
const ANGLE = (28 * Math.PI) / 180;
const A = 0.39;
const B = 0.19;
const BEND = 0.3;
const COS = Math.cos(ANGLE);
const SIN = Math.sin(ANGLE);

/** Icon coordinates (u right, v down, both in [0, 1]) → valley frame. */
function toValley(u, v) {
  const x = u - CENTER[0];
  const y = v - CENTER[1];
  return [COS * x + SIN * y, -SIN * x + COS * y];
}
function fromValley(p1, p2) {
  return [CENTER[0] + COS * p1 - SIN * p2, CENTER[1] + SIN * p1 + COS * p2];
}
/** The loss g in the valley frame: a quadratic bowl whose narrow axis bends with p1. */
function loss(p1, p2) {
  const q = p2 - BEND * p1 * p1;
  return (p1 / A) ** 2 + (q / B) ** 2;
}
function lossGrad(p1, p2) {
  const q = p2 - BEND * p1 * p1;
  const dq = (2 * q) / (B * B);
  return [(2 * p1) / (A * A) - dq * 2 * BEND * p1, dq];
}
/** ρ = √g: 1 on the outer contour, 0 at the minimum; contours of ρ are evenly spaced. */
const rho = (u, v) => Math.sqrt(loss(...toValley(u, v)));

/** Plain gradient descent on g with a step that overshoots across the narrow axis. */
function trajectory() {
  let p = [-0.8 * A, BEND * (0.8 * A) ** 2 - 0.58 * B];
  const eta = 0.84 * B * B;
  const points = [fromValley(...p)];
  for (let k = 0; k < 40 && loss(...p) > 1e-5; k++) {
    const g = lossGrad(...p);
    p = [p[0] - eta * g[0], p[1] - eta * g[1]];
    points.push(fromValley(...p));
  }
  return points;
}
const PATH = trajectory();

function roundedRectDistance(u, v, inset, radius) {
  const h = 0.5 - inset - radius;
  const qx = Math.abs(u - 0.5) - h;
  const qy = Math.abs(v - 0.5) - h;
  const outside = Math.hypot(Math.max(qx, 0), Math.max(qy, 0));
  return outside + Math.min(Math.max(qx, qy), 0) - radius;
}

function segmentDistance(u, v, a, b) {
  const dx = b[0] - a[0];
  const dy = b[1] - a[1];
  const t = clamp01(((u - a[0]) * dx + (v - a[1]) * dy) / (dx * dx + dy * dy || 1));
  return Math.hypot(u - a[0] - t * dx, v - a[1] - t * dy);
}
function pathDistance(u, v) {
  let d = Infinity;
  for (let i = 1; i < PATH.length; i++)
    d = Math.min(d, segmentDistance(u, v, PATH[i - 1], PATH[i]));
  return d;
}

/** Iterates that get a dot: those clear of the previous dot and of the end marker. */
function dotIndices(lod) {
  if (lod.dotIndices) return lod.dotIndices;
  const last = PATH[PATH.length - 1];
  const picked = [];
  for (let i = 0; i < PATH.length - 1; i++) {
    const p = PATH[i];
    const prev = picked.length ? PATH[picked[picked.length - 1]] : null;
    const clearOfPrev = !prev || Math.hypot(p[0] - prev[0], p[1] - prev[1]) > 2 * lod.dot;
    if (clearOfPrev && Math.hypot(p[0] - last[0], p[1] - last[1]) > lod.end + lod.dot)
      picked.push(i);
  }
  lod.dotIndices = picked;
  return picked;
}

/** Coverage of a shape with signed distance d (negative inside) for a sample of footprint px. */
const cover = (d, px) => clamp01(0.5 - d / px);

/** Level of detail: small icons get fewer bands, no contour lines and bolder strokes. */
function detail(size) {
  const small = size <= 32;
  const px = 1 / size;
  return {
    inset: small ? 0.02 : 0.06,
    zoom: small ? 1.22 : size <= 64 ? 1.1 : 1,
    radius: small ? 0.16 : 0.2,
    bands: small ? 4 : size <= 64 ? 6 : 9,
    contour: small ? 0 : Math.max(0.0045, 0.9 * px),
    stroke: Math.max(0.024, 1.3 * px),
    outline: Math.max(0.012, (small ? 0.5 : 0.8) * px),
    dot: small ? 0 : Math.max(0.026, 1.6 * px),
    end: Math.max(0.045, 2.2 * px),
    shadow: !small,
  };
}

/** Colour (straight RGB) and alpha of one sample at icon coordinates (u, v). */
function sample(u, v, px, lod) {
  const bgD = roundedRectDistance(u, v, lod.inset, lod.radius);
  const bgA = cover(bgD, px);
  let shadowA = 0;
  if (lod.shadow) {
    const sd = roundedRectDistance(u, v - 0.012, lod.inset, lod.radius);
    shadowA = 0.45 * clamp01(1 - Math.max(sd, 0) / 0.035) ** 2;
  }
  if (bgA <= 0) return [[0, 0, 0], shadowA];

  const sheen = 0.05 * clamp01(1 - Math.hypot(u - 0.3, v - 0.15) / 0.6);
  let c = mix(BG_TOP, BG_BOTTOM, clamp01((v - lod.inset) / (1 - 2 * lod.inset)));
  c = mix(c, WHITE, sheen);

  // The motif is drawn larger on small icons: (u, v) and px become motif coordinates.
  px /= lod.zoom;
  u = (u - 0.5) / lod.zoom + 0.5;
  v = (v - 0.5) / lod.zoom + 0.5;

  // The bowl: filled contour bands with a soft light from the upper left.
  const r = rho(u, v);
  const e = 1e-4;
  const gu = (rho(u + e, v) - rho(u - e, v)) / (2 * e);
  const gv = (rho(u, v + e) - rho(u, v - e)) / (2 * e);
  const gn = Math.hypot(gu, gv) || 1;
  const rimA = cover((r - 1) / gn, px);
  if (rimA > 0) {
    const band = Math.min(lod.bands - 1, Math.floor(r * lod.bands));
    let fill = ramp(1 - (band + 0.5) / lod.bands);
    const light = (-gu * -0.6 + -gv * -0.8) / gn; // facing the light when the wall slopes away
    fill = light > 0 ? mix(fill, WHITE, 0.04 * light) : mix(fill, INK, -0.08 * light);
    c = mix(c, fill, rimA);
    if (lod.contour > 0 && r < 1 + px) {
      const nearest = Math.round(r * lod.bands) / lod.bands;
      if (nearest > 0) {
        const d = Math.abs(r - nearest) / gn - lod.contour / 2;
        c = mix(c, INK, 0.45 * cover(d, px) * rimA);
      }
    }
  }

  // The descent: a dark outline, the orange path, a dot per step and a bright end point.
  const pd = pathDistance(u, v);
  c = mix(c, INK, 0.85 * cover(pd - lod.stroke / 2 - lod.outline, px));
  c = mix(c, ORANGE, cover(pd - lod.stroke / 2, px));
  if (lod.dot > 0) {
    for (const i of dotIndices(lod)) {
      const d = Math.hypot(u - PATH[i][0], v - PATH[i][1]);
      c = mix(c, INK, 0.85 * cover(d - lod.dot / 2 - lod.outline, px));
      c = mix(c, i === 0 ? ORANGE_LIGHT : ORANGE, cover(d - lod.dot / 2, px));
    }
  }
  const last = PATH[PATH.length - 1];
  const dEnd = Math.hypot(u - last[0], v - last[1]);
  c = mix(c, INK, 0.9 * cover(dEnd - lod.end / 2 - lod.outline, px));
  c = mix(c, ORANGE, cover(dEnd - lod.end / 2, px));
  c = mix(c, WHITE, cover(dEnd - lod.end / 4, px));

  // The background clips everything; outside it only the drop shadow remains.
  const a = bgA + shadowA * (1 - bgA);
  return [c.map((x) => (x * bgA) / (a || 1)), a];
}

/**
 * Renders the icon at one size into straight RGBA bytes (s × s samples per pixel for small sizes,
 * plus analytic edge coverage at every size).
 */
function render(size) {
  const lod = detail(size);
  const s = Math.max(1, Math.ceil(96 / size));
  const px = 1 / (size * s);
  const rgba = new Uint8Array(size * size * 4);
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      let r = 0;
      let g = 0;
      let b = 0;
      let a = 0;
      for (let j = 0; j < s; j++) {
        for (let i = 0; i < s; i++) {
          const [c, alpha] = sample(
            (x + (i + 0.5) / s) / size,
            (y + (j + 0.5) / s) / size,
            px,
            lod,
          );
          r += c[0] * alpha;
          g += c[1] * alpha;
          b += c[2] * alpha;
          a += alpha;
        }
      }
      const at = 4 * (y * size + x);
      const n = s * s;
      rgba[at] = Math.round((255 * r) / (a || 1));
      rgba[at + 1] = Math.round((255 * g) / (a || 1));
      rgba[at + 2] = Math.round((255 * b) / (a || 1));
      rgba[at + 3] = Math.round((255 * a) / n);
    }
  }
  return rgba;
}

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const iconsDir = path.join(root, 'build', 'icons');
mkdirSync(iconsDir, { recursive: true });
const pngs = new Map();
for (const size of SIZES) {
  const png = encodePng(render(size), size, size);
  pngs.set(size, png);
  writeFileSync(path.join(iconsDir, `${size}x${size}.png`), png);
  console.log(`build/icons/${size}x${size}.png  ${png.length} bytes`);
}
writeFileSync(path.join(root, 'build', 'icon.png'), pngs.get(1024));
const ico = encodeIco(ICO_SIZES.map((size) => ({ size, png: pngs.get(size) })));
writeFileSync(path.join(root, 'build', 'icon.ico'), ico);
console.log(
  `build/icon.png (1024) and build/icon.ico (${ICO_SIZES.join(', ')}; ${ico.length} bytes)`,
);
