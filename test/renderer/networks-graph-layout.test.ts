// The Networks graph reads weights, biases, γ, β and batch norm's running averages out of a
// frame's flat params by offsets of its own (graph-layout.ts); on random nets with batch norm on
// random layers those offsets land on the values the core MLP keeps there.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { mlpCreate } from '../../core/ml/mlp';
import { layerOffsets, runningOffset } from '../../renderer/labs/networks/graph-layout';

describe('networks graph offsets', () => {
  it('weights, biases or γ and β, and running averages sit where the MLP keeps them', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 7 }),
        fc.array(fc.record({ units: fc.integer({ min: 1, max: 6 }), bn: fc.boolean() }), {
          maxLength: 4,
        }),
        fc.integer({ min: 1, max: 5 }),
        (inputs, hidden, outputs) => {
          const widths = [inputs, ...hidden.map((h) => h.units), outputs];
          const bn = hidden.map((h) => h.bn);
          const net = mlpCreate({
            sizes: widths,
            activation: 'tanh',
            loss: 'mse',
            batchNorm: bn,
            seed: 3,
          });
          // Distinct values everywhere, running averages included (as a frame carries them).
          const frame = new Float64Array(net.paramCount + net.running.length);
          for (let i = 0; i < frame.length; i++) frame[i] = i + 0.5;
          net.params.set(frame.subarray(0, net.paramCount));
          net.running.set(frame.subarray(net.paramCount));
          const offsets = layerOffsets(widths, bn);
          net.layers.forEach((layer, l) => {
            const off = offsets[l];
            expect(off.batchNorm).toBe(layer.batchNorm);
            expect(frame[off.w + layer.w.length - 1]).toBe(layer.w[layer.w.length - 1]);
            if (layer.batchNorm) {
              expect(frame[off.b]).toBe(layer.gamma[0]);
              expect(frame[off.b + layer.fanOut]).toBe(layer.beta[0]);
              const at = runningOffset(
                net.paramCount,
                hidden.map((h) => h.units),
                bn,
                l,
              );
              const last = layer.fanOut - 1;
              expect(frame[at + last]).toBe(layer.runningMean[last]);
              expect(frame[at + layer.fanOut + last]).toBe(layer.runningVar[last]);
            } else expect(frame[off.b + layer.fanOut - 1]).toBe(layer.b[layer.fanOut - 1]);
          });
        },
      ),
      { numRuns: 200, seed: 7 },
    );
  });
});
