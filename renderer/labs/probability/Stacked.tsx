import type { ProbEntropyModel } from '../../../core/labs/probability/model-entropy';
import { ChartBox, C, fmt, Label, scale, textWidth, ticks, YAxis } from './chart-kit';

/**
 * Cross-entropy split into its two parts, both ways round: H(p, q) = H(p) + KL(p‖q) and
 * H(q, p) = H(q) + KL(q‖p). An infinite KL is drawn as a bar running off the top, marked ∞.
 */
export function Stacked({ m }: { m: ProbEntropyModel }) {
  const bars = [
    {
      name: 'H(p, q)',
      h: m.hP,
      kl: m.klPQ,
      total: m.hPQ,
      hName: 'H(p)',
      klName: 'KL(p‖q)',
      color: C.orange,
    },
    {
      name: 'H(q, p)',
      h: m.hQ,
      kl: m.klQP,
      total: m.hQP,
      hName: 'H(q)',
      klName: 'KL(q‖p)',
      color: C.sky,
    },
  ];
  const finite = bars.flatMap((b) => [b.h, Number.isFinite(b.total) ? b.total : b.h]);
  const top = Math.max(m.hMax, ...finite) * 1.25 || 1;
  return (
    <ChartBox
      label="Cross-entropy as entropy plus KL"
      testId="prob-stacked"
      data={{ totals: bars.map((b) => String(b.total)).join(',') }}
    >
      {({ w, h, font }) => {
        const left = textWidth(4, font) + font * 2;
        const bottom = font * 2.2;
        const pad = font * 1.6;
        const y = scale(0, top, h - bottom, pad);
        // Room on the right for the uniform line's label, outside the bars.
        const right = textWidth(6, font) + font * 0.6;
        const band = (w - left - right) / 2;
        const bw = Math.min(band * 0.5, font * 9);
        return (
          <>
            <YAxis x={left} y={y} ticks={ticks(0, top, 4)} font={font} title={m.units} />
            <line x1={left} x2={w - right} y1={y(0)} y2={y(0)} stroke={C.axis} />
            {bars.map((b, i) => {
              const cx = left + band * (i + 0.5);
              const yH = y(b.h);
              const yT = Number.isFinite(b.total) ? y(b.total) : pad;
              return (
                <g key={b.name}>
                  <rect x={cx - bw / 2} width={bw} y={yH} height={y(0) - yH} fill={b.color} />
                  <rect
                    x={cx - bw / 2}
                    width={bw}
                    y={yT}
                    height={Math.max(0, yH - yT)}
                    fill="url(#prob-hatch)"
                    stroke={C.vermillion}
                  />
                  <Label x={cx} y={(yH + y(0)) / 2} size={font} fill="#000000" weight={600}>
                    {`${b.hName} = ${fmt(b.h)}`}
                  </Label>
                  {yH - yT > font * 1.4 && (
                    <Label x={cx} y={(yH + yT) / 2} size={font} weight={600}>
                      {`${b.klName} = ${fmt(b.kl)}`}
                    </Label>
                  )}
                  <Label x={cx} y={yT - font * 0.3} size={font} baseline="auto">
                    {Number.isFinite(b.total)
                      ? `${b.name} = ${fmt(b.total)}`
                      : `${b.name} = ∞ (off the top)`}
                  </Label>
                  <Label x={cx} y={y(0) + font * 0.5} size={font} baseline="hanging" muted>
                    {b.name}
                  </Label>
                </g>
              );
            })}
            <line
              x1={left}
              x2={w - right}
              y1={y(m.hMax)}
              y2={y(m.hMax)}
              stroke={C.grey}
              strokeDasharray="5 4"
            />
            <Label
              x={w - right + font * 0.3}
              y={y(m.hMax) - font * 0.6}
              size={font}
              anchor="start"
              muted
            >
              log k
            </Label>
            <Label
              x={w - right + font * 0.3}
              y={y(m.hMax) + font * 0.6}
              size={font}
              anchor="start"
              muted
            >
              {`= ${fmt(m.hMax)}`}
            </Label>
            <defs>
              <pattern
                id="prob-hatch"
                width={8}
                height={8}
                patternUnits="userSpaceOnUse"
                patternTransform="rotate(45)"
              >
                <rect width={8} height={8} fill="rgba(213,94,0,0.35)" />
                <line x1={0} x2={0} y1={0} y2={8} stroke={C.vermillion} strokeWidth={3} />
              </pattern>
            </defs>
          </>
        );
      }}
    </ChartBox>
  );
}
