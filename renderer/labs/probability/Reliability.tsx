import type { CalReliability } from '../../../core/ml/probability-calibration';
import { ChartBox, C, fmt, Label, scale, textWidth, ticks, YAxis } from './chart-kit';

/**
 * A reliability diagram: per confidence bin, the fraction correct (bar) against the mean
 * confidence (the gap to it shaded: red where the network claims more than it delivers, green
 * where less); the diagonal is perfect calibration. Below, how many test examples fall in each
 * bin.
 */
export function Reliability({
  r,
  title,
  testId,
}: {
  r: CalReliability;
  title: string;
  testId: string;
}) {
  const maxCount = Math.max(1, ...r.bins.map((b) => b.count));
  return (
    <ChartBox
      label={`Reliability diagram: ${title}`}
      testId={testId}
      data={{ ece: r.ece.toFixed(6), mce: r.mce.toFixed(6) }}
    >
      {({ w, h, font }) => {
        const left = textWidth(4, font) + font * 2;
        const right = font * 0.8;
        const top = font * 2;
        const strip = Math.max(font * 2.2, (h - top) * 0.16);
        const bottom = font * 4.1 + strip;
        const size = Math.max(10, Math.min(w - left - right, h - top - bottom));
        const ox = left + (w - left - right - size) / 2;
        const x = scale(0, 1, ox, ox + size);
        const y = scale(0, 1, top + size, top);
        const bw = size / r.bins.length;
        const stripTop = top + size + font * 4;
        const showCounts = bw > textWidth(4, font * 0.9);
        return (
          <>
            <Label x={ox + size / 2} y={font * 0.8} size={font} weight={600}>
              {`${title}: ECE ${fmt(r.ece, 2)}, MCE ${fmt(r.mce, 2)}`}
            </Label>
            <YAxis
              x={ox}
              y={y}
              ticks={ticks(0, 1, 4)}
              font={font}
              title="fraction correct"
              titleX={ox - textWidth(4, font) - font * 1.1}
            />
            <line x1={ox} x2={ox + size} y1={y(0)} y2={y(0)} stroke={C.axis} />
            {ticks(0, 1, 4).map((t) => (
              <Label
                key={t.value}
                x={x(t.value)}
                y={y(0) + font * 0.35}
                size={font}
                baseline="hanging"
                muted
              >
                {t.label}
              </Label>
            ))}
            <Label x={ox + size / 2} y={y(0) + font * 1.7} size={font} baseline="hanging" muted>
              confidence (largest probability)
            </Label>
            {r.bins.map((b, i) => {
              if (b.count === 0) return null;
              const x0 = x(b.lo);
              const over = b.confidence > b.accuracy;
              return (
                <g key={i}>
                  <rect
                    x={x0 + 1}
                    width={bw - 2}
                    y={y(b.accuracy)}
                    height={y(0) - y(b.accuracy)}
                    fill={C.blue}
                  />
                  <rect
                    x={x0 + 1}
                    width={bw - 2}
                    y={y(Math.max(b.accuracy, b.confidence))}
                    height={Math.abs(y(b.accuracy) - y(b.confidence))}
                    fill={over ? 'rgba(213,94,0,0.55)' : 'rgba(0,158,115,0.55)'}
                  />
                </g>
              );
            })}
            <line x1={x(0)} x2={x(1)} y1={y(0)} y2={y(1)} stroke="#ffffff" strokeDasharray="5 4" />
            {r.bins.map((b, i) => (
              <g key={`n${i}`}>
                <rect
                  x={x(b.lo) + 1}
                  width={bw - 2}
                  y={stripTop + strip * (1 - b.count / maxCount)}
                  height={(strip * b.count) / maxCount}
                  fill={C.grey}
                />
                {showCounts && b.count > 0 && (
                  <Label
                    x={x(b.lo) + bw / 2}
                    y={stripTop + strip * (1 - b.count / maxCount) - font * 0.2}
                    size={Math.round(font * 0.9)}
                    baseline="auto"
                    muted
                  >
                    {String(b.count)}
                  </Label>
                )}
              </g>
            ))}
          </>
        );
      }}
    </ChartBox>
  );
}
