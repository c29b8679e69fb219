import { ACTIVATIONS } from '../../../core/ml/activations';
import { DATASETS } from '../../../core/ml/datasets';
import { Later } from '../../components/Later';
import { ActivationHistograms } from './ActivationHistograms';
import { ChainProduct } from './ChainProduct';
import { FlowLossChart } from './FlowLossChart';
import { GradientHeatmap } from './GradientHeatmap';
import type { ActivationsParams } from '../../../core/labs/activations/params';
import { useFlowCount } from './use-flow-count';
import type { FlowRun } from './use-flow-run';

interface Props {
  run: FlowRun;
  state: ActivationsParams;
  onChain(chain: ActivationsParams['chain']): void;
}

/**
 * The gradient-flow views: heat map, activation histograms, loss curve and the scalar chain. The
 * panels' contents mount a frame apart (Later), so opening the tab is no single long task.
 */
export function FlowPanel({ run, state, onChain }: Props) {
  const { flow, chain } = state;
  const { buffer } = run;
  const shown = useFlowCount(buffer);
  const act = ACTIVATIONS[flow.activation];
  const bounded = act.range.every(Number.isFinite);
  return (
    <section className="act-flow" aria-label="Gradient flow through depth">
      <div className="act-panel act-flow-heat">
        <h3>
          ‖∂L/∂W‖ per weight layer and step — {flow.depth} × {act.label}, width {flow.width}
          {flow.batchNorm ? ', batch norm' : ''}
          {flow.residual ? ', skip connections' : ''}
          {flow.clipNorm > 0 ? `, clipped to ${flow.clipNorm}` : ''}
        </h3>
        <GradientHeatmap buffer={buffer} />
      </div>
      <div className="act-panel">
        <h3>
          Activations per hidden layer
          {buffer.histograms ? `, step ${buffer.histograms.step}` : ''}
        </h3>
        <Later>
          <ActivationHistograms
            histograms={buffer.histograms}
            depth={flow.depth}
            bounded={bounded}
          />
        </Later>
        {bounded && (
          <p className="act-hist-note">
            <span className="act-at-bounds">Orange</span>: the two outer bins, next to the bounds
            where the activation saturates; the % beside each layer is their share.
          </p>
        )}
      </div>
      <div className="act-panel">
        <h3>Loss</h3>
        <Later frames={2}>
          <FlowLossChart
            buffer={buffer}
            shown={shown}
            classification={DATASETS[flow.dataset].task === 'classification'}
          />
        </Later>
      </div>
      <div className="act-panel">
        <h3>Chain of {flow.depth} scalar links h = f(w·h)</h3>
        <Later frames={3}>
          <ChainProduct
            activation={flow.activation}
            depth={flow.depth}
            x0={chain.x0}
            weight={chain.weight}
            onChange={onChain}
          />
        </Later>
      </div>
    </section>
  );
}
