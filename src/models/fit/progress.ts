/**
 * How a fit reports progress: the phases that count, and the callback each step calls.
 */

/** The phases of a fit that report progress (FitOptions.onProgress). */
export type FitPhase = "search" | "sampler" | "bootstrap" | "posterior";

/**
 * Called as each phase progresses: (done, total, best score so far, phase) — "search" (Latin
 * hypercube, differential evolution and local sampling, one count over the search budget),
 * "sampler" (the posterior draws) and "bootstrap" or "posterior" (resamples or joint draws; best
 * is NaN). The score is the −2 log evidence with the default selection, the CV NRMSE with "lowest-cv".
 */
export type FitProgress = (done: number, total: number, best: number, phase: FitPhase) => void;
