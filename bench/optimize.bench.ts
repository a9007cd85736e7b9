/**
 * The budget optimiser: time of optimizeBudget(model, { budget, periods: 13 }) for 6 and 30
 * channels, on seeded weekly models (test/helpers/synthetic-model.ts seededModel: 104 observed
 * weeks, geometric or Weibull adstock, Hill saturation with shapes 0.6–3 — S-curves too — or log),
 * at budgets of 0.5, 1 and 2 × the current spend, with and without the 5 %–60 % share rule. Each
 * case is timed end to end (curves, allocation, plan() of the optimum and of the current spend)
 * after one warm-up run; the median over the repeats is printed with how often the answer was
 * certified globally optimal (dual bound met) and how often the KKT check passed.
 * Aim (issue #5): under 50 ms for 6 channels.
 * Usage: tsx bench/optimize.bench.ts [repeats] [seeds]
 */
import { optimizeBudget, type OptimizeOptions, type OptimizeResult } from "../src/analysis/optimize-budget";
import { seededModel } from "../test/helpers/synthetic-model";

const repeats = Number(process.argv[2] ?? 5);
const seeds = Number(process.argv[3] ?? 10);

function median(xs: number[]): number {
  const s = xs.slice().sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : 0.5 * (s[m - 1] + s[m]);
}

for (const channels of [6, 30]) {
  for (const shares of [false, true]) {
    const times: number[] = [];
    let certified = 0, kktOk = 0, runs = 0;
    for (let seed = 1; seed <= seeds; seed++) {
      const model = seededModel(channels, 1000 * channels + seed);
      const current = optimizeBudget(model, { budget: 1, periods: 13 }).current_budget;
      for (const factor of [0.5, 1, 2]) {
        const options: OptimizeOptions = { budget: factor * current, periods: 13, ...(shares ? { minShare: 0.05 * Math.min(1, 6 / channels), maxShare: 0.6 } : {}) };
        optimizeBudget(model, options); // warm-up
        let result: OptimizeResult | null = null;
        const each: number[] = [];
        for (let r = 0; r < repeats; r++) {
          const t0 = process.hrtime.bigint();
          result = optimizeBudget(model, options);
          each.push(Number(process.hrtime.bigint() - t0) / 1e6);
        }
        times.push(median(each));
        runs++;
        if (result!.kkt.certified) certified++;
        if (result!.kkt.ok) kktOk++;
      }
    }
    const label = `${String(channels).padStart(2)} channels${shares ? ", share rule" : ""}`.padEnd(28);
    console.log(`${label} median ${median(times).toFixed(2)} ms  (p90 ${times.sort((a, b) => a - b)[Math.floor(0.9 * (times.length - 1))].toFixed(2)} ms, max ${Math.max(...times).toFixed(2)} ms over ${runs} cases)  certified ${certified}/${runs}  KKT ok ${kktOk}/${runs}`);
  }
}
