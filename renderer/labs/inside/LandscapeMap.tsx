/**
 * The landscape as a heat map with contour lines on a 2D canvas (α to the right, β up), log-scaled
 * colours, the trained weights θ* at the centre (white cross) and the weights after each epoch
 * projected onto the (δ, η) plane (orange line from θ₀, open circle).
 */
import { useEffect, useRef } from 'react';
import { contourLevels, contourSegments } from '../../../core/math/contours';
import type { LandscapeResult } from '../../../core/labs/inside/sim-landscape';
import { colormapViridis } from '../../components/colormap';
import { useBoxSize } from './use-box-size';

/** log(L − min + tiny), mapped to [0, 1] over the grid. */
function logScale(values: Float64Array): (v: number) => number {
  let min = Infinity;
  let max = -Infinity;
  for (const v of values) {
    if (v < min) min = v;
    if (v > max) max = v;
  }
  const eps = Math.max(1e-9, (max - min) * 1e-4);
  const lo = Math.log(eps);
  const hi = Math.log(max - min + eps);
  return (v) => (Math.log(v - min + eps) - lo) / Math.max(1e-12, hi - lo);
}

function draw(c: HTMLCanvasElement, r: LandscapeResult, w: number, h: number) {
  const dpr = window.devicePixelRatio || 1;
  c.width = Math.round(w * dpr);
  c.height = Math.round(h * dpr);
  const g = c.getContext('2d');
  if (!g) return;
  g.setTransform(dpr, 0, 0, dpr, 0, 0);
  const n = r.res;
  const side = Math.min(w, h);
  const x0 = (w - side) / 2;
  const y0 = (h - side) / 2;
  // Cell (i, j) centre at grid coordinate i, j; the image spans [−0.5, n − 0.5].
  const px = (i: number) => x0 + ((i + 0.5) / n) * side;
  const py = (j: number) => y0 + side - ((j + 0.5) / n) * side;
  const scale = logScale(r.values);
  const img = g.createImageData(n, n);
  const rgb = [0, 0, 0];
  for (let j = 0; j < n; j++) {
    for (let i = 0; i < n; i++) {
      colormapViridis(scale(r.values[j * n + i]), rgb);
      const o = 4 * ((n - 1 - j) * n + i);
      img.data[o] = rgb[0] * 255;
      img.data[o + 1] = rgb[1] * 255;
      img.data[o + 2] = rgb[2] * 255;
      img.data[o + 3] = 255;
    }
  }
  const tmp = document.createElement('canvas');
  tmp.width = n;
  tmp.height = n;
  tmp.getContext('2d')?.putImageData(img, 0, 0);
  g.imageSmoothingEnabled = true;
  g.drawImage(tmp, x0, y0, side, side);
  g.strokeStyle = 'rgba(255,255,255,0.55)';
  g.lineWidth = 1;
  g.beginPath();
  for (const level of contourLevels(r.values, 14, 'log')) {
    const s = contourSegments(r.values, n, level);
    for (let k = 0; k < s.length; k += 4) {
      g.moveTo(px(s[k]), py(s[k + 1]));
      g.lineTo(px(s[k + 2]), py(s[k + 3]));
    }
  }
  g.stroke();
  // α, β to grid coordinates.
  const gi = (a: number) => ((a + r.span) / (2 * r.span)) * (n - 1);
  g.save();
  g.beginPath();
  g.rect(x0, y0, side, side);
  g.clip();
  g.strokeStyle = '#e69f00';
  g.lineWidth = 2.5;
  g.beginPath();
  for (let k = 0; k < r.pathAlpha.length; k++) {
    const X = px(gi(r.pathAlpha[k]));
    const Y = py(gi(r.pathBeta[k]));
    if (k === 0) g.moveTo(X, Y);
    else g.lineTo(X, Y);
  }
  g.stroke();
  g.beginPath();
  g.arc(px(gi(r.pathAlpha[0])), py(gi(r.pathBeta[0])), 6, 0, 2 * Math.PI);
  g.stroke();
  g.restore();
  const cx = px(gi(0));
  const cy = py(gi(0));
  g.strokeStyle = '#ffffff';
  g.lineWidth = 2.5;
  g.beginPath();
  g.moveTo(cx - 8, cy);
  g.lineTo(cx + 8, cy);
  g.moveTo(cx, cy - 8);
  g.lineTo(cx, cy + 8);
  g.stroke();
  g.fillStyle = '#e6e9f0';
  g.font = '17px sans-serif';
  g.fillText(`α ∈ [−${r.span}, ${r.span}] →`, x0 + 6, y0 + side - 8);
  g.save();
  g.translate(x0 + 18, y0 + side - 40);
  g.rotate(-Math.PI / 2);
  g.fillText(`β ∈ [−${r.span}, ${r.span}] →`, 0, 0);
  g.restore();
}

export function LandscapeMap({ result }: { result: LandscapeResult | null }) {
  const box = useRef<HTMLDivElement>(null);
  const canvas = useRef<HTMLCanvasElement>(null);
  const { w, h } = useBoxSize(box);
  useEffect(() => {
    if (canvas.current && result && w > 0 && h > 0) draw(canvas.current, result, w, h);
  }, [result, w, h]);
  return (
    <div ref={box} className="inside-landscape-map">
      <canvas
        ref={canvas}
        style={{ width: w, height: h, display: 'block' }}
        data-testid="landscape-map"
        aria-label="Loss landscape heat map with contour lines and the training path"
      />
    </div>
  );
}
