import { useMemo } from 'react';
import { Bar, BarChart, CartesianGrid, ResponsiveContainer, XAxis, YAxis } from 'recharts';
import { DENSITY_RANGE, likelihoodModel } from '../../../core/labs/losses/model-likelihood';
import type { LossesParams } from '../../../core/labs/losses/params';
import type { RegressionLossId } from '../../../core/ml/losses-regression';
import { Tex, texNum } from '../../components/Tex';
import { useChartTextScale } from '../../components/text-scale';
import { axisProps, chartMargin, yTitle } from './chart-parts';
import { CLASS_COLOR, INK, LOSS_COLOR, LOSS_NAME } from './colors';
import { CurveChart } from './CurveChart';
import { useLossesStore } from './store';

const NOISE: Record<RegressionLossId, string> = {
  mse: 'Gaussian, σ² = ½',
  mae: 'Laplace, scale 1',
  huber: 'Gaussian middle, Laplace tails',
  logcosh: 'hyperbolic secant, sech r / π',
  quantile: 'asymmetric Laplace',
};

const num = (v: number) => String(+v.toPrecision(4));

function CategoricalBars({ p, t }: { p: number[]; t: number[] }) {
  const k = useChartTextScale();
  const rows = p.map((v, i) => ({ x: `class ${i + 1}`, p: v, t: t[i] }));
  return (
    <div className="loss-chart" data-testid="categorical-bars">
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={rows} margin={chartMargin(k)}>
          <CartesianGrid stroke={INK.grid} strokeDasharray="3 3" />
          <XAxis dataKey="x" height={24 * k} {...axisProps(k)} />
          <YAxis
            domain={[0, 1]}
            ticks={[0, 0.5, 1]}
            width={40 * k}
            label={yTitle('probability', k)}
            {...axisProps(k)}
          />
          <Bar dataKey="p" fill={CLASS_COLOR.pos} isAnimationActive={false} />
          <Bar dataKey="t" fill={INK.axis} isAnimationActive={false} />
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}

/** Each loss as the negative log of a noise density, the best constant it picks, and BCE / CE as likelihoods. */
export function LikelihoodView({ params }: { params: LossesParams }) {
  const m = useMemo(() => likelihoodModel(params), [params]);
  const setParams = useLossesStore((s) => s.setParams);
  const cat = m.categorical;
  const marks = m.estimates
    .filter((e) => m.ids.includes(e.id))
    .map((e) => ({ at: e.value, color: LOSS_COLOR[e.id] }));
  const pTex = cat.probabilities.map((v) => texNum(v, 3)).join(',\\ ');
  const tTex = cat.target.map((v) => texNum(v, 3)).join(',\\ ');
  const gTex = cat.gradient.map((v) => texNum(v, 3)).join(',\\ ');
  return (
    <section className="loss-likelihood" aria-label="Losses as likelihoods">
      <div className="loss-panel">
        <h3>Noise each loss assumes: p(r) = e^(−ρ(r)) / Z</h3>
        <CurveChart
          testId="noise-densities"
          rows={m.densityRows}
          series={m.ids.map((id) => ({ key: id, color: LOSS_COLOR[id] }))}
          xDomain={[-DENSITY_RANGE, DENSITY_RANGE]}
          xLabel="residual r"
          yLabel="density p(r)"
        />
        <table className="loss-table" data-testid="noise-table">
          <tbody>
            {m.ids.map((id) => (
              <tr key={id}>
                <th scope="row">
                  <i className="loss-swatch" style={{ background: LOSS_COLOR[id] }} />
                  {LOSS_NAME[id]}
                </th>
                <td className="loss-left">{NOISE[id]}</td>
                <td>Z = {num(m.normalisers[id])}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <div className="loss-panel">
        <h3>Best constant c for the outlier view’s targets (dotted: each loss’s minimiser)</h3>
        <CurveChart
          testId="location-curves"
          rows={m.locationRows}
          series={m.ids.map((id) => ({ key: id, color: LOSS_COLOR[id] }))}
          xDomain={m.locationRange}
          yDomain={[0, 1]}
          xLabel="constant prediction c (white dots: the targets)"
          yLabel="L(c), scaled to [0, 1]"
          marks={marks}
          dots={{ points: m.targets.map((y) => ({ x: y, y: 0 })), color: INK.text }}
        />
        <table className="loss-table" data-testid="location-table">
          <tbody>
            {m.estimates
              .filter((e) => m.ids.includes(e.id))
              .map((e) => (
                <tr key={e.id} data-loss={e.id}>
                  <th scope="row">
                    <i className="loss-swatch" style={{ background: LOSS_COLOR[e.id] }} />
                    {LOSS_NAME[e.id]}
                  </th>
                  <td>
                    {e.set[0] === e.set[1]
                      ? num(e.value)
                      : `any c in [${num(e.set[0])}, ${num(e.set[1])}]`}
                  </td>
                </tr>
              ))}
          </tbody>
        </table>
      </div>
      <div className="loss-panel">
        <h3>
          BCE is the Bernoulli negative log-likelihood:{' '}
          <span style={{ color: CLASS_COLOR.pos }}>−log p if y = 1</span>,{' '}
          <span style={{ color: CLASS_COLOR.neg }}>−log(1 − p) if y = 0</span>
        </h3>
        <CurveChart
          testId="bernoulli-curves"
          rows={m.bernoulli.rows}
          series={[
            { key: 'y1', color: CLASS_COLOR.pos },
            { key: 'y0', color: CLASS_COLOR.neg },
          ]}
          xDomain={[0, 1]}
          yDomain={[0, 5]}
          xLabel="predicted p = P(y = 1)"
          yLabel="−log likelihood"
          cursor={m.bernoulli.p}
          onCursor={(p) =>
            setParams((s: LossesParams) => ({
              ...s,
              likelihood: { ...s.likelihood, p: +p.toFixed(3) },
            }))
          }
        />
        <Tex
          block
          tex={`-\\log\\big(p^{y}(1-p)^{1-y}\\big):\\quad y = 1:\\ -\\log ${texNum(m.bernoulli.p)} = ${texNum(m.bernoulli.nll1)},\\quad y = 0:\\ -\\log ${texNum(1 - m.bernoulli.p)} = ${texNum(m.bernoulli.nll0)}`}
        />
      </div>
      <div className="loss-panel" data-testid="categorical">
        <h3>
          Cross-entropy is the categorical negative log-likelihood:{' '}
          <span style={{ color: CLASS_COLOR.pos }}>p = softmax(z)</span>,{' '}
          <span style={{ color: INK.axis }}>target t</span>
        </h3>
        <CategoricalBars p={cat.probabilities} t={cat.target} />
        <Tex block tex={`p = \\operatorname{softmax}(z) = (${pTex}),\\quad t = (${tTex})`} />
        <Tex
          block
          tex={`-\\sum_k t_k \\log p_k = ${texNum(cat.loss)},\\quad \\nabla_z = p - t = (${gTex}),\\quad -\\log p_{y} = ${texNum(cat.hardLoss)}`}
        />
      </div>
    </section>
  );
}
