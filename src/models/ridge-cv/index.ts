/**
 * Cross-validated ridge scoring by sufficient statistics: the inner loop of the transform search.
 * prepare.ts holds the once-per-search half, score.ts (with media-sums.ts) the per-candidate half,
 * state.ts what they share.
 *
 * A search candidate changes only the m media columns of the design; the q fixed columns (trend,
 * seasonality, holidays, controls) and y stay put, and every training window of a time-series CV
 * is a prefix [0, k) of the rows. So `prepareRidgeCv` computes, once, for every distinct
 * training-window end k: the fixed block of the standardised ridge normal equations on [0, k)
 * (Xfᵀ Xf and Xfᵀ y centred and scaled, with the same means, population sds and constant-column
 * rule as standardizeColumns) and the prefix sums Σ xf and Σ y that the media terms need.
 * `scoreCandidate` then computes only the media × media, media × fixed and media × y sums — one
 * pass over the rows, snapshotted at the window ends — and assembles, per fold, the standardised
 * normal equations (G_s + alpha·I) s = c_s of exactly the problem fitRidge solves on that fold's
 * training rows (predictors standardised with the training window's means and population sds,
 * unpenalised intercept, objective ‖y − ȳ − Xs s‖² + alpha·‖s‖²). Each system is factored once
 * by Cholesky; predictions on the test rows (a short second pass) give the test SSE exactly, and
 * one more solve on the whole training window gives the full fit's coefficients.
 *
 * Why normal equations are acceptable here, although src/models solves least squares by QR:
 * - the ridge penalty bounds the conditioning: on standardised columns the eigenvalues of G_s lie
 *   in [0, k·p], so cond(G_s + alpha·I) ≤ 1 + k·p/alpha (≈ 2·10⁶ for k = 156, p = 15,
 *   alpha = 10⁻³), and the Cholesky solution is accurate to about cond·ε relative;
 * - the kernel only ranks candidates: the chosen model is refitted by the exact QR path
 *   (fitRidge), so nothing downstream takes these coefficients as final;
 * - the tests compare every fold's SSE and the full-window coefficients with fitRidge on random
 *   problems (n 60…200, m 1…8, q 0…12 with duplicated columns, alpha 10⁻³…10³): they agree to
 *   1e-9 relative (observed ≈ 1e-11 for SSEs, < 1e-10 for coefficients relative to the largest).
 * The one-pass sums are taken of x − centre, each column centred on its mean over the rows of the
 * pass, so "Σd_a d_b − Σd_a Σd_b/k" cancels little on every window; a media column is recognised
 * as constant on [0, k) exactly (all its first k values equal) or by scikit-learn's rule, as in
 * standardizeColumns, and then gets scale 1 and a zero row in G_s, hence coefficient 0.
 *
 * Non-negativity (media coefficients only; fixed coefficients free) is solved exactly on the same
 * system by the Lawson–Hanson active-set method in its normal-equation form (NNLS on the Gram
 * matrix, free variables always passive); the objective is strictly convex for alpha > 0, so the
 * solution is unique and equals nnlsMixed's on the augmented system.
 */
export { prepareRidgeCv, type PrepareRidgeCvOptions } from "./prepare";
export { scoreCandidate, type RidgeCvFullFit, type RidgeCvScore, type ScoreCandidateOptions } from "./score";
export type { RidgeCvPrepared } from "./state";
