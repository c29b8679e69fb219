import { networksTask } from '../../../core/labs/networks/model';
import { Controls } from './Controls';
import { HoverInfo } from './HoverInfo';
import { LossCharts } from './LossCharts';
import { NetGraph } from './NetGraph';
import { Regions } from './Regions';
import { RunBar } from './RunBar';
import { useNetworksStore } from './store';
import { useNetworksTrain } from './use-train';
import './networks.css';

/**
 * Networks lab: a small network trained live on 2D data (generated or the user's own) — the
 * network as a graph with every neuron's map, the output over the plane behind the points, and
 * train/test loss and accuracy by epoch. Training runs in compute; this only draws.
 */
export default function NetworksLab() {
  useNetworksTrain();
  const classification = useNetworksStore((s) => networksTask(s.params) === 'classification');
  return (
    <div className="lab net-lab" data-testid="lab-networks">
      <Controls />
      <section className="net-views">
        <RunBar />
        <div className="net-main">
          <div className="net-left">
            <NetGraph />
            <HoverInfo />
          </div>
          <div className="net-right">
            <Regions />
            <LossCharts classification={classification} />
          </div>
        </div>
      </section>
    </div>
  );
}
