import { useMemo } from 'react';
import { CartesianGrid, Line, LineChart, ResponsiveContainer, YAxis } from 'recharts';
import { OKABE } from './colors';
import { useChartTextScale } from '../../components/text-scale';
import {
  axisStyle,
  chartMargin,
  fmt,
  lambdaMarker,
  METHOD_COLORS,
  rows,
  xAxis,
  yTitle,
} from './path-chart-parts';
import { PATH_FEATURES } from './path-run';
import type { RegPathFrame } from './store';

/** Non-zero coefficients of every method, and training vs held-out MSE of the chosen one. */
export function PathSmallCharts({
  paths,
  frame,
  logLambda,
}: {
  paths: RegPathFrame[];
  frame: RegPathFrame | null;
  logLambda: number | null;
}) {
  const k = useChartTextScale();
  const countRows = useMemo(() => {
    const first = paths[0];
    if (!first) return [];
    return rows(first, (k) => Object.fromEntries(paths.map((p) => [p.method, p.nonzero[k]])));
  }, [paths]);
  const errRows = useMemo(
    () => (frame ? rows(frame, (k) => ({ train: frame.trainMse[k], test: frame.testMse[k] })) : []),
    [frame],
  );
  return (
    <div className="reg-path-small">
      <div data-testid="reg-path-nonzero">
        <span className="readout">non-zero coefficients</span>
        <div className="reg-path-small-chart">
          <ResponsiveContainer width="100%" height="100%">
            <LineChart data={countRows} margin={chartMargin(k)}>
              <CartesianGrid stroke="#2a3550" strokeDasharray="3 3" />
              {xAxis(k, 'λ (log scale)')}
              <YAxis
                {...axisStyle(k)}
                width={28 * k}
                domain={[0, PATH_FEATURES]}
                ticks={[0, 2, 4, 6, 8]}
                label={yTitle('count', k)}
              />
              {paths.map((p) => (
                <Line
                  key={p.method}
                  dataKey={p.method}
                  type="stepAfter"
                  stroke={METHOD_COLORS[p.method]}
                  dot={false}
                  isAnimationActive={false}
                  strokeWidth={2}
                />
              ))}
              {lambdaMarker(logLambda, k)}
            </LineChart>
          </ResponsiveContainer>
        </div>
      </div>
      <div data-testid="reg-path-error">
        <span className="readout">
          MSE: <span style={{ color: OKABE.orange }}>training</span> vs{' '}
          <span style={{ color: OKABE.sky }}>held-out</span>
        </span>
        <div className="reg-path-small-chart">
          <ResponsiveContainer width="100%" height="100%">
            <LineChart data={errRows} margin={chartMargin(k)}>
              <CartesianGrid stroke="#2a3550" strokeDasharray="3 3" />
              {xAxis(k, 'λ (log scale)')}
              <YAxis
                {...axisStyle(k)}
                width={40 * k}
                scale="log"
                domain={['auto', 'auto']}
                tickFormatter={fmt}
                allowDataOverflow
                label={yTitle('MSE (log)', k)}
              />
              <Line
                dataKey="train"
                stroke={OKABE.orange}
                dot={false}
                isAnimationActive={false}
                strokeWidth={2}
              />
              <Line
                dataKey="test"
                stroke={OKABE.sky}
                dot={false}
                isAnimationActive={false}
                strokeWidth={2}
              />
              {lambdaMarker(logLambda, k)}
            </LineChart>
          </ResponsiveContainer>
        </div>
      </div>
    </div>
  );
}
