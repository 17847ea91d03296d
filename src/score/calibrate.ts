/**
 * Calibration of the score weights: a logistic regression of "this cluster is a campaign" on the
 * detector values of clusters scored while replaying generated worlds (labels: the share of the
 * cluster's accounts that belong to a campaign, so mixed clusters count fractionally). Fitted by
 * Newton's method with an L2 penalty (ridge) towards prior weights, which keeps correlated
 * detectors from swinging to extreme opposite weights when a few campaigns are all there is. Pure: the runner (bench/calibrate-weights.ts) collects the rows.
 */

/** One training row: detector values, target in [0, 1], row weight. */
export interface CalibrationRow {
  x: number[];
  y: number;
  w?: number;
}

/** Constraints of a fit. */
export interface FitOptions {
  maxIterations?: number;
  /** Per weight: +1 keep >= 0, -1 keep <= 0, 0 free (a detector's documented direction). */
  signs?: readonly number[];
  /** Upper bound on the bias: a cluster with no evidence at all must score below sigmoid(maxBias). */
  maxBias?: number;
}

/** A fitted logistic model. */
export interface LogisticFit {
  bias: number;
  weights: number[];
  /** Mean cross-entropy on the rows. */
  loss: number;
  iterations: number;
}

function solve(a: number[][], b: number[]): number[] {
  const n = b.length;
  const m = a.map((row, i) => [...row, b[i]]);
  for (let c = 0; c < n; c++) {
    let p = c;
    for (let r = c + 1; r < n; r++) if (Math.abs(m[r][c]) > Math.abs(m[p][c])) p = r;
    [m[c], m[p]] = [m[p], m[c]];
    const d = m[c][c] || 1e-12;
    for (let r = 0; r < n; r++) {
      if (r === c) continue;
      const f = m[r][c] / d;
      for (let k = c; k <= n; k++) m[r][k] -= f * m[c][k];
    }
  }
  return m.map((row, i) => row[n] / (row[i] || 1e-12));
}

/** Mean penalised cross-entropy of coefficients `beta` (bias first). */
function objective(
  rows: readonly CalibrationRow[],
  beta: number[],
  lambda: number,
  prior?: readonly number[],
): number {
  let loss = 0;
  for (const r of rows) {
    const w = r.w ?? 1;
    let z = beta[0];
    for (let k = 0; k < r.x.length; k++) z += r.x[k] * beta[k + 1];
    const p = Math.min(1 - 1e-12, Math.max(1e-12, 1 / (1 + Math.exp(-z))));
    loss -= w * (r.y * Math.log(p) + (1 - r.y) * Math.log(1 - p));
  }
  let penalty = 0;
  for (let i = 1; i < beta.length; i++) penalty += (beta[i] - (prior?.[i - 1] ?? 0)) ** 2;
  return loss + (lambda / 2) * penalty;
}

/**
 * Fits bias and weights with an L2 penalty `lambda` pulling the weights towards `prior` (zero by
 * default; the reviewed hand-set weights when there are few campaigns to learn from), never the
 * bias; `signs` (+1, -1, 0 free) keeps each weight on its documented side.
 */
export function fitLogistic(
  rows: readonly CalibrationRow[],
  lambda = 1,
  prior?: readonly number[],
  options: FitOptions = {},
): LogisticFit {
  const { maxIterations = 50, signs, maxBias } = options;
  const d = rows[0]?.x.length ?? 0;
  let beta = new Array(d + 1).fill(0);
  let iterations = 0;
  for (; iterations < maxIterations; iterations++) {
    const grad = new Array(d + 1).fill(0);
    const hess = Array.from({ length: d + 1 }, () => new Array(d + 1).fill(0));
    for (const r of rows) {
      const w = r.w ?? 1;
      const z = beta[0] + r.x.reduce((s, v, k) => s + v * beta[k + 1], 0);
      const p = 1 / (1 + Math.exp(-z));
      const xs = [1, ...r.x];
      const g = (p - r.y) * w;
      const h = p * (1 - p) * w;
      for (let i = 0; i <= d; i++) {
        grad[i] += g * xs[i];
        for (let j = 0; j <= d; j++) hess[i][j] += h * xs[i] * xs[j];
      }
    }
    for (let i = 1; i <= d; i++) {
      grad[i] += lambda * (beta[i] - (prior?.[i - 1] ?? 0));
      hess[i][i] += lambda;
    }
    hess[0][0] += 1e-9;
    // Active set: a weight held at its bound whose gradient pushes it further out stays there.
    if (maxBias !== undefined && beta[0] >= maxBias && -grad[0] >= 0) {
      // Bias held at its cap while the gradient pushes it up.
      grad[0] = 0;
      for (let k = 0; k <= d; k++) {
        hess[0][k] = 0;
        hess[k][0] = 0;
      }
      hess[0][0] = 1;
    }
    if (signs) {
      for (let i = 1; i <= d; i++) {
        const sign = signs[i - 1];
        if (sign !== 0 && beta[i] === 0 && sign * -grad[i] <= 0) {
          grad[i] = 0;
          for (let k = 0; k <= d; k++) {
            hess[i][k] = 0;
            hess[k][i] = 0;
          }
          hess[i][i] = 1;
        }
      }
    }
    const step = solve(hess, grad);
    // Damped, projected step: halve it until the penalised loss does not grow.
    const project = (b: number[]) => {
      const out = signs
        ? b.map((x, i) =>
            i === 0 ? x : signs[i - 1] > 0 ? Math.max(0, x) : signs[i - 1] < 0 ? Math.min(0, x) : x,
          )
        : b;
      if (maxBias !== undefined) out[0] = Math.min(out[0], maxBias);
      return out;
    };
    const before = objective(rows, beta, lambda, prior);
    let scale = 1;
    let next = project(beta.map((b, i) => b - step[i]));
    for (let k = 0; k < 20 && objective(rows, next, lambda, prior) > before; k++) {
      scale /= 2;
      next = project(beta.map((b, i) => b - scale * step[i]));
    }
    beta = next;
    if (Math.max(...step.map(Math.abs)) < 1e-6) break;
  }
  let loss = 0;
  let total = 0;
  for (const r of rows) {
    const w = r.w ?? 1;
    const z = beta[0] + r.x.reduce((s, v, k) => s + v * beta[k + 1], 0);
    const p = Math.min(1 - 1e-12, Math.max(1e-12, 1 / (1 + Math.exp(-z))));
    loss -= w * (r.y * Math.log(p) + (1 - r.y) * Math.log(1 - p));
    total += w;
  }
  return { bias: beta[0], weights: beta.slice(1), loss: total > 0 ? loss / total : 0, iterations };
}
