import { Tex, texNum } from '../../components/Tex';

/** A slider whose position is log₁₀ of the value (temperatures, scale factors). */
export function LogSlider({
  title,
  tex,
  min,
  max,
  value,
  onChange,
  testId,
}: {
  title: string;
  tex: string;
  min: number;
  max: number;
  value: number;
  onChange(v: number): void;
  testId: string;
}) {
  const lo = Math.log10(min);
  const hi = Math.log10(max);
  return (
    <label className="param-slider">
      <span>
        {title} <Tex tex={`${tex} = ${texNum(value, 3)}`} />
      </span>
      <input
        type="range"
        min={lo}
        max={hi}
        step={(hi - lo) / 400}
        value={Math.log10(value)}
        onChange={(e) =>
          onChange(+Math.min(max, Math.max(min, 10 ** Number(e.target.value))).toPrecision(4))
        }
        data-testid={testId}
        aria-label={title}
      />
    </label>
  );
}

/** A linear slider with its value typeset. */
export function LinearSlider({
  title,
  tex,
  min,
  max,
  step,
  value,
  onChange,
  testId,
}: {
  title: string;
  tex: string;
  min: number;
  max: number;
  step: number;
  value: number;
  onChange(v: number): void;
  testId: string;
}) {
  return (
    <label className="param-slider">
      <span>
        {title} <Tex tex={`${tex} = ${texNum(value, 4)}`} />
      </span>
      <input
        type="range"
        min={min}
        max={max}
        step={step}
        value={value}
        onChange={(e) => onChange(Number(e.target.value))}
        data-testid={testId}
        aria-label={title}
      />
    </label>
  );
}

/** − n + buttons for a whole number in [min, max]. */
export function Stepper({
  title,
  value,
  min,
  max,
  onChange,
  testId,
}: {
  title: string;
  value: number;
  min: number;
  max: number;
  onChange(v: number): void;
  testId: string;
}) {
  return (
    <div className="prob-stepper" role="group" aria-label={title}>
      <span>{title}</span>
      <button
        onClick={() => onChange(value - 1)}
        disabled={value <= min}
        aria-label={`Fewer: ${title}`}
        data-testid={`${testId}-less`}
      >
        −
      </button>
      <span className="value" data-testid={testId}>
        {value}
      </span>
      <button
        onClick={() => onChange(value + 1)}
        disabled={value >= max}
        aria-label={`More: ${title}`}
        data-testid={`${testId}-more`}
      >
        +
      </button>
    </div>
  );
}
