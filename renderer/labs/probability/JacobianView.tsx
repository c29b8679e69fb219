import { Tex, texNum } from '../../components/Tex';
import { Bars } from './Bars';
import { C, fmt } from './chart-kit';
import { CLASS_COLORS } from './colors';
import { Heatmap } from './Heatmap';
import { useSoftmaxModel } from './use-models';

const vec = (v: ArrayLike<number>) => `(${Array.from(v, (x) => texNum(x, 3)).join(',\\,')})`;

/**
 * The Jacobian of softmax as a heat map with values (rows sum to 0), and the cross-entropy
 * gradient: the probabilities as bars, the target y outlined, and on each bar an arrow from sᵢ
 * toward yᵢ, the way a gradient step on z moves it, labelled with ∂L/∂zᵢ = (sᵢ − yᵢ)/T.
 */
export function JacobianView() {
  const m = useSoftmaxModel();
  return (
    <div className="prob-jacobian">
      <section className="prob-panel">
        <h3>
          <Tex tex={`J_{ij} = \\partial s_i / \\partial z_j`} /> at T = {fmt(m.temperature)}
        </h3>
        <Heatmap m={m} />
      </section>
      <section className="prob-panel">
        <h3>Cross-entropy gradient on the probabilities</h3>
        <Bars
          label="Probabilities with the target and the gradient"
          testId="prob-gradient-bars"
          data={{ gradient: Array.from(m.gradient, (v) => v.toFixed(6)).join(',') }}
          series={[{ name: 'probability', values: m.probabilities, color: (i) => CLASS_COLORS[i] }]}
          domain={[0, 1]}
          yTitle="probability"
          classLabel={(i) => `${i + 1}`}
          footer={{ title: '∂L/∂z', color: C.yellow, text: (i) => fmt(m.gradient[i], 2) }}
          overlay={({ x, y, barWidth, size }) =>
            Array.from(m.target, (t, i) => {
              const from = y(m.probabilities[i]);
              const to = y(t);
              const dir = to < from ? -1 : 1;
              const head = size.font * 0.45;
              const long = Math.abs(to - from) > head * 1.5;
              // Right of the bar's centre, clear of the value written there.
              const ax = x(i) + barWidth * 0.25;
              return (
                <g key={i}>
                  <rect
                    x={x(i) - barWidth * 0.45}
                    width={barWidth * 0.9}
                    y={to}
                    height={Math.max(1, y(0) - to)}
                    fill="none"
                    stroke="#ffffff"
                    strokeDasharray="4 3"
                  />
                  {long && (
                    <path
                      d={`M${ax} ${from}L${ax} ${to - dir * head}M${ax - head} ${to - dir * head}L${ax} ${to}L${ax + head} ${to - dir * head}Z`}
                      stroke={C.yellow}
                      fill={C.yellow}
                      strokeWidth={2.5}
                    />
                  )}
                </g>
              );
            })
          }
        />
        <p className="readout prob-legend">
          <span className="prob-key prob-key-target" /> target y (class {m.targetClass + 1}
          {m.target[m.targetClass] < 1 ? ', smoothed' : ''}){'  '}
          <span className="prob-key prob-key-arrow" /> ∂L/∂zᵢ: a step against it moves s toward y
        </p>
      </section>
      <section className="prob-formula" data-testid="prob-jacobian-formula">
        <Tex
          block
          tex={`J = \\tfrac{1}{T}\\left(\\operatorname{diag}(s) - s\\,s^{\\top}\\right),\\; \\textstyle\\sum_j J_{ij} = \\tfrac{s_i}{T}\\left(1 - \\sum_j s_j\\right) = 0`}
        />
        <Tex
          block
          tex={`L = -\\textstyle\\sum_i y_i \\log s_i = ${texNum(m.loss, 4)},\\; \\nabla_z L = \\tfrac{1}{T}(s - y) = ${vec(m.gradient)}`}
        />
        <p className="readout" data-testid="prob-fd-check">
          Central differences agree with J to {fmt(m.jacobianCheck, 2)} and with ∇L to{' '}
          {fmt(m.gradientCheck, 2)}.
        </p>
      </section>
    </div>
  );
}
