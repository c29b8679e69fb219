import { useMemo } from 'react';
import { CartesianGrid, Line, LineChart, ResponsiveContainer, Tooltip, YAxis } from 'recharts';
import { regWideWeights } from '../../../core/ml/regularization-data';
import { useChartTextScale } from '../../components/text-scale';
import {
  axisStyle,
  chartLogLambda,
  chartMargin,
  COEF_COLORS,
  fmt,
  lambdaMarker,
  METHOD_COLORS,
  METHODS,
  rows,
  xAxis,
  yTitle,
} from './path-chart-parts';
import { PathSmallCharts } from './PathSmallCharts';
import { W_TRUE } from './names';
import { PATH_FEATURES } from './path-run';
import { useRegStore } from './store';

/**
 * Regularization paths on the 8-feature data, computed in compute: coefficients against log λ
 * for the chosen method, the number of non-zero coefficients for all three, and training vs
 * held-out error. The dashed line is the λ of the plane above (same objective normalisation).
 */
const fmtSigned = (v: number) => (v < 0 ? `−${-v}` : String(v));

export function PathChart({ lambda }: { lambda: number }) {
  const paths = useRegStore((s) => s.paths);
  const status = useRegStore((s) => s.pathStatus);
  const error = useRegStore((s) => s.pathError);
  const method = useRegStore((s) => s.params.pathMethod);
  const setParams = useRegStore((s) => s.setParams);
  const k = useChartTextScale();
  const frame = paths.find((p) => p.method === method) ?? null;
  const enAlpha = paths.find((p) => p.method === 'elastic-net')?.alpha ?? 0.5;
  const logLambda = chartLogLambda(lambda);
  const coefRows = useMemo(
    () =>
      frame
        ? rows(frame, (k) =>
            Object.fromEntries(
              Array.from({ length: PATH_FEATURES }, (_, j) => [
                `w${j + 1}`,
                frame.coefs[k * PATH_FEATURES + j],
              ]),
            ),
          )
        : [],
    [frame],
  );
  return (
    <section
      className="reg-path"
      data-testid="reg-path"
      data-status={status}
      data-methods={paths.map((p) => p.method).join(',')}
    >
      <div className="row">
        <strong>Path on 8 features</strong>
        {METHODS.map((m) => (
          <button
            key={m}
            aria-pressed={m === method}
            onClick={() => setParams({ pathMethod: m })}
            data-testid={`reg-path-${m}`}
          >
            {m === 'elastic-net' ? `elastic net α=${+enAlpha.toFixed(2)}` : m}
          </button>
        ))}
        {status === 'computing' && <span className="readout">computing…</span>}
        {status === 'failed' && (
          <span className="notice" data-testid="reg-path-failed">
            Path failed: {error}
            {paths.length > 0 && ' The last paths computed are still shown.'}{' '}
            <button
              onClick={() => useRegStore.setState((s) => ({ rerun: s.rerun + 1 }))}
              data-testid="reg-path-rerun"
            >
              Run again
            </button>
          </span>
        )}
      </div>
      <div className="reg-path-main" data-testid="reg-path-coefs">
        <ResponsiveContainer width="100%" height="100%">
          <LineChart data={coefRows} margin={chartMargin(k, 6, 14)}>
            <CartesianGrid stroke="#2a3550" strokeDasharray="3 3" />
            {xAxis(k)}
            <YAxis
              {...axisStyle(k)}
              width={40 * k}
              tickFormatter={fmt}
              label={yTitle('coefficient wⱼ', k)}
            />
            <Tooltip
              contentStyle={{ background: '#171e2e', border: '1px solid #2a3550' }}
              labelFormatter={(v) => `log₁₀λ = ${Number(v).toFixed(2)}`}
              formatter={(v) => fmt(Number(v))}
            />
            {COEF_COLORS.map((c, j) => (
              <Line
                key={j}
                dataKey={`w${j + 1}`}
                stroke={c}
                dot={false}
                isAnimationActive={false}
                strokeWidth={1.8}
              />
            ))}
            {lambdaMarker(logLambda, k)}
          </LineChart>
        </ResponsiveContainer>
      </div>
      <PathSmallCharts paths={paths} frame={frame} logLambda={logLambda} />
      <p className="readout reg-path-legend">
        {COEF_COLORS.map((c, j) => (
          <span key={j} style={{ color: c }}>
            w{j + 1}{' '}
          </span>
        ))}
        true weights {W_TRUE} = ({regWideWeights(PATH_FEATURES).map(fmtSigned).join(', ')});
        non-zero: <span style={{ color: METHOD_COLORS.ridge }}>ridge</span>,{' '}
        <span style={{ color: METHOD_COLORS.lasso }}>lasso</span>,{' '}
        <span style={{ color: METHOD_COLORS['elastic-net'] }}>elastic net</span>
      </p>
    </section>
  );
}
