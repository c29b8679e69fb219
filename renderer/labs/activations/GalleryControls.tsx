import { ACTIVATIONS, type ActivationId } from '../../../core/ml/activations';
import {
  galleryFreeColor,
  MAX_OVERLAID,
  type ActivationsParams,
} from '../../../core/labs/activations/params';
import { PALETTE } from '../../components/palette';

type Gallery = ActivationsParams['gallery'];

interface Props {
  gallery: Gallery;
  onChange(next: Gallery): void;
  cursor: number;
  onCursor(x: number): void;
}

const IDS = Object.keys(ACTIVATIONS) as ActivationId[];

/** Which activations to overlay, whose formulas to typeset, the plotted range and the cursor. */
export function GalleryControls({ gallery, onChange, cursor, onCursor }: Props) {
  const toggle = (id: ActivationId) => {
    const on = gallery.selected.some((e) => e.id === id);
    if (on) {
      onChange({ ...gallery, selected: gallery.selected.filter((e) => e.id !== id) });
      return;
    }
    const color = galleryFreeColor(gallery.selected);
    if (color < 0) return;
    onChange({ ...gallery, selected: [...gallery.selected, { id, color }], focus: id });
  };
  const full = gallery.selected.length >= MAX_OVERLAID;
  return (
    <>
      <fieldset className="act-fieldset">
        <legend>Overlay (up to {MAX_OVERLAID})</legend>
        <div className="act-checks">
          {IDS.map((id) => {
            const entry = gallery.selected.find((e) => e.id === id);
            return (
              <label key={id} className="act-check">
                <input
                  type="checkbox"
                  checked={!!entry}
                  disabled={!entry && full}
                  onChange={() => toggle(id)}
                  data-testid={`gallery-toggle-${id}`}
                />
                <span
                  className="act-swatch"
                  style={{ background: entry ? PALETTE[entry.color] : 'transparent' }}
                />
                {ACTIVATIONS[id].label}
              </label>
            );
          })}
        </div>
      </fieldset>
      <label>
        Formulas for
        <select
          value={gallery.focus}
          onChange={(e) => onChange({ ...gallery, focus: e.target.value as ActivationId })}
          data-testid="gallery-focus"
        >
          {IDS.map((id) => (
            <option key={id} value={id}>
              {ACTIVATIONS[id].label}
            </option>
          ))}
        </select>
      </label>
      <label>
        Range x ∈ [−{gallery.range}, {gallery.range}]
        <input
          type="range"
          min={1}
          max={20}
          step={1}
          value={gallery.range}
          onChange={(e) => onChange({ ...gallery, range: Number(e.target.value) })}
          data-testid="gallery-range"
        />
      </label>
      <label>
        Cursor x <span className="value">{cursor.toFixed(3)}</span>
        <input
          type="range"
          min={-gallery.range}
          max={gallery.range}
          step={gallery.range / 200}
          value={Math.max(-gallery.range, Math.min(gallery.range, cursor))}
          onChange={(e) => onCursor(Number(e.target.value))}
          data-testid="gallery-cursor-slider"
        />
      </label>
      <p className="readout">
        Hover the chart to move the cursor. Solid lines are f, dashed lines f′; a shaded band is
        where that activation saturates.
      </p>
    </>
  );
}
