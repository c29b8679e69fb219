import { optimizerById } from '../../../core/ml/optimizers';
import { numText } from '../../components/Tex';
import { RACER_COLORS } from './colors';
import { useDescentStore } from './store';
import { useDescentThrottled } from './use-throttled';

/** Every racer with its colour, its loss at the playback position, or where it diverged. */
export function Legend() {
  const rows = useDescentThrottled((s) =>
    s.params.racers.map((r, i) => {
      const t = s.trajectories[i];
      const k = t ? Math.min(s.position, t.count - 1) : 0;
      return {
        name: `${optimizerById(r.optimizer)?.descriptor.title ?? r.optimizer}${r.params.lr !== undefined ? ` (η = ${r.params.lr})` : ''}`,
        loss: t ? t.losses[k] : NaN,
        diverged: t?.divergedAtStep ?? null,
        ready: !!t,
        shownLast: t ? k === t.count - 1 : false,
      };
    }),
  );
  const selected = useDescentStore((s) => s.selected);
  return (
    <ul className="legend" data-testid="legend" aria-label="Optimizers">
      {rows.map((r, i) => (
        <li
          key={i}
          className={i === selected ? 'selected' : ''}
          onClick={() => useDescentStore.setState({ selected: i })}
        >
          <span className="swatch" style={{ background: RACER_COLORS[i] }} />
          <span className="name">{r.name}</span>
          <span className="value">
            {!r.ready ? (
              '…'
            ) : r.diverged !== null && r.shownLast ? (
              <strong className="diverged">diverged at step {r.diverged}</strong>
            ) : (
              `f = ${numText(r.loss)}`
            )}
          </span>
        </li>
      ))}
    </ul>
  );
}
