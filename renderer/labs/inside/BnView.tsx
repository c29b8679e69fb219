import { useMemo, useRef } from 'react';
import { bnModel, type BnModel } from '../../../core/labs/inside/model-bn';
import { numLabel } from '../../../core/math/num-format';
import { Tex } from '../../components/Tex';
import { useChartTextScale } from '../../components/text-scale';
import { useInsideStore } from './store';
import { useBoxSize } from './use-box-size';

const ROWS: { key: 'x' | 'yTrain' | 'yEval'; label: string; color: string }[] = [
  { key: 'x', label: 'x (input)', color: '#c8cdd8' },
  { key: 'yTrain', label: 'y, train mode', color: '#e69f00' },
  { key: 'yEval', label: 'y, inference', color: '#56b4e9' },
];

/** The batch, its train-mode outputs and its inference outputs on one number line each. */
function NumberLines({ m }: { m: BnModel }) {
  const ref = useRef<HTMLDivElement>(null);
  const { w, h } = useBoxSize(ref);
  const font = Math.max(14, Math.round(11 * useChartTextScale()));
  const all = [...m.x, ...m.yTrain, ...m.yEval];
  const lo = Math.floor(Math.min(-1, ...all));
  const hi = Math.ceil(Math.max(1, ...all));
  const left = font * 9;
  const X = (v: number) => left + ((v - lo) / (hi - lo)) * (w - left - font);
  const rowH = (h - font * 2) / ROWS.length;
  const step = hi - lo > 12 ? 2 : 1;
  const ticks: number[] = [];
  for (let v = lo; v <= hi; v += step) ticks.push(v);
  return (
    <div ref={ref} className="inside-plane" data-testid="bn-lines">
      {w > 0 && (
        <svg width={w} height={h} role="img" aria-label="Inputs and outputs on number lines">
          {ROWS.map((r, k) => {
            const y = (k + 0.5) * rowH;
            const axis = `M${X(lo).toFixed(1)} ${y.toFixed(1)}L${X(hi).toFixed(1)} ${y.toFixed(1)}${ticks.map((t) => `M${X(t).toFixed(1)} ${(y - 5).toFixed(1)}v10`).join('')}`;
            return (
              <g key={r.key}>
                <text x={0} y={y + font * 0.35} fontSize={font} fill={r.color}>
                  {r.label}
                </text>
                <path d={axis} stroke="#5b6478" fill="none" />
                {m[r.key].map((v, i) => (
                  <circle key={i} cx={X(v)} cy={y} r={font * 0.4} fill={r.color} stroke="#000" />
                ))}
              </g>
            );
          })}
          {ticks.map((t) => (
            <text
              key={t}
              x={X(t)}
              y={h - font * 0.4}
              fontSize={font}
              fill="#c8cdd8"
              textAnchor="middle"
            >
              {String(t).replace('-', '−')}
            </text>
          ))}
        </svg>
      )}
    </div>
  );
}

/**
 * Batch norm step by step for one feature: the batch statistics, the normalised values, γ and β,
 * the running statistics' update (PyTorch's rule) and the same batch in inference mode.
 */
export function BnView() {
  const p = useInsideStore((s) => s.params.bn);
  const seed = useInsideStore((s) => s.params.seed);
  const m = useMemo(() => bnModel(p, seed), [p, seed]);
  return (
    <div className="inside-bn">
      <section className="inside-panel inside-bn-steps" data-testid="bn-formulas">
        <h3>Train mode: the batch’s own statistics</h3>
        {[m.tex.mean, m.tex.variance, m.tex.normalise, m.tex.scale].map((t) => (
          <div key={t} className="inside-line">
            <Tex tex={t} block />
          </div>
        ))}
        <h3>
          Running statistics, momentum {numLabel(p.momentum)}, after {p.history} earlier{' '}
          {p.history === 1 ? 'batch' : 'batches'}
        </h3>
        {[m.tex.runningMean, m.tex.runningVar].map((t) => (
          <div key={t} className="inside-line">
            <Tex tex={t} block />
          </div>
        ))}
        <h3>Inference mode: the running statistics</h3>
        <div className="inside-line">
          <Tex tex={m.tex.eval} block />
        </div>
      </section>
      <div className="inside-bn-side">
        <section className="inside-panel inside-check" data-testid="bn-table">
          <table>
            <thead>
              <tr>
                <th>i</th>
                <th>x</th>
                <th>x̂</th>
                <th>y train</th>
                <th>y inference</th>
              </tr>
            </thead>
            <tbody>
              {m.x.map((x, i) => (
                <tr key={i}>
                  <td>{i + 1}</td>
                  <td>{numLabel(x)}</td>
                  <td>{numLabel(m.xhat[i])}</td>
                  <td>{numLabel(m.yTrain[i])}</td>
                  <td>{numLabel(m.yEval[i])}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <p className="inside-note" data-testid="bn-note">
            {m.single
              ? 'One sample: x̂ = 0 and y = β whatever x is; the running statistics are not updated (PyTorch refuses a batch of one in train mode).'
              : `Unbiased batch variance for the running estimate: σ²·B/(B − 1) = ${numLabel(m.unbiased)}.`}
          </p>
        </section>
        <NumberLines m={m} />
      </div>
    </div>
  );
}
