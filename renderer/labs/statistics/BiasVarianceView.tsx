import { useMemo } from 'react';
import { bvExact, bvFormat, bvModel } from '../../../core/labs/statistics/model';
import type { StatsParams } from '../../../core/labs/statistics/params';
import { TRUE_FUNCTIONS } from '../../../core/ml/stats-basis';
import { BV_COLOR } from './colors';
import { FitsView, fitsOutside } from './FitsView';
import { Readout } from './Readout';
import { useStatsStore } from './store';
import { UChart } from './UChart';
import { bvRunKey } from './use-bv-run';

const sw = (c: string, dashed = false) => (
  <i className={`stats-swatch${dashed ? ' stats-swatch-dashed' : ''}`} style={{ background: c }} />
);

/** The bias–variance view: the fits of one degree, the U-shaped chart over every degree, the numbers. */
export function BiasVarianceView({ params }: { params: StatsParams }) {
  const result = useStatsStore((s) => s.result);
  const fresh = useStatsStore((s) => s.resultKey === bvRunKey(s.params));
  const status = useStatsStore((s) => s.status);
  const elapsed = useStatsStore((s) => s.elapsedMs);
  const bv = params.bv;
  const exact = useMemo(() => bvExact(bv), [bv]);
  // A result for other settings is not drawn (it would not match the controls).
  const model = useMemo(
    () => bvModel(bv, fresh ? result : null, exact),
    [bv, fresh, result, exact],
  );
  const c = model.curves;
  const outside = c ? fitsOutside(c) : 0;
  return (
    <section className="stats-bv" data-testid="bv-view" data-status={fresh ? 'ready' : status}>
      <div className="stats-panel stats-fits">
        <h3>
          Degree {bv.degree} fitted to {c ? c.fits.length : '…'} of the {bv.datasets} training sets,
          f(x) = {TRUE_FUNCTIONS[bv.fn].title}
        </h3>
        <p className="stats-legend">
          {sw(BV_COLOR.truth)}true f {sw(BV_COLOR.fit)}fits {sw(BV_COLOR.center, true)}
          {c?.centerIs === 'median' ? 'median of all fits' : 'mean fit ḡ'} {sw(BV_COLOR.center)}
          10–90 % of all fits
          {outside > 0 && (
            <span className="stats-muted">
              {' '}
              · {outside} of {c!.fits.length} leave the box
            </span>
          )}
        </p>
        {c ? (
          <FitsView curves={c} degree={bv.degree} />
        ) : (
          <p className="stats-muted">{model.unfitted ?? 'Computing…'}</p>
        )}
      </div>
      <div className="stats-panel stats-u">
        <h3>
          Error against degree{model.best !== null && `: lowest test error at degree ${model.best}`}
        </h3>
        <p className="stats-legend">
          {sw(BV_COLOR.bias2)}bias² {sw(BV_COLOR.variance)}variance {sw(BV_COLOR.noise, true)}σ²{' '}
          {sw(BV_COLOR.predicted)}sum {sw(BV_COLOR.test)}test error (dots) {sw(BV_COLOR.train)}
          training {sw(BV_COLOR.median, true)}median test, 10–90 %
          {exact && <span className="stats-muted"> · thin dashes: closed form</span>}
        </p>
        {model.rows.length ? (
          <UChart model={model} degree={bv.degree} />
        ) : (
          <p className="stats-muted">Computing…</p>
        )}
      </div>
      <div className="stats-panel stats-numbers">
        <Readout model={model} p={bv} />
        <p className="stats-muted" data-testid="bv-status">
          {fresh && result
            ? `${result.datasets} sets × degrees 0–${result.degrees - 1}, computed in ${bvFormat(elapsed ?? 0)} ms.`
            : status === 'failed'
              ? 'The computation failed.'
              : 'Computing…'}
        </p>
      </div>
    </section>
  );
}
