/*
 * Native reference of the MLP training loop in core/ml (mlpTrainStep): a dense net with tanh
 * hidden layers and a linear output, binary cross-entropy on logits, one plain SGD step per
 * minibatch, per-layer weight-gradient norms and the global gradient norm computed every step.
 * Same equations, same formulas for every scalar function (tanh, sech² = 4e/(1+e)², e = exp(−2|u|);
 * σ and the loss as in core/math/logistic.ts and core/ml/mlp-loss.ts) and the same order of
 * additions, so both sides reach the same final loss up to the last bits of libm.
 *
 * Usage: mlp <input> <output>
 * Input (little-endian): int32 count of sizes, int32 sizes[count], int32 batch, int32 batches,
 *   int32 steps, int32 repeats, float64 lr, float64 x[batches·batch·n_in],
 *   float64 y[batches·batch·n_out], float64 params[P] (per layer: W row-major n_in×n_out, then b).
 * Step k trains on minibatch k mod batches. Every repeat starts from the same params.
 * Output file: float64 params after the last repeat. Stdout: one "run <wall ns> <CPU ns>" line per
 * repeat (CPU: the process's CPU time, which other programs on a busy machine do not inflate), then
 * "loss <full-data loss after training>", "last <last minibatch loss>", "norm <last gradient norm>".
 */
#define _POSIX_C_SOURCE 199309L
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static int L; /* number of layers */
static int sizes[64];
static int woff[64], boff[64]; /* offsets of W and b in params */
static int P, widest;
static double *params, *grads, *norms;
static double *hs[65]; /* hs[0] = input rows, hs[l+1] = output of layer l (B × n_{l+1}) */
static double *us[64]; /* pre-activations of layer l */
static double *gA, *gB, *gZ;

static void die(const char *m) {
  fprintf(stderr, "mlp.c: %s\n", m);
  exit(2);
}

static void readAll(FILE *f, void *p, size_t n) {
  if (fread(p, 1, n, f) != n) die("short input");
}

static double *alloc(size_t n) {
  double *p = calloc(n ? n : 1, sizeof(double));
  if (!p) die("out of memory");
  return p;
}

static double sigmoid(double x) {
  double e = exp(-fabs(x));
  return x >= 0 ? 1 / (1 + e) : e / (1 + e);
}

static double sech2(double x) {
  double e = exp(-2 * fabs(x));
  double d = 1 + e;
  return (4 * e) / (d * d);
}

/* ‖v‖₂ scaled by max|vᵢ| first, as normL2 in core/ml/clip.ts. */
static double normL2(const double *v, int n) {
  double scale = 0, sum = 0;
  for (int i = 0; i < n; i++) scale = fmax(scale, fabs(v[i]));
  if (scale == 0 || !isfinite(scale)) return scale;
  for (int i = 0; i < n; i++) {
    double t = v[i] / scale;
    sum += t * t;
  }
  return scale * sqrt(sum);
}

/* Forward over B rows of x; returns the output layer's rows (logits). */
static const double *forward(const double *x, int B) {
  memcpy(hs[0], x, sizeof(double) * B * sizes[0]);
  for (int l = 0; l < L; l++) {
    int fi = sizes[l], fo = sizes[l + 1];
    const double *w = params + woff[l], *b = params + boff[l], *h = hs[l];
    double *z = us[l];
    for (int s = 0; s < B; s++) {
      double *zr = z + s * fo;
      const double *hr = h + s * fi;
      for (int j = 0; j < fo; j++) zr[j] = b[j];
      for (int i = 0; i < fi; i++) {
        double hv = hr[i];
        if (hv == 0) continue;
        const double *wr = w + i * fo;
        for (int j = 0; j < fo; j++) zr[j] += hv * wr[j];
      }
    }
    if (l < L - 1) {
      double *a = hs[l + 1];
      for (int k = 0; k < B * fo; k++) a[k] = tanh(z[k]);
    }
  }
  return us[L - 1];
}

/* Mean binary cross-entropy on logits; writes ∂L/∂z into grad when given. */
static double lossBce(const double *z, const double *y, int n, double *grad) {
  double sum = 0;
  for (int i = 0; i < n; i++) {
    double v = z[i];
    sum += fmax(v, 0) - v * y[i] + log1p(exp(-fabs(v)));
    if (grad) grad[i] = (sigmoid(v) - y[i]) / n;
  }
  return sum / n;
}

static void backward(int B) {
  double *g = gA;
  for (int l = L - 1; l >= 0; l--) {
    int fi = sizes[l], fo = sizes[l + 1], n = B * fo;
    const double *w = params + woff[l], *h = hs[l];
    double *gw = grads + woff[l], *gb = grads + boff[l];
    double *dz = g;
    if (l < L - 1) {
      dz = gZ;
      const double *u = us[l];
      for (int k = 0; k < n; k++) dz[k] = g[k] * sech2(u[k]);
    }
    memset(gw, 0, sizeof(double) * fi * fo);
    memset(gb, 0, sizeof(double) * fo);
    for (int s = 0; s < B; s++)
      for (int j = 0; j < fo; j++) gb[j] += dz[s * fo + j];
    double *next = g == gA ? gB : gA;
    for (int s = 0; s < B; s++) {
      const double *hr = h + s * fi, *dr = dz + s * fo;
      for (int i = 0; i < fi; i++) {
        double hv = hr[i];
        double *gr = gw + i * fo;
        const double *wr = w + i * fo;
        if (l == 0) {
          if (hv != 0)
            for (int j = 0; j < fo; j++) gr[j] += hv * dr[j];
          continue;
        }
        double sum = 0;
        for (int j = 0; j < fo; j++) {
          double d = dr[j];
          gr[j] += hv * d;
          sum += d * wr[j];
        }
        next[s * fi + i] = sum;
      }
    }
    g = next;
  }
}

static double nowNs(clockid_t clock) {
  struct timespec t;
  clock_gettime(clock, &t);
  return t.tv_sec * 1e9 + t.tv_nsec;
}

int main(int argc, char **argv) {
  if (argc != 3) die("usage: mlp <input> <output>");
  FILE *f = fopen(argv[1], "rb");
  if (!f) die("cannot open input");
  int32_t count, hdr[4];
  readAll(f, &count, 4);
  if (count < 2 || count > 65) die("bad size count");
  int32_t sz[65];
  readAll(f, sz, 4 * count);
  readAll(f, hdr, 16);
  double lr;
  readAll(f, &lr, 8);
  L = count - 1;
  widest = 0;
  P = 0;
  for (int l = 0; l < count; l++) {
    sizes[l] = sz[l];
    if (sizes[l] > widest) widest = sizes[l];
  }
  for (int l = 0; l < L; l++) {
    woff[l] = P;
    boff[l] = P + sizes[l] * sizes[l + 1];
    P = boff[l] + sizes[l + 1];
  }
  int B = hdr[0], batches = hdr[1], steps = hdr[2], repeats = hdr[3];
  int nIn = sizes[0], nOut = sizes[L];
  double *x = alloc((size_t)batches * B * nIn), *y = alloc((size_t)batches * B * nOut);
  double *init = alloc(P);
  readAll(f, x, sizeof(double) * batches * B * nIn);
  readAll(f, y, sizeof(double) * batches * B * nOut);
  readAll(f, init, sizeof(double) * P);
  fclose(f);

  params = alloc(P);
  grads = alloc(P);
  norms = alloc(L);
  int rows = batches * B; /* scratch sized for the full-data loss at the end */
  for (int l = 0; l <= L; l++) hs[l] = alloc((size_t)rows * sizes[l]);
  for (int l = 0; l < L; l++) us[l] = alloc((size_t)rows * sizes[l + 1]);
  gA = alloc((size_t)B * widest);
  gB = alloc((size_t)B * widest);
  gZ = alloc((size_t)B * widest);

  double last = 0, norm = 0, check = 0;
  for (int r = 0; r < repeats; r++) {
    memcpy(params, init, sizeof(double) * P);
    double t0 = nowNs(CLOCK_MONOTONIC), c0 = nowNs(CLOCK_PROCESS_CPUTIME_ID);
    for (int k = 0; k < steps; k++) {
      int m = k % batches;
      const double *out = forward(x + (size_t)m * B * nIn, B);
      last = lossBce(out, y + (size_t)m * B * nOut, B * nOut, gA);
      backward(B);
      for (int l = 0; l < L; l++) norms[l] = normL2(grads + woff[l], sizes[l] * sizes[l + 1]);
      norm = normL2(grads, P);
      for (int i = 0; i < P; i++) params[i] -= lr * grads[i];
    }
    double t1 = nowNs(CLOCK_MONOTONIC), c1 = nowNs(CLOCK_PROCESS_CPUTIME_ID);
    for (int l = 0; l < L; l++) check += norms[l];
    printf("run %.0f %.0f\n", t1 - t0, c1 - c0);
  }
  const double *out = forward(x, rows);
  printf("loss %.17g\nlast %.17g\nnorm %.17g\ncheck %.17g\n", lossBce(out, y, rows * nOut, NULL),
         last, norm, check);
  FILE *o = fopen(argv[2], "wb");
  if (!o || fwrite(params, sizeof(double), P, o) != (size_t)P) die("cannot write output");
  fclose(o);
  return 0;
}
