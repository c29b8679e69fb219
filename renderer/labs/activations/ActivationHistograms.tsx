import type { FlowHistograms } from './flow-buffer';

interface Props {
  histograms: FlowHistograms | null;
  /** Hidden layers in the histograms. */
  depth: number;
  /** The activation's range is finite at both ends: the outer bins then mean saturation. */
  bounded: boolean;
  /** Most layers shown (first and last always among them). */
  maxShown?: number;
}

/** Hidden layers to show: evenly spaced from the first to the last, without repeats. */
export function layersShown(depth: number, k: number): number[] {
  if (depth <= k) return Array.from({ length: depth }, (_, i) => i);
  const out = new Set<number>();
  for (let i = 0; i < k; i++) out.add(Math.round((i * (depth - 1)) / (k - 1)));
  return [...out];
}

const fmt = (v: number) =>
  Math.abs(v) >= 1e4 || (v !== 0 && Math.abs(v) < 1e-2)
    ? v.toExponential(1)
    : String(+v.toPrecision(2));

/**
 * Post-activation histograms of a few hidden layers at the latest streamed step, laid out to fill
 * the panel's height (rows share it), so the deepest layer is always on screen. Each has a value
 * axis (range ends and middle) and a share axis (0 and its tallest bin); the bars stretch with the
 * panel while the labels stay HTML text.
 */
export function ActivationHistograms({ histograms, depth, bounded, maxShown = 6 }: Props) {
  if (!histograms) return <p className="readout">No step yet.</p>;
  const { counts, bins, lo, hi } = histograms;
  const shown = layersShown(depth, maxShown);
  return (
    <div className="act-hists-body">
      <span className="act-axis-title act-hists-ytitle">share of values per bin</span>
      <div
        className="act-hists"
        data-testid="flow-histograms"
        style={{ gridTemplateRows: `repeat(${Math.ceil(shown.length / 2)}, minmax(0, 1fr))` }}
      >
        {shown.map((l) => {
          const row = counts.subarray(l * bins, (l + 1) * bins);
          let max = 0;
          let total = 0;
          for (const c of row) {
            max = Math.max(max, c);
            total += c;
          }
          const edge = total > 0 ? (row[0] + row[bins - 1]) / total : 0;
          const peak = total > 0 ? max / total : 0;
          return (
            <figure key={l} className="act-hist" data-layer={l + 1}>
              <figcaption>
                <span>layer {l + 1}</span>
                {bounded && (
                  <span
                    className="act-at-bounds"
                    title="Share of values in the two outer bins, next to the bounds where the activation saturates"
                  >
                    {Math.round(100 * edge)}%
                  </span>
                )}
              </figcaption>
              <div className="act-hist-y" aria-hidden="true">
                <span className="act-tick">{Math.round(100 * peak)}%</span>
                <span className="act-tick">0</span>
              </div>
              <svg
                viewBox={`0 0 ${bins} 1`}
                preserveAspectRatio="none"
                role="img"
                aria-label={`Layer ${l + 1} activations`}
              >
                {Array.from(row, (c, k) => {
                  const h = max > 0 ? c / max : 0;
                  return (
                    <rect
                      key={k}
                      x={k + 0.06}
                      y={1 - h}
                      width={0.88}
                      height={h}
                      fill={bounded && (k === 0 || k === bins - 1) ? '#E69F00' : '#56B4E9'}
                    />
                  );
                })}
                <line
                  x1={0}
                  x2={bins}
                  y1={1}
                  y2={1}
                  stroke="#9aa6c0"
                  vectorEffect="non-scaling-stroke"
                />
              </svg>
              <div className="act-hist-x" aria-hidden="true">
                <span className="act-tick">{fmt(lo)}</span>
                <span className="act-tick">{fmt((lo + hi) / 2)}</span>
                <span className="act-tick">{fmt(hi)}</span>
              </div>
            </figure>
          );
        })}
      </div>
      <span className="act-axis-title act-hists-xtitle">activation value h = f(z)</span>
    </div>
  );
}
