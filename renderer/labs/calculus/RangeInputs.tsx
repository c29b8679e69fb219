/**
 * "from" and "to" number fields for one axis. Params store a corner and a size (never empty);
 * these fields show the two ends and pass a change on only when the range stays at least 0.05
 * long and its start within [−20, 20].
 */
export function RangeInputs({
  axis,
  lo,
  hi,
  onChange,
  testId,
}: {
  axis: string;
  lo: number;
  hi: number;
  onChange(lo: number, width: number): void;
  testId: string;
}) {
  const set = (nextLo: number, nextHi: number) => {
    const width = +(nextHi - nextLo).toFixed(6);
    if (Number.isFinite(width) && nextLo >= -20 && nextLo <= 20 && width >= 0.05 && width <= 40)
      onChange(nextLo, width);
  };
  return (
    <div className="row calc-range">
      <label>
        <span>{axis} from</span>
        <input
          type="number"
          step={0.5}
          value={+lo.toFixed(6)}
          onChange={(e) => set(Number(e.target.value), hi)}
          data-testid={`${testId}-lo`}
        />
      </label>
      <label>
        <span>{axis} to</span>
        <input
          type="number"
          step={0.5}
          value={+hi.toFixed(6)}
          onChange={(e) => set(lo, Number(e.target.value))}
          data-testid={`${testId}-hi`}
        />
      </label>
    </div>
  );
}
