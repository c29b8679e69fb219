import { cloudsDraw } from '../../../core/labs/losses/data';
import { MAX_STEPS, TRAINED_LOSSES, type LossesParams } from '../../../core/labs/losses/params';
import { ParamSlider } from '../../components/ParamSlider';
import { LOSS_NAME } from './colors';
import { FocalShapes, nextSeed, Overlays, RegressionShapes, spec, useSet } from './Controls';

/** The likelihood view: the shapes, the Bernoulli p, the three logits, the true class, smoothing. */
export function LikelihoodControls({ params }: { params: LossesParams }) {
  const set = useSet();
  const l = params.likelihood;
  const lk = (patch: Partial<LossesParams['likelihood']>) =>
    set((p) => ({ ...p, likelihood: { ...p.likelihood, ...patch } }));
  return (
    <>
      <RegressionShapes params={params} />
      <ParamSlider
        spec={spec('p', 'Bernoulli p', 'p', 0.01, 0.99)}
        value={l.p}
        onChange={(p) => lk({ p })}
        testId="loss-bernoulli-p"
      />
      {[0, 1, 2].map((i) => (
        <ParamSlider
          key={i}
          spec={spec(`z${i}`, `Logit of class ${i + 1}`, `z_${i + 1}`, -8, 8)}
          value={l.logits[i]}
          onChange={(v) =>
            lk({ logits: l.logits.map((z, j) => (j === i ? v : z)) as [number, number, number] })
          }
          testId={`loss-logit-${i}`}
        />
      ))}
      <label>
        True class
        <select
          value={l.target}
          onChange={(e) => lk({ target: Number(e.target.value) })}
          data-testid="loss-target"
        >
          {[0, 1, 2].map((k) => (
            <option key={k} value={k}>
              class {k + 1}
            </option>
          ))}
        </select>
      </label>
      <ParamSlider
        spec={spec('smoothing', 'Label smoothing', '\\varepsilon', 0, 0.5)}
        value={l.smoothing}
        onChange={(smoothing) => lk({ smoothing })}
        testId="loss-smoothing"
      />
      <Overlays params={params} which="regression" />
    </>
  );
}

/** The classifier view: the loss, its shape, training settings and the step shown. */
export function ClassifyControls({ params }: { params: LossesParams }) {
  const set = useSet();
  const c = params.classify;
  const cl = (patch: Partial<LossesParams['classify']>) =>
    set((p) => ({ ...p, classify: { ...p.classify, ...patch } }));
  return (
    <>
      <div className="row" role="group" aria-label="Loss trained">
        {TRAINED_LOSSES.map((l) => (
          <button
            key={l}
            aria-pressed={c.loss === l}
            onClick={() => cl({ loss: l })}
            data-testid={`loss-train-${l}`}
          >
            {LOSS_NAME[l]}
          </button>
        ))}
      </div>
      <FocalShapes params={params} />
      <ParamSlider
        spec={spec('step', 'Step shown', 'k', 0, c.steps, { integer: true })}
        value={Math.min(c.step, c.steps)}
        onChange={(step) => cl({ step })}
        testId="loss-step"
      />
      <ParamSlider
        spec={spec('lr', 'Learning rate', '\\eta', 0.001, 5, { log: true })}
        value={c.lr}
        onChange={(lr) => cl({ lr })}
      />
      <ParamSlider
        spec={spec('steps', 'Steps', 'T', 10, MAX_STEPS, { integer: true, log: true })}
        value={c.steps}
        onChange={(steps) => cl({ steps, step: steps })}
      />
      <ParamSlider
        spec={spec('l2', 'L2 penalty on w', '\\lambda', 0, 1)}
        value={c.l2}
        onChange={(l2) => cl({ l2 })}
      />
      <button
        onClick={() =>
          set((p) => ({
            ...p,
            seed: nextSeed(p.seed),
            classify: { ...p.classify, points: cloudsDraw(nextSeed(p.seed), 10, 10) },
          }))
        }
        data-testid="loss-classify-new"
      >
        New points
      </button>
    </>
  );
}
