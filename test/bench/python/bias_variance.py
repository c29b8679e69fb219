"""The seeds' bias-variance computation (np.vander + np.linalg.lstsq per fit), scaled to the
benchmark's work: D training sets of n points from sin(2*pi*x) + N(0, sigma^2), every degree
0..min(maxDegree, n - 1) fitted to each set, predictions on T = 100 midpoints, bias^2, variance, test error on
fresh noise and training error per degree. A second variant does the same work batched over the
sets (np.linalg.qr on a stack of Legendre design matrices), the fastest plain numpy we know.
Prints one JSON line: seconds (wall and CPU) per variant and a few numbers to compare."""
import json, sys, time
import numpy as np

n, D, G, reps, seed = (int(v) for v in sys.argv[1:6])
G = min(G, n)  # degrees above n - 1 are not fitted (more coefficients than points), as in the app
sigma, T = 0.2, 100
xt = (np.arange(T) + 0.5) / T
ft = np.sin(2 * np.pi * xt)

def summarise(preds, test_mse, train_mse):
    m = preds.mean(axis=1)                     # (G, T)
    v = preds.var(axis=1, ddof=1)
    bias2 = ((m - ft) ** 2 - v / D).mean(axis=1)
    return bias2, v.mean(axis=1), test_mse.mean(axis=0), train_mse.mean(axis=0)

def seeds_loop(rng):
    preds = np.empty((G, D, T)); test_mse = np.empty((D, G)); train_mse = np.empty((D, G))
    for k in range(D):
        x = rng.uniform(0, 1, n)
        y = np.sin(2 * np.pi * x) + rng.normal(0, sigma, n)
        fresh = ft + rng.normal(0, sigma, T)
        for d in range(G):
            A = np.vander(x, d + 1, increasing=True)
            coeffs, _, _, _ = np.linalg.lstsq(A, y, rcond=None)
            p = np.vander(xt, d + 1, increasing=True) @ coeffs
            preds[d, k] = p
            test_mse[k, d] = np.mean((fresh - p) ** 2)
            train_mse[k, d] = np.mean((y - A @ coeffs) ** 2)
    return summarise(preds, test_mse, train_mse)

def batched_qr(rng):
    X = rng.uniform(0, 1, (D, n))
    Y = np.sin(2 * np.pi * X) + rng.normal(0, sigma, (D, n))
    fresh = ft + rng.normal(0, sigma, (D, T))
    V = np.polynomial.legendre.legvander(2 * X - 1, G - 1)       # (D, n, G)
    Q, R = np.linalg.qr(V)                                         # stacked
    z = np.einsum('kij,ki->kj', Q, Y)                              # Q^T y
    Vt = np.polynomial.legendre.legvander(2 * xt - 1, G - 1)      # (T, G)
    # psi = Vt R^-1 per set: solve R^T psi^T = Vt^T
    psi = np.linalg.solve(np.transpose(R, (0, 2, 1)), np.broadcast_to(Vt.T, (D, G, T)))  # (D, G, T)
    preds = np.cumsum(z[:, :, None] * psi, axis=1).transpose(1, 0, 2)   # (G, D, T)
    fitted = np.cumsum(z[:, None, :] * Q, axis=2)                        # (D, n, G)
    train_mse = ((Y[:, :, None] - fitted) ** 2).mean(axis=1)
    test_mse = ((fresh[None] - preds) ** 2).mean(axis=2).T
    return summarise(preds, test_mse, train_mse)

out = {}
for name, fn in (("seeds_loop", seeds_loop), ("batched_qr", batched_qr)):
    walls, cpus = [], []
    for r in range(reps):
        rng = np.random.default_rng(seed + r)
        w0, c0 = time.perf_counter(), time.process_time()
        b, v, te, tr = fn(rng)
        walls.append(time.perf_counter() - w0); cpus.append(time.process_time() - c0)
    out[name] = {"wall": sorted(walls)[len(walls) // 2], "cpu": sorted(cpus)[len(cpus) // 2],
                 "bias2_3": float(b[3]), "variance_3": float(v[3]), "test_3": float(te[3])}
print(json.dumps(out))
