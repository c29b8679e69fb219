import { useEffect, useState } from 'react';

/**
 * A number box that accepts what is typed only when it is a number inside [min, max]; while the
 * text is not (yet) one, it is marked and the last good value stays in force.
 */
export function NumberField({
  label,
  value,
  min,
  max,
  step = 0.1,
  onChange,
  testId,
}: {
  label: string;
  value: number;
  min: number;
  max: number;
  step?: number;
  onChange(v: number): void;
  testId: string;
}) {
  const [text, setText] = useState(String(value));
  useEffect(() => {
    setText((t) => (Number(t) === value ? t : String(value)));
  }, [value]);
  const v = Number(text);
  const ok = text.trim() !== '' && Number.isFinite(v) && v >= min && v <= max;
  return (
    <label className="inside-number">
      <span>{label}</span>
      <input
        type="number"
        value={text}
        min={min}
        max={max}
        step={step}
        aria-invalid={!ok}
        onChange={(e) => {
          setText(e.target.value);
          const n = Number(e.target.value);
          if (e.target.value.trim() !== '' && Number.isFinite(n) && n >= min && n <= max)
            onChange(n);
        }}
        data-testid={testId}
      />
    </label>
  );
}
