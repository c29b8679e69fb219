import { Controls } from './Controls';
import { Equations, Readout } from './Equations';
import { MapView } from './MapView';
import { useRegLabModel } from './use-model';
import { PathChart } from './PathChart';
import { useRegPathRun } from './path-run';
import { PlaneView } from './PlaneView';
import { useRegStore } from './store';
import { SurfaceView } from './SurfaceView';
import './regularization.css';

/**
 * Regularization lab: the (w₁, w₂) plane with the L1 diamond / L2 ball / elastic-net region, the
 * constrained optimum and its multiplier λ, the 3D loss and penalty surfaces, regularization
 * paths computed in compute, and the same solution as a posterior mode.
 */
const VIEWS = [
  ['geometry', 'Geometry'],
  ['paths', 'Paths and prior'],
] as const;

export default function RegularizationLab() {
  const params = useRegStore((s) => s.params);
  const setParams = useRegStore((s) => s.setParams);
  const model = useRegLabModel(params);
  useRegPathRun(params);
  return (
    <div className="lab reg-lab" data-testid="lab-regularization">
      <aside className="lab-controls" aria-label="Controls">
        <div className="reg-tabs" role="tablist" aria-label="View">
          {VIEWS.map(([id, label]) => (
            <button
              key={id}
              role="tab"
              aria-selected={params.view === id}
              onClick={() => setParams({ view: id })}
              data-testid={`tab-${id}`}
            >
              {label}
            </button>
          ))}
        </div>
        <Controls model={model} />
        <Readout model={model} />
      </aside>
      {/* One screen per view: a projector or a recording cannot scroll. */}
      <section className={`reg-views reg-views-${params.view}`} role="tabpanel">
        {params.view === 'geometry' ? (
          <>
            <div className="reg-top">
              <PlaneView model={model} />
              <SurfaceView model={model} />
            </div>
            <Equations model={model} />
          </>
        ) : (
          <div className="reg-bottom">
            <PathChart lambda={model.solution.lambda} />
            <MapView model={model} />
          </div>
        )}
      </section>
    </div>
  );
}
