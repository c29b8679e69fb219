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

const W = 120;
const H = 48;

/** Hidden layers to show: evenly spaced from the first to the last, without repeats. */
function layersShown(depth: number, k: number): number[] {
  if (depth <= k) return Array.from({ length: depth }, (_, i) => i);
  const out = new Set<number>();
  for (let i = 0; i < k; i++) out.add(Math.round((i * (depth - 1)) / (k - 1)));
  return [...out];
}

const fmt = (v: number) =>
  Math.abs(v) >= 1e4 || (v !== 0 && Math.abs(v) < 1e-2)
    ? v.toExponential(1)
    : String(+v.toPrecision(2));

/** Post-activation histograms of a few hidden layers at the latest streamed step. */
export function ActivationHistograms({ histograms, depth, bounded, maxShown = 6 }: Props) {
  if (!histograms) return <p className="readout">No step yet.</p>;
  const { counts, bins, lo, hi } = histograms;
  return (
    <div className="act-hists" data-testid="flow-histograms">
      {layersShown(depth, maxShown).map((l) => {
        const row = counts.subarray(l * bins, (l + 1) * bins);
        let max = 0;
        let total = 0;
        for (const c of row) {
          max = Math.max(max, c);
          total += c;
        }
        const edge = total > 0 ? (row[0] + row[bins - 1]) / total : 0;
        return (
          <figure key={l} className="act-hist">
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
            <svg
              viewBox={`0 0 ${W} ${H + 12}`}
              role="img"
              aria-label={`Layer ${l + 1} activations`}
            >
              {Array.from(row, (c, k) => {
                const h = max > 0 ? (H * c) / max : 0;
                return (
                  <rect
                    key={k}
                    x={(k * W) / bins + 0.5}
                    y={H - h}
                    width={W / bins - 1}
                    height={h}
                    fill={bounded && (k === 0 || k === bins - 1) ? '#E69F00' : '#56B4E9'}
                  />
                );
              })}
              <line x1={0} x2={W} y1={H + 0.5} y2={H + 0.5} stroke="#2a3550" />
              <text x={0} y={H + 10} className="act-hist-tick">
                {fmt(lo)}
              </text>
              <text x={W} y={H + 10} textAnchor="end" className="act-hist-tick">
                {fmt(hi)}
              </text>
            </svg>
          </figure>
        );
      })}
    </div>
  );
}
