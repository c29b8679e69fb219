import { memo, useMemo } from 'react';
import {
  CartesianGrid,
  Line,
  LineChart,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { ACTIVATIONS, type ActivationId } from '../../../core/ml/activations';
import { gradientChainProduct } from '../../../core/sim/gradient-flow';
import { gradientChainBound, gradientChainBoundValue } from '../../../core/sim/gradient-flow-chain';
import { Tex, texNum } from '../../components/Tex';
import { useChartTextScale } from '../../components/text-scale';
import { chartFont, tickProps, yTitleFont } from './chart-axis';
import { pow10Label } from './heatmap-draw';
import { PALETTE } from '../../components/palette';

interface Props {
  activation: ActivationId;
  depth: number;
  x0: number;
  weight: number;
  onChange(next: { x0: number; weight: number }): void;
}

/**
 * |∂h_n/∂h_0| of the scalar chain h_k = f(w·h_{k−1}) against the bound (|w|·c)ⁿ that holds for
 * this activation (c = sup|f′|: ¼ for the sigmoid, 1 for tanh, ReLU, …), or no bound with the
 * reason when f′ exceeds 1 (GELU, Swish, Mish).
 */
export const ChainProduct = memo(function ChainProduct({
  activation,
  depth,
  x0,
  weight,
  onChange,
}: Props) {
  const k = useChartTextScale();
  const { rows, ticks, xTicks, last } = useMemo(() => {
    const chain = gradientChainProduct(activation, depth, x0, weight);
    const rows = Array.from(chain.products, (p, k) => {
      const bound = gradientChainBoundValue(activation, k + 1, weight);
      return {
        n: k + 1,
        product: Math.abs(p) > 0 ? Math.abs(p) : null,
        bound: bound !== null && bound > 0 ? bound : null,
      };
    });
    const logs = rows
      .flatMap((r) => [r.product, r.bound])
      .filter((v): v is number => v !== null && v > 0);
    let lo = Math.floor(Math.log10(Math.min(...logs, 1)));
    let hi = Math.ceil(Math.log10(Math.max(...logs, 1)));
    // A flat chain (|w f′| = 1 at every link) still gets an axis with three decades labelled.
    if (hi === lo) [lo, hi] = [lo - 1, hi + 1];
    const every = Math.max(1, Math.ceil((hi - lo) / 5));
    const ticks: number[] = [];
    for (let k = hi; k >= lo; k -= every) ticks.push(10 ** k);
    const step = depth <= 10 ? 1 : depth <= 25 ? 5 : 10;
    const xTicks = [1];
    for (let n = step; n < depth - step / 2; n += step) if (n > 1) xTicks.push(n);
    xTicks.push(depth);
    return { rows, ticks, xTicks, last: chain.products[depth - 1] };
  }, [activation, depth, x0, weight]);
  const act = ACTIVATIONS[activation];
  const info = gradientChainBound(activation);
  const bound = gradientChainBoundValue(activation, depth, weight);

  return (
    <div className="act-chain" data-testid="chain-product">
      <div className="act-chain-chart">
        <ResponsiveContainer width="100%" height="100%">
          <LineChart
            data={rows}
            margin={{ top: 8 * k, right: 12 * k, bottom: 14 * k, left: 14 * k }}
          >
            <CartesianGrid stroke="#2a3550" strokeDasharray="3 3" />
            <XAxis
              dataKey="n"
              type="number"
              domain={[1, depth]}
              ticks={xTicks}
              interval={0}
              stroke="#9aa6c0"
              {...tickProps(11, k)}
              height={30 * k}
              label={{
                value: 'links n',
                position: 'insideBottom',
                offset: -10 * k,
                fill: '#9aa6c0',
                ...chartFont(12, k),
              }}
            />
            <YAxis
              scale="log"
              domain={[ticks[ticks.length - 1], ticks[0]]}
              ticks={ticks}
              allowDataOverflow
              stroke="#9aa6c0"
              {...tickProps(11, k)}
              width={48 * k}
              interval={0}
              tickFormatter={(v: number) => pow10Label(Math.round(Math.log10(v)))}
              label={{
                value: '|∂hₙ/∂h₀| (log)',
                angle: -90,
                position: 'insideLeft',
                offset: -6 * k,
                fill: '#9aa6c0',
                ...yTitleFont(12, k),
              }}
            />
            <Tooltip
              contentStyle={{ background: '#171e2e', border: '1px solid #2a3550' }}
              formatter={(v) => (typeof v === 'number' ? v.toExponential(2) : String(v))}
              labelFormatter={(n) => `n = ${n}`}
            />
            <Line
              dataKey="product"
              name={`|∂hₙ/∂h₀|, ${act.label}`}
              stroke={PALETTE[0]}
              strokeWidth={2}
              dot={false}
              isAnimationActive={false}
            />
            {bound !== null && (
              <Line
                dataKey="bound"
                name={`bound ${info.label}`}
                stroke={PALETTE[1]}
                strokeDasharray="5 4"
                strokeWidth={1.6}
                dot={false}
                isAnimationActive={false}
              />
            )}
          </LineChart>
        </ResponsiveContainer>
      </div>
      <p className="act-chain-legend" data-testid="chain-legend">
        <span className="act-key" style={{ borderColor: PALETTE[0] }} /> |∂hₙ/∂h₀|, {act.label}
        {bound !== null && (
          <>
            <span className="act-key act-key-dashed" style={{ borderColor: PALETTE[1] }} /> bound{' '}
            {info.label}
          </>
        )}
      </p>
      <Tex
        tex={`\\left|\\partial h_{${depth}} / \\partial h_0\\right| = \\prod_{k=1}^{${depth}} \\left|w\\, f'(z_k)\\right| = ${texNum(Math.abs(last))}`}
        className="act-chain-tex"
      />
      {bound !== null && (
        <Tex
          tex={`\\left|\\partial h_{${depth}} / \\partial h_0\\right| \\le ${info.texBase}^{${depth}} = ${texNum(bound)}`}
          className="act-chain-tex"
        />
      )}
      <p className="act-chain-why" data-testid="chain-bound-reason">
        {info.reason}
      </p>
      <div className="act-chain-sliders">
        <label>
          h₀ <span className="value">{x0.toFixed(2)}</span>
          <input
            type="range"
            min={-5}
            max={5}
            step={0.05}
            value={x0}
            onChange={(e) => onChange({ x0: Number(e.target.value), weight })}
          />
        </label>
        <label>
          w <span className="value">{weight.toFixed(2)}</span>
          <input
            type="range"
            min={-4}
            max={4}
            step={0.05}
            value={weight}
            onChange={(e) => onChange({ x0, weight: Number(e.target.value) })}
          />
        </label>
      </div>
    </div>
  );
});
