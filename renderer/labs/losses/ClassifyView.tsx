import { useMemo } from 'react';
import {
  CartesianGrid,
  ComposedChart,
  Line,
  ReferenceLine,
  ResponsiveContainer,
  Scatter,
  XAxis,
  YAxis,
} from 'recharts';
import {
  classifyModel,
  EASY_MARGIN,
  MARGIN_CHART,
  trainSimParams,
  type ClassifyModel,
} from '../../../core/labs/losses/model-classify';
import { TRAINED_LOSSES, type LossesParams } from '../../../core/labs/losses/params';
import { useChartTextScale } from '../../components/text-scale';
import { axisProps, chartMargin, niceTicks, tickFmt, xTitle, yTitle } from './chart-parts';
import { CLASS_COLOR, INK, LOSS_COLOR, LOSS_NAME } from './colors';
import { ClassifyPlane } from './ClassifyPlane';
import { CurveChart } from './CurveChart';
import { useLossesStore } from './store';
import { useTrainRun } from './use-sims';

const num = (v: number | null) => (v === null ? '…' : String(+v.toPrecision(4)));

/** The chosen loss over the margin, its slope dashed, and every point sitting on it. */
function MarginChart({ params, model }: { params: LossesParams; model: ClassifyModel }) {
  const k = useChartTextScale();
  const color = LOSS_COLOR[params.classify.loss];
  const clip = (m: number) => Math.max(MARGIN_CHART.min, Math.min(MARGIN_CHART.max, m));
  const dots = (label: 1 | -1) =>
    model.terms
      .map((t, i) => ({ t, p: params.classify.points[i] }))
      .filter(({ p }) => p[2] === label)
      .map(({ t }) => ({ m: clip(t.margin), loss: t.loss }));
  return (
    <div className="loss-chart" data-testid="margin-chart">
      <ResponsiveContainer width="100%" height="100%">
        <ComposedChart data={model.curve} margin={chartMargin(k)}>
          <CartesianGrid stroke={INK.grid} strokeDasharray="3 3" />
          <XAxis
            dataKey="m"
            type="number"
            domain={[MARGIN_CHART.min, MARGIN_CHART.max]}
            ticks={niceTicks(MARGIN_CHART.min, MARGIN_CHART.max, 10)}
            tickFormatter={tickFmt}
            height={30 * k}
            label={xTitle('margin m = y·s (easy right of the dotted line)', k)}
            {...axisProps(k)}
          />
          <YAxis
            type="number"
            domain={[-1.5, 4]}
            ticks={[-1, 0, 1, 2, 3, 4]}
            allowDataOverflow
            width={40 * k}
            label={yTitle('ℓ(m), ℓ′(m)', k)}
            {...axisProps(k)}
          />
          <ReferenceLine y={0} stroke={INK.zero} />
          <ReferenceLine x={0} stroke={INK.zero} />
          <ReferenceLine x={EASY_MARGIN} stroke={INK.axis} strokeDasharray="1 4" />
          <Line
            dataKey="value"
            stroke={color}
            strokeWidth={2.2}
            dot={false}
            activeDot={false}
            isAnimationActive={false}
          />
          <Line
            dataKey="slope"
            stroke={color}
            strokeWidth={1.6}
            strokeDasharray="6 4"
            dot={false}
            activeDot={false}
            isAnimationActive={false}
          />
          <Scatter data={dots(1)} dataKey="loss" fill={CLASS_COLOR.pos} isAnimationActive={false} />
          <Scatter
            data={dots(-1)}
            dataKey="loss"
            fill={CLASS_COLOR.neg}
            isAnimationActive={false}
          />
        </ComposedChart>
      </ResponsiveContainer>
    </div>
  );
}

/** Training J per step for the three losses, thinned to at most 300 points, the last step kept. */
function trainingRows(
  trained: ReturnType<typeof useLossesStore.getState>['trained'],
  steps: number,
) {
  if (!trained) return [];
  const stride = Math.max(1, Math.ceil(steps / 300));
  const at: number[] = [];
  for (let s = 0; s < steps; s += stride) at.push(s);
  at.push(steps);
  return at.map((s) => {
    const row: { x: number } & Record<string, number> = { x: s };
    for (const l of TRAINED_LOSSES) row[l] = trained.trajectories[l][4 * s + 3];
    return row;
  });
}

/** A linear classifier trained with logistic, hinge or focal loss, point by point. */
export function ClassifyView({ params }: { params: LossesParams }) {
  const trained = useLossesStore((s) => s.trained);
  const status = useLossesStore((s) => s.trainStatus);
  useTrainRun(trainSimParams(params), true);
  const model = useMemo(() => classifyModel(params, trained), [params, trained]);
  const c = params.classify;
  const rows = useMemo(() => trainingRows(trained, c.steps), [trained, c.steps]);
  const share = Math.round(model.easyShare * 1000) / 10;
  return (
    <section className="loss-classify" aria-label="Classifier" data-status={status}>
      <div className="loss-panel loss-classify-plane">
        <h3>
          {LOSS_NAME[c.loss]} classifier at step {model.step} of {c.steps} — drag the points;
          arrows: each point’s pull; faded: easy (p ≥ 0.9); red ring: misclassified
        </h3>
        <ClassifyPlane params={params} model={model} />
      </div>
      <div className="loss-panel">
        <h3>Each point on the {LOSS_NAME[c.loss]} loss: ℓ(m) solid, ℓ′(m) dashed</h3>
        <MarginChart params={params} model={model} />
      </div>
      <div className="loss-panel">
        <h3>Training objective J per step (the dotted line: the step shown)</h3>
        <CurveChart
          testId="training-chart"
          rows={rows}
          series={TRAINED_LOSSES.map((l) => ({
            key: l,
            color: LOSS_COLOR[l],
            width: l === c.loss ? 2.6 : 1.4,
          }))}
          xDomain={[0, c.steps]}
          xLabel="gradient-descent step"
          yLabel="J = mean loss + λ‖w‖²/2"
          cursor={model.step}
        />
      </div>
      <div className="loss-panel loss-classify-readout" data-testid="classify-readout">
        <p>
          <strong data-testid="classify-misclassified">{model.misclassified}</strong> misclassified
          · <strong>{model.insideMargin}</strong> inside the margin (m &lt; 1) ·{' '}
          <strong data-testid="classify-easy">{model.easy}</strong> easy (p ≥ 0.9) giving{' '}
          <strong data-testid="classify-easy-share">{share}%</strong> of the pull
        </p>
        <p className="loss-thetas">
          {TRAINED_LOSSES.map((l) => {
            const th = model.theta[l];
            return (
              <span key={l} className="loss-theta" style={{ color: LOSS_COLOR[l] }}>
                {LOSS_NAME[l]}: w = ({num(th?.[0] ?? null)}, {num(th?.[1] ?? null)}), b ={' '}
                {num(th?.[2] ?? null)}, J = {num(model.objective[l])}
              </span>
            );
          })}
        </p>
      </div>
    </section>
  );
}
