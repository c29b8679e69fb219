import type { ParamSpec } from '../../core/ml/surfaces-types';
import { Tex, texNum } from './Tex';

/**
 * A slider for one ParamSpec: logarithmic where the spec asks, integer steps where it must.
 * `onChange` hears each new value once: a click on the track sends an input event on the press
 * and a change event on the release with the same value, and a value rounded back to the one
 * shown is no change either — each of those would otherwise start the same computation again.
 */
export function ParamSlider({
  spec,
  value,
  onChange,
  testId,
}: {
  spec: ParamSpec;
  value: number;
  onChange(v: number): void;
  testId?: string;
}) {
  const toSlider = (v: number) => (spec.logScale ? Math.log10(v) : v);
  const fromSlider = (s: number) => {
    const v = spec.logScale ? 10 ** s : s;
    return spec.integer ? Math.round(v) : +v.toPrecision(4);
  };
  const lo = toSlider(spec.min);
  const hi = toSlider(spec.max);
  return (
    <label className="param-slider">
      <span>
        {spec.title} <Tex tex={`${spec.tex}=${texNum(value)}`} />
      </span>
      <input
        type="range"
        min={lo}
        max={hi}
        step={spec.integer && !spec.logScale ? 1 : (hi - lo) / 200}
        value={toSlider(value)}
        onChange={(e) => {
          const v = fromSlider(Number(e.target.value));
          if (v !== value) onChange(v);
        }}
        data-testid={testId}
        aria-label={spec.title}
      />
    </label>
  );
}
