import { ACTIVATIONS, type ActivationId } from '../../../core/ml/activations';
import { Tex, texNum } from '../../components/Tex';
import { GalleryChart } from './GalleryChart';
import { galleryAt } from '../../../core/labs/activations/gallery';
import { type ActivationsParams } from '../../../core/labs/activations/params';
import { PALETTE } from '../../components/palette';

interface Props {
  gallery: ActivationsParams['gallery'];
  cursor: number;
  onCursor(x: number): void;
  onFocus(id: ActivationId): void;
}

const num = (v: number) => (Number.isFinite(v) ? v.toFixed(4) : String(v));

/** The gallery's views: the overlaid curves, the values at the cursor and the typeset formulas. */
export function GalleryPanel({ gallery, cursor, onCursor, onFocus }: Props) {
  const focus = ACTIVATIONS[gallery.focus];
  const at = galleryAt(gallery.focus, cursor);
  const x = texNum(cursor);
  return (
    <section className="act-gallery" aria-label="Activation gallery">
      <div className="act-panel act-gallery-plot">
        <h3>
          f(x) <span className="act-key act-key-solid" /> and f′(x){' '}
          <span className="act-key act-key-dashed" /> — shaded: {focus.label} saturates, |f′(x)|
          &lt; {focus.saturation.threshold}
        </h3>
        <GalleryChart
          selected={gallery.selected}
          focus={gallery.focus}
          range={gallery.range}
          cursor={cursor}
          onCursor={onCursor}
        />
      </div>
      <div className="act-panel act-gallery-readout">
        <h3>
          At x = <span data-testid="gallery-cursor">{cursor.toFixed(3)}</span>
        </h3>
        <table data-testid="gallery-readout">
          <thead>
            <tr>
              <th scope="col">Activation</th>
              <th scope="col">f(x)</th>
              <th scope="col">f′(x)</th>
            </tr>
          </thead>
          <tbody>
            {gallery.selected.map((e) => {
              const v = galleryAt(e.id, cursor);
              return (
                <tr key={e.id} className={v.saturated ? 'act-saturated' : undefined}>
                  <th scope="row">
                    <button
                      className="act-row-focus"
                      aria-pressed={e.id === gallery.focus}
                      title="Show its formulas and shade where it saturates"
                      onClick={() => onFocus(e.id)}
                    >
                      <span className="act-swatch" style={{ background: PALETTE[e.color] }} />
                      {ACTIVATIONS[e.id].label}
                    </button>
                  </th>
                  <td>{num(v.f)}</td>
                  <td>
                    {num(v.df)}
                    {v.saturated && <span className="act-flag"> saturated</span>}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      <div className="act-panel act-gallery-tex" data-testid="gallery-tex">
        <h3>{focus.label}</h3>
        {/* Some formulas in the registry give only the right-hand side. */}
        <Tex tex={focus.texF.includes('=') ? focus.texF : `f(x) = ${focus.texF}`} block />
        <Tex tex={focus.texDf} block />
        <Tex
          tex={`\\text{at } x = ${x}:\\quad f(${x}) = ${texNum(at.f)},\\quad f'(${x}) = ${texNum(at.df)}`}
          block
        />
      </div>
    </section>
  );
}
