import { fmt } from './chart-kit';
import { Reliability } from './Reliability';
import { TCurve } from './TCurve';
import { useCalibrationModel } from './use-models';

/**
 * Calibration: the reliability diagram of a simulated network before and after temperature
 * scaling, what T does to the test NLL and ECE, and the numbers, including why the correlation
 * between confidence and correctness does not measure calibration.
 */
export function CalibrationView() {
  const c = useCalibrationModel();
  const d = c.data;
  const raw = d.rawReliability;
  const sc = c.scaledReliability;
  const tName = c.temperature === d.fit.temperature ? 'fitted' : 'by hand';
  const rows = [
    { name: 'T = 1', r: raw, nll: d.rawNll, pearson: d.rawPearson, id: 'raw' },
    {
      name: `T = ${fmt(c.temperature)}, ${tName}`,
      r: sc,
      nll: c.scaledNll,
      pearson: c.scaledPearson,
      id: 'scaled',
    },
  ];
  return (
    <div className="prob-calibration">
      <section className="prob-panel">
        <Reliability r={raw} title="As trained, T = 1" testId="prob-reliability-raw" />
      </section>
      <section className="prob-panel">
        <Reliability
          r={sc}
          title={`Scaled, T = ${fmt(c.temperature)}`}
          testId="prob-reliability-scaled"
        />
      </section>
      <section className="prob-panel">
        <TCurve c={c} />
      </section>
      <section className="prob-panel prob-cal-numbers" data-testid="prob-cal-numbers">
        <table>
          <thead>
            <tr>
              <th scope="col">{d.test.n} test examples</th>
              <th scope="col">accuracy</th>
              <th scope="col">ECE</th>
              <th scope="col">MCE</th>
              <th scope="col">NLL</th>
              <th scope="col">Pearson r</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.id} data-testid={`prob-cal-${row.id}`}>
                <th scope="row">{row.name}</th>
                <td>{fmt(row.r.accuracy)}</td>
                <td data-testid={`prob-ece-${row.id}`}>{fmt(row.r.ece, 2)}</td>
                <td>{fmt(row.r.mce, 2)}</td>
                <td>{fmt(row.nll)}</td>
                <td>{fmt(row.pearson, 2)}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <p>
          In the diagrams, <span className="prob-gap-over">red</span>: the network claims more
          confidence than its accuracy; <span className="prob-gap-under">green</span>: less.
        </p>
        <p>
          Scaling changes no prediction (accuracy stays {fmt(raw.accuracy)}); it changes how sure
          the network says it is. {c.fitAtLimit ? 'The fit reached the end of its range. ' : ''}
        </p>
        <p data-testid="prob-correlation-note">
          Correlation is not calibration: r between confidence and being right is{' '}
          {fmt(d.rawPearson, 2)} before and {fmt(c.scaledPearson, 2)} after, while the ECE goes from{' '}
          {fmt(raw.ece, 2)} to {fmt(sc.ece, 2)}. Moving every confidence halfway to 1 keeps r at
          exactly {fmt(c.squashed.pearson, 2)} and makes the ECE {fmt(c.squashed.ece, 2)}.
        </p>
      </section>
    </div>
  );
}
