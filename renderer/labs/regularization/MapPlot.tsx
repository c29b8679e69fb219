import { useLayoutEffect, useMemo, useRef, useState } from 'react';
import { regRegionBoundary } from '../../../core/ml/regularization-geometry';
import { useChartTextScale } from '../../components/text-scale';
import { PLANE_GRID, type RegLabModel } from '../../../core/labs/regularization/model';
import { OKABE } from './colors';
import { tickText } from './plane-glyphs';
import { svgContour, svgMap, svgPolygon } from './svg-paths';

/** Prior contours at these multiples of P_α at the mode (the middle one passes through it). */
const PRIOR_MULTIPLES = [0.25, 0.5, 1, 2, 4];

/**
 * Room around the square plot for the tick labels and the axis titles, in px, for axis text of
 * `font` px: left = tick mark, tick text (“−2”), the title w₂; bottom = tick text and the title w₁.
 */
export function mapPadding(font: number) {
  return { left: 14 + 3.1 * font, bottom: 6 + 3.5 * font, top: 0.7 * font, right: 0.9 * font };
}

/** Whole-number ticks with labels on both axes, and the titles w₁ and w₂ (sizes in px). */
function MapAxes({ box, size, font }: { box: RegLabModel['box']; size: number; font: number }) {
  const { px, py } = svgMap(box, size);
  const ticks: number[] = [];
  for (let v = Math.ceil(box.xMin); v <= box.xMax; v++) ticks.push(v);
  // Inline, so presentation mode's type rule cannot make the text outgrow the room left for it.
  const style = { fontSize: font };
  const mark = 0.3 * font;
  return (
    <g className="reg-map-axes" fill="#9aa6c0">
      <rect width={size} height={size} fill="none" stroke="#2a3550" />
      {ticks.map((v) => (
        <g key={v}>
          <line x1={px(v)} x2={px(v)} y1={size} y2={size + mark} stroke="#6b7794" />
          <line x1={-mark} x2={0} y1={py(v)} y2={py(v)} stroke="#6b7794" />
          <text
            className="reg-map-tick"
            style={style}
            x={px(v)}
            y={size + 0.7 * font}
            dominantBaseline="hanging"
            textAnchor="middle"
          >
            {tickText(v)}
          </text>
          <text
            className="reg-map-tick"
            style={style}
            x={-mark - 4}
            y={py(v)}
            dominantBaseline="central"
            textAnchor="end"
          >
            {tickText(v)}
          </text>
        </g>
      ))}
      <text
        className="reg-map-title"
        style={style}
        x={size / 2}
        y={size + 2.2 * font}
        dominantBaseline="hanging"
        textAnchor="middle"
      >
        w₁
      </text>
      <text
        className="reg-map-title"
        style={style}
        x={-mark - 10 - 2.3 * font}
        y={size / 2}
        dominantBaseline="central"
        textAnchor="middle"
      >
        w₂
      </text>
    </g>
  );
}

/**
 * The MAP picture: likelihood ellipses, prior contours and the posterior mode on the (w₁, w₂)
 * box, drawn at the pixel size of its box (the largest square that fits with its axes), so its
 * text follows the chart text scale like every other chart's.
 */
export function MapPlot({ model, label }: { model: RegLabModel; label: string }) {
  const { box, solution: s, params } = model;
  const k = useChartTextScale();
  const holder = useRef<HTMLDivElement>(null);
  const [room, setRoom] = useState({ w: 0, h: 0 });
  useLayoutEffect(() => {
    const el = holder.current!;
    const measure = () => setRoom({ w: el.clientWidth, h: el.clientHeight });
    measure();
    const ro = new ResizeObserver(measure);
    ro.observe(el);
    return () => ro.disconnect();
  }, []);
  const font = Math.round(11 * k);
  const pad = mapPadding(font);
  const size = Math.max(
    40,
    Math.floor(Math.min(room.w - pad.left - pad.right, room.h - pad.top - pad.bottom)),
  );
  const ox = Math.round(pad.left + Math.max(0, (room.w - pad.left - pad.right - size) / 2));
  const oy = Math.round(pad.top + Math.max(0, (room.h - pad.top - pad.bottom - size) / 2));
  const { px, py } = svgMap(box, size);
  const informative = s.lambda > 0 && Number.isFinite(s.lambda);
  // P at the mode is t when the constraint binds; at t = 0 fall back to the prior's own scale.
  const base = s.penalty > 0 ? s.penalty : 1 / model.prior.kappa;
  const paths = useMemo(() => {
    const likelihood = model.lossLevels
      .filter((_, j) => j % 2 === 1)
      .map((level) => svgContour(model.lossGrid, PLANE_GRID, level, size))
      .join('');
    const throughMode = svgContour(model.lossGrid, PLANE_GRID, model.lossAtOptimum, size);
    const priors = informative
      ? PRIOR_MULTIPLES.map((m) =>
          svgPolygon(regRegionBoundary(params.alpha, m * base, 48), box, size),
        )
      : [];
    return { likelihood, throughMode, priors };
  }, [model, params.alpha, base, box, informative, size]);
  const cross = 5 * k;
  return (
    <div className="reg-map-plot" ref={holder}>
      <svg className="reg-map-svg" role="img" aria-label={label} data-plot-size={size}>
        <defs>
          <clipPath id="reg-map-plot">
            <rect width={size} height={size} />
          </clipPath>
        </defs>
        <g transform={`translate(${ox} ${oy})`}>
          <rect width={size} height={size} fill="#0f1420" />
          <MapAxes box={box} size={size} font={font} />
          <g clipPath="url(#reg-map-plot)">
            <line x1={px(0)} x2={px(0)} y1={0} y2={size} stroke="#6b7794" />
            <line y1={py(0)} y2={py(0)} x1={0} x2={size} stroke="#6b7794" />
            <path d={paths.likelihood} stroke={OKABE.sky} strokeOpacity={0.45} fill="none" />
            {s.active && (
              <path d={paths.throughMode} stroke={OKABE.sky} strokeWidth={2} fill="none" />
            )}
            {paths.priors.map((d, j) => (
              <path
                key={j}
                d={d}
                stroke={OKABE.purple}
                strokeWidth={PRIOR_MULTIPLES[j] === 1 ? 2.2 : 1}
                fill="none"
              />
            ))}
            <path
              d={`M${px(model.ols[0]) - cross} ${py(model.ols[1]) - cross}l${2 * cross} ${2 * cross}m0 ${-2 * cross}l${-2 * cross} ${2 * cross}`}
              stroke="#ffffff"
              strokeWidth={2}
            />
            <circle
              cx={px(s.w[0])}
              cy={py(s.w[1])}
              r={5 * k}
              fill={OKABE.vermillion}
              stroke="#ffffff"
              strokeWidth={1.5}
            />
          </g>
        </g>
      </svg>
    </div>
  );
}
