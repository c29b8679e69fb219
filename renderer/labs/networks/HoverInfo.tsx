import { NET_FEATURES } from '../../../core/ml/net-features';
import { optimizerById } from '../../../core/ml/optimizers';
import {
  networksFeatures,
  networksLayers,
  networksPoints,
  networksWidths,
} from '../../../core/labs/networks/model';
import { Tex, texNum } from '../../components/Tex';
import { layerOffsets } from './graph-layout';
import { LayerNote } from './LayerNote';
import { netLive } from './live';
import { useNetworksStore } from './store';
import { useThrottledSeq } from './use-throttled';

/** What the pointer is over in the graph: its value, gradient and this step's update, in numbers. */
export function HoverInfo() {
  const hover = useNetworksStore((s) => s.hover);
  const params = useNetworksStore((s) => s.params);
  useThrottledSeq(100);
  const f = netLive.frame;
  const classes = networksPoints(params).classes;
  const widths = networksWidths(params, classes);
  if (!hover) {
    return (
      <div className="net-hover" data-testid="net-hover">
        <p className="net-muted">
          Point at a neuron or an edge of the network to see its value, its gradient and the update
          the optimizer made, with numbers.
        </p>
      </div>
    );
  }
  if (hover.kind === 'neuron' && hover.layer === 0) {
    const id = networksFeatures(params)[hover.unit];
    return (
      <div className="net-hover" data-testid="net-hover">
        <p>
          Input {hover.unit + 1}: <Tex tex={id ? NET_FEATURES[id].tex : '?'} />, drawn over the
          plane (blue positive, orange negative).
        </p>
      </div>
    );
  }
  const offsets = layerOffsets(
    widths,
    networksLayers(params).map((l) => l.batchNorm === true),
  );
  const l = hover.layer - (hover.kind === 'neuron' ? 1 : 0);
  const off = offsets[l];
  if (!f || !off || f.params.length === 0)
    return <div className="net-hover" data-testid="net-hover" />;
  const fanOut = widths[l + 1];
  const index = hover.kind === 'edge' ? off.w + hover.from * fanOut + hover.to : off.b + hover.unit;
  const sym =
    hover.kind === 'edge'
      ? `W^{(${l + 1})}_{${hover.from + 1},${hover.to + 1}}`
      : `${off.batchNorm ? '\\beta' : 'b'}^{(${l + 1})}_{${hover.unit + 1}}`;
  const bIndex = off.batchNorm && hover.kind === 'neuron' ? index + fanOut : index;
  const value = f.params[bIndex];
  const grad = f.grads[bIndex];
  const delta = f.delta[bIndex];
  const before = value - delta;
  const opt = optimizerById(params.optimizer);
  const sgd = params.optimizer === 'sgd';
  const rule = sgd
    ? `${sym} \\leftarrow ${texNum(before)} - ${texNum(params.lr)}\\times ${texNum(grad)} = ${texNum(value)}`
    : `\\Delta ${sym} = ${texNum(delta)}\\ \\text{(${opt?.descriptor.title ?? params.optimizer})}`;
  return (
    <div className="net-hover" data-testid="net-hover">
      <p>
        {hover.kind === 'edge'
          ? `Weight from neuron ${hover.from + 1} of ${l === 0 ? 'the inputs' : `layer ${l}`} to neuron ${hover.to + 1} of ${l + 1 === widths.length - 1 ? 'the output' : `layer ${l + 1}`}`
          : `${off.batchNorm ? 'Shift β' : 'Bias'} of neuron ${hover.unit + 1} in ${l + 1 === widths.length - 1 ? 'the output layer' : `layer ${l + 1}`}`}
        , after step {f.step}:
      </p>
      <Tex
        block
        tex={`${sym} = ${texNum(value)},\\quad \\frac{\\partial (L+\\Omega)}{\\partial ${sym}} = ${texNum(grad)}`}
      />
      <Tex block tex={rule} />
      {!sgd && opt ? <Tex block tex={opt.descriptor.tex} /> : null}
      {hover.kind === 'neuron' && l + 1 < widths.length - 1 ? (
        <LayerNote
          params={params}
          classes={classes}
          frame={f}
          offsets={offsets}
          layer={l}
          unit={hover.unit}
        />
      ) : null}
    </div>
  );
}
