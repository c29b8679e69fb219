/** A labelled select over a fixed list of values. */
export function Pick<T extends string | number>({
  label,
  value,
  options,
  onChange,
  testId,
  disabled,
}: {
  label: string;
  value: T;
  options: readonly (readonly [T, string])[];
  onChange(v: T): void;
  testId?: string;
  disabled?: boolean;
}) {
  return (
    <label>
      {label}
      <select
        value={String(value)}
        disabled={disabled}
        data-testid={testId}
        onChange={(e) =>
          onChange(options.find(([v]) => String(v) === e.target.value)?.[0] ?? value)
        }
      >
        {options.map(([v, text]) => (
          <option key={String(v)} value={String(v)}>
            {text}
          </option>
        ))}
      </select>
    </label>
  );
}
