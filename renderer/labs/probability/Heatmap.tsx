import type { ProbSoftmaxModel } from '../../../core/labs/probability/model-softmax';
import { ChartBox, C, fmt, Label } from './chart-kit';

/** Blend of the background and a colour by t ∈ [0, 1], with the text colour that reads on it. */
function tint(hex: string, t: number): { fill: string; text: string } {
  const bg = [15, 20, 32];
  const c = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16));
  const rgb = c.map((v, i) => Math.round(bg[i] + (v - bg[i]) * t));
  const luminance = (0.2126 * rgb[0] + 0.7152 * rgb[1] + 0.0722 * rgb[2]) / 255;
  return { fill: `rgb(${rgb.join(',')})`, text: luminance > 0.45 ? '#000000' : '#ffffff' };
}

/**
 * The k × k Jacobian ∂sᵢ/∂zⱼ as coloured cells with their values (orange positive, blue
 * negative, on one scale set by the largest entry), and each row's sum beside it.
 */
export function Heatmap({ m }: { m: ProbSoftmaxModel }) {
  const { k, jacobian: J, rowSums } = m;
  let maxAbs = 0;
  for (const v of J) maxAbs = Math.max(maxAbs, Math.abs(v));
  const digits = k > 6 ? 2 : 3;
  return (
    <ChartBox
      label="Softmax Jacobian heat map"
      testId="prob-heatmap"
      data={{ rowsums: Array.from(rowSums, (v) => v.toExponential(2)).join(',') }}
    >
      {({ w, h, font }) => {
        const sumW = font * 5.2;
        const left = font * 2.4;
        const top = font * 2.6;
        const cell = Math.max(
          8,
          Math.min((w - left - sumW - font) / k, (h - top - font * 0.5) / k),
        );
        const ox = left + Math.max(0, (w - left - sumW - font - cell * k) / 2);
        const labels = Array.from(J, (v) => fmt(v, digits));
        const longest = Math.max(...labels.map((s) => s.length));
        // Values as large as the cells allow, up to 1.5× the tick text.
        const cellFont = Math.min(font * 1.5, (cell * 0.9) / (longest * 0.6));
        return (
          <>
            <Label x={ox + (cell * k) / 2} y={font * 0.7} size={font} muted>
              {'column j: ∂/∂zⱼ'}
            </Label>
            {Array.from({ length: k }, (_, j) => (
              <Label key={j} x={ox + cell * (j + 0.5)} y={top - font * 0.7} size={font} muted>
                {`z${j + 1}`}
              </Label>
            ))}
            <Label x={ox + cell * k + sumW / 2 + font * 0.3} y={top - font * 0.7} size={font} muted>
              row sum
            </Label>
            {Array.from({ length: k }, (_, i) => (
              <g key={i}>
                <Label
                  x={ox - font * 0.4}
                  y={top + cell * (i + 0.5)}
                  size={font}
                  anchor="end"
                  muted
                >
                  {`s${i + 1}`}
                </Label>
                {Array.from({ length: k }, (_, j) => {
                  const v = J[i * k + j];
                  const t = maxAbs > 0 ? Math.abs(v) / maxAbs : 0;
                  const colour = tint(v >= 0 ? C.orange : C.blue, 0.15 + 0.85 * t);
                  return (
                    <g key={j}>
                      <rect
                        x={ox + cell * j}
                        y={top + cell * i}
                        width={cell - 1}
                        height={cell - 1}
                        fill={colour.fill}
                      />
                      <text
                        x={ox + cell * (j + 0.5)}
                        y={top + cell * (i + 0.5)}
                        textAnchor="middle"
                        dominantBaseline="central"
                        style={{ fontSize: cellFont, fill: colour.text }}
                      >
                        {labels[i * k + j]}
                      </text>
                    </g>
                  );
                })}
                <Label
                  x={ox + cell * k + sumW / 2 + font * 0.3}
                  y={top + cell * (i + 0.5)}
                  size={Math.min(font, cellFont * 1.2)}
                >
                  {fmt(rowSums[i], 2)}
                </Label>
              </g>
            ))}
          </>
        );
      }}
    </ChartBox>
  );
}
