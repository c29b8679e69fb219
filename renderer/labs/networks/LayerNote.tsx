import { networksLayers, networksParamCount } from '../../../core/labs/networks/model';
import type { NetworksParams } from '../../../core/labs/networks/params';
import type { NetworksFrame } from '../../../core/labs/networks/sim';
import { Tex, texNum } from '../../components/Tex';
import { runningOffset, type LayerOffsets } from './graph-layout';

/**
 * What batch norm and dropout did to a hovered hidden neuron, with the frame's numbers: γ, β and
 * the running mean and variance the pictures use; how many samples of the last minibatch dropout
 * zeroed it for.
 */
export function LayerNote({
  params,
  classes,
  frame,
  offsets,
  layer,
  unit,
}: {
  params: NetworksParams;
  classes: number;
  frame: NetworksFrame;
  offsets: LayerOffsets[];
  /** Hidden layer index (0 = the first hidden layer). */
  layer: number;
  unit: number;
}) {
  const layers = networksLayers(params);
  const spec = layers[layer];
  if (!spec) return null;
  const notes = [];
  if (spec.batchNorm) {
    const off = offsets[layer];
    const gamma = frame.params[off.b + unit];
    const beta = frame.params[off.b + spec.units + unit];
    const at = runningOffset(
      networksParamCount(params, classes),
      layers.map((l) => l.units),
      layers.map((l) => l.batchNorm === true),
      layer,
    );
    const mean = frame.params[at + unit];
    const variance = frame.params[at + spec.units + unit];
    notes.push(
      <div key="bn" data-testid="net-hover-bn">
        <p>
          Batch norm: training normalises z with each minibatch’s own mean and variance; the
          pictures and the loss charts use running averages:{' '}
          <Tex
            tex={`\\bar\\mu = ${texNum(mean)},\\ \\bar\\sigma^2 = ${texNum(variance)}:\\ u = ${texNum(gamma)}\\,(z - \\bar\\mu)/\\sqrt{\\bar\\sigma^2 + \\varepsilon} ${beta < 0 ? '-' : '+'} ${texNum(Math.abs(beta))}`}
          />
          .
          {params.batch === 1
            ? ' With batch size 1 the training output is β alone (the sample minus its own mean is 0), and the running averages do not move.'
            : ''}
        </p>
      </div>,
    );
  }
  const p = spec.dropout ?? 0;
  if (p > 0) {
    let u = 0;
    for (let l = 0; l < layer; l++) u += layers[l].units;
    const zeroed = frame.dropped[u + unit];
    const rows = frame.batchRows;
    notes.push(
      <p key="drop" data-testid="net-hover-dropout">
        Dropout p = {p}:{' '}
        {rows > 0 && zeroed !== undefined
          ? `in the last minibatch (${rows} samples) this neuron was zeroed for ${zeroed} and multiplied by 1/(1 − p) = ${(1 / (1 - p)).toFixed(3)} for the other ${rows - zeroed}.`
          : `each training step zeroes it with probability ${p} and multiplies it by 1/(1 − p) = ${(1 / (1 - p)).toFixed(3)} otherwise.`}{' '}
        The pictures and the loss charts use it whole.
      </p>,
    );
  }
  return notes.length > 0 ? <>{notes}</> : null;
}
