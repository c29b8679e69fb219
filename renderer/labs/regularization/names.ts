/**
 * One name per weight vector, used by every view of the lab (plane labels, legends, readouts,
 * formulas, captions), so the data-generating weights and the constrained optimum never share a
 * symbol: w° generates the data, ŵ is the unconstrained least-squares fit, w*(t) the optimum
 * inside the region P_α(w) ≤ t (equivalently the minimum of L + λ*P_α).
 */
export const W_TRUE = 'w°';
export const W_TRUE_TEX = 'w^{\\circ}';
export const W_LS = 'ŵ';
export const W_LS_TEX = '\\hat w';
export const W_OPT = 'w*(t)';
export const W_OPT_TEX = 'w^\\star(t)';
