// The Inside lab's toolkit under Node: recording advances the backprop walk one step per fixed
// time step and stops at the last, sweeps the layer's stage 0 → 2 → 0, feeds the batch-norm
// view's running statistics one earlier batch per time step; export holds the model's numbers.
import { afterEach, describe, expect, it } from 'vitest';
import { bpModel } from '../../core/labs/inside/model-backprop';
import { INSIDE_DEFAULTS } from '../../core/labs/inside/params';
import { landscapeCompute } from '../../core/labs/inside/sim-landscape';
import { useInsideStore } from '../../renderer/labs/inside/store';
import { landscapeSimParamsOf, useLandscapeRun } from '../../renderer/labs/inside/use-landscape';
import {
  BN_SECONDS_PER_BATCH,
  BP_SECONDS_PER_STEP,
  insideToolkit,
  LAYER_SWEEP_SECONDS,
} from '../../renderer/labs/inside/toolkit';

afterEach(() => useInsideStore.setState({ params: INSIDE_DEFAULTS }));

const params = () => useInsideStore.getState().params;

describe('inside toolkit', () => {
  it('seek walks the backprop steps on a fixed clock and stops at the last', () => {
    const last = bpModel(INSIDE_DEFAULTS.backprop).steps.length - 1;
    insideToolkit.seek!(0);
    expect(params().backprop.step).toBe(0);
    insideToolkit.seek!(3 * BP_SECONDS_PER_STEP + 0.01);
    expect(params().backprop.step).toBe(3);
    insideToolkit.seek!(3 * BP_SECONDS_PER_STEP - 0.01);
    expect(params().backprop.step).toBe(2);
    insideToolkit.seek!(1000);
    expect(params().backprop.step).toBe(last);
  });

  it('on the layer view seek sweeps t from 0 to 2 and back; on batch norm it adds earlier batches', () => {
    useInsideStore.getState().setParams({ view: 'layer' });
    insideToolkit.seek!(0);
    expect(params().layer.t).toBe(0);
    insideToolkit.seek!(LAYER_SWEEP_SECONDS);
    expect(params().layer.t).toBe(2);
    insideToolkit.seek!(LAYER_SWEEP_SECONDS / 2);
    expect(params().layer.t).toBe(1);
    insideToolkit.seek!(2 * LAYER_SWEEP_SECONDS);
    expect(params().layer.t).toBe(0);
    useInsideStore.getState().setParams({ view: 'batchnorm' });
    insideToolkit.seek!(10 * BN_SECONDS_PER_BATCH + 0.01);
    expect(params().bn.history).toBe(10);
  });

  it('export: the backprop CSV lists every node with the model’s value and gradient', () => {
    const [nodes, summary] = insideToolkit.exportData!();
    const m = bpModel(INSIDE_DEFAULTS.backprop);
    const rows = nodes.content.trim().split('\n');
    expect(rows[0]).toBe('node,kind,value,dL_dnode');
    expect(rows).toHaveLength(m.graph.nodes.length + 1);
    const w11 = rows.find((r) => r.startsWith('w11,'))!.split(',');
    expect(Number(w11[2])).toBe(0.4);
    expect(Number(w11[3])).toBe(m.eval.grad.get('w11'));
    expect(JSON.parse(summary.content).lossAfterUpdate).toBe(m.nextLoss);
  });

  it('landscape: seek leaves it still, ready waits for the computation, export holds its grid', () => {
    useInsideStore.setState({
      params: {
        ...INSIDE_DEFAULTS,
        view: 'landscape',
        landscape: { ...INSIDE_DEFAULTS.landscape, res: 5, epochs: 3 },
      },
    });
    const before = JSON.stringify(params());
    insideToolkit.seek!(7.5);
    expect(JSON.stringify(params())).toBe(before);
    useLandscapeRun.setState({ status: 'computing', result: null });
    expect(insideToolkit.ready!()).toBe(false);
    expect(insideToolkit.exportData!()).toEqual([]);
    const r = landscapeCompute(landscapeSimParamsOf(params().landscape, params().seed));
    useLandscapeRun.setState({ status: 'ready', result: r });
    expect(insideToolkit.ready!()).toBe(true);
    const [grid, summary] = insideToolkit.exportData!();
    const rows = grid.content.trim().split('\n');
    expect(rows[0]).toBe('alpha,beta,loss');
    expect(rows.length).toBe(1 + 25);
    // The centre cell (α = β = 0) is the trained net's loss.
    expect(rows[1 + 12]).toBe(`0,0,${r.lossStar}`);
    expect(JSON.parse(summary.content).lossAtTrained).toBe(r.lossStar);
    useLandscapeRun.setState({ status: 'failed' });
    expect(insideToolkit.ready!()).toBe(true);
  });
});
