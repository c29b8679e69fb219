import { BV_REGIME_TEXT, bvFormat as f, type BvModel } from '../../../core/labs/statistics/model';
import type { BvParams } from '../../../core/labs/statistics/params';
import { Tex } from '../../components/Tex';
import { BV_COLOR } from './colors';

const tn = (v: number) =>
  f(v)
    .replace('−', '-')
    .replace(/e(-?\d+)/, '\\times10^{$1}');

/**
 * The numbers at the degree looked at: the decomposition typeset with them, the test error
 * measured on fresh data beside its prediction (and how far apart they may be by chance), the
 * training error, the median; the closed form under a fixed design; and what random x does here.
 */
export function Readout({ model, p }: { model: BvModel; p: BvParams }) {
  const w = model.row;
  if (!w)
    return (
      <p className="notice" data-testid="bv-unfitted">
        {model.unfitted}
      </p>
    );
  const meanOk = w.regime === 'settled' || w.regime === 'slow';
  const gap = w.testError - w.predicted;
  const sw = (c: string) => <i className="stats-swatch" style={{ background: c }} />;
  return (
    <div
      className="stats-readout"
      data-testid="bv-readout"
      data-regime={w.regime}
      data-bias2={w.bias2}
      data-variance={w.variance}
      data-test={w.testError}
    >
      {meanOk ? (
        <Tex
          block
          tex={`\\underbrace{${tn(w.predicted)}}_{\\text{bias}^2+\\text{variance}+\\sigma^2} = \\underbrace{${tn(w.bias2)}}_{\\text{bias}^2} + \\underbrace{${tn(w.variance)}}_{\\text{variance}} + \\underbrace{${tn(w.noise)}}_{\\sigma^2}\\quad\\text{measured: } ${tn(w.testError)}`}
        />
      ) : (
        <Tex
          block
          tex={`\\operatorname{median}_k \\text{ test MSE} = ${tn(w.median)}\\quad(10\\%{:}\\ ${tn(w.q10)},\\ 90\\%{:}\\ ${tn(w.q90)})`}
        />
      )}
      <table className="stats-table">
        <tbody>
          <tr>
            <th scope="row">{sw(BV_COLOR.bias2)}bias²</th>
            <td data-testid="bv-bias2">{meanOk ? f(w.bias2) : '—'}</td>
            <th scope="row">{sw(BV_COLOR.variance)}variance</th>
            <td data-testid="bv-variance">
              {meanOk ? f(w.variance) : w.regime === 'no-mean' ? 'no mean' : '∞'}
            </td>
            <th scope="row">{sw(BV_COLOR.noise)}noise σ²</th>
            <td>{f(w.noise)}</td>
          </tr>
          <tr>
            <th scope="row">{sw(BV_COLOR.test)}test error, fresh data</th>
            <td data-testid="bv-test">{f(w.testError)}</td>
            <th scope="row">{sw(BV_COLOR.train)}training error</th>
            <td data-testid="bv-train">{f(w.trainError)}</td>
            <th scope="row">{sw(BV_COLOR.median)}median test error</th>
            <td>{f(w.median)}</td>
          </tr>
          {w.exact && (
            <tr data-testid="bv-exact">
              <th scope="row">closed form: bias²</th>
              <td>{f(w.exact.bias2)}</td>
              <th scope="row">variance</th>
              <td>{f(w.exact.variance)}</td>
              <th scope="row">test error</th>
              <td>{f(w.exact.testError)}</td>
            </tr>
          )}
        </tbody>
      </table>
      {meanOk && w.bias2 < 0 && (
        <p className="stats-note" data-testid="bv-bias-noise">
          Bias² came out below 0: the true bias² is smaller than the noise in its estimate, which is
          about variance/D = {f(w.variance / model.datasets)}. Read it as 0.
        </p>
      )}
      {meanOk && (
        <p className="stats-note" data-testid="bv-gap">
          Measured minus predicted: {f(gap)}, which is {f(Math.abs(gap) / w.gapSd)} standard
          deviations of what chance alone gives
          {Math.abs(gap) <= 4 * w.gapSd
            ? ' — the decomposition holds.'
            : ' — outside 4 sd: the decomposition does not hold here.'}
        </p>
      )}
      {w.regime !== 'settled' && (
        <p className="notice" data-testid="bv-regime">
          {BV_REGIME_TEXT[w.regime]} Here n − 1 = {p.n - 1} and d = {w.degree}: (n − 1)/d ={' '}
          {f((p.n - 1) / w.degree)}.
        </p>
      )}
    </div>
  );
}
