// Custom f(x, y) evaluation: our register-bytecode evaluator (vectorised over the grid, f and its
// symbolic gradient in one program) versus mathjs compile().evaluate of f and of mathjs's own
// derivative() expressions, point by point, on the same 256×256 grid.
import { all, create } from 'mathjs';
import { exprGridPoints } from '../../core/math/expr-check';
import { exprCompileSource, exprEvalGrid, exprEvalPointInto } from '../../core/math/expr-compile';
import { relativeErrorMax } from '../../core/math/finite-diff';
import { benchBestOf } from './timing';

const math = create(all);
const SIDE = 256;
const EXPRESSIONS = [
  { name: 'rosenbrock', source: '(1-x)^2 + 100*(y-x^2)^2' },
  { name: 'trig bowl', source: 'sin(x)*cos(y) + 0.1*(x^2+y^2)' },
  { name: 'softplus', source: 'log(1+exp(x-y))' },
];

export default async function (): Promise<void> {
  const { xs, ys } = exprGridPoints({ xMin: -2, xMax: 2, yMin: -1, yMax: 3 }, SIDE, SIDE);
  const n = xs.length;
  console.log(`grid ${SIDE}×${SIDE} = ${n} points; value + gradient; best of 5 after 2 warm-ups`);
  let worstRatio = Infinity;
  for (const { name, source } of EXPRESSIONS) {
    const compileStart = performance.now();
    const result = exprCompileSource(source);
    const compileMs = performance.now() - compileStart;
    if (!result.ok) throw new Error(`${source}: ${result.message}`);
    const compiled = result.compiled;
    const ours = { f: new Float64Array(n), fx: new Float64Array(n), fy: new Float64Array(n) };
    const oursMs = benchBestOf(() => exprEvalGrid(compiled, xs, ys, ours));

    // The scalar path the optimisers use, one point per call, over the same grid.
    const point = new Float64Array(3);
    const scalar = { f: new Float64Array(n), fx: new Float64Array(n), fy: new Float64Array(n) };
    const pointMs = benchBestOf(() => {
      for (let i = 0; i < n; i++) {
        exprEvalPointInto(compiled, xs[i], ys[i], point, 1);
        scalar.f[i] = point[0];
        scalar.fx[i] = point[1];
        scalar.fy[i] = point[2];
      }
    });
    if (relativeErrorMax(scalar.fx, ours.fx) !== 0)
      throw new Error(`${name}: point and grid differ`);

    const f = math.compile(source);
    const fx = math.derivative(source, 'x').compile();
    const fy = math.derivative(source, 'y').compile();
    const peer = { f: new Float64Array(n), fx: new Float64Array(n), fy: new Float64Array(n) };
    const scope = { x: 0, y: 0 };
    const peerMs = benchBestOf(() => {
      for (let i = 0; i < n; i++) {
        scope.x = xs[i];
        scope.y = ys[i];
        peer.f[i] = f.evaluate(scope) as number;
        peer.fx[i] = fx.evaluate(scope) as number;
        peer.fy[i] = fy.evaluate(scope) as number;
      }
    });

    const error = Math.max(
      relativeErrorMax(ours.f, peer.f),
      relativeErrorMax(ours.fx, peer.fx),
      relativeErrorMax(ours.fy, peer.fy),
    );
    if (!(error <= 1e-9))
      throw new Error(`${name}: ours and mathjs disagree (max relative error ${error})`);
    const ratio = peerMs / oursMs;
    worstRatio = Math.min(worstRatio, ratio);
    console.log(
      `${name.padEnd(11)} ours ${oursMs.toFixed(2).padStart(6)} ms (point-by-point ${pointMs.toFixed(2)} ms,` +
        ` compile ${compileMs.toFixed(2)} ms)` +
        `  mathjs ${peerMs.toFixed(1).padStart(7)} ms  max rel err ${error.toExponential(1)}` +
        `  ours is ${ratio.toFixed(1)}× faster`,
    );
  }
  console.log(`slowest ratio ${worstRatio.toFixed(1)}× (target ≥ 5×)`);
}
