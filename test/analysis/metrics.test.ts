import { describe, expect, it } from "vitest";
import {
  adjustedR2,
  mae,
  mape,
  nrmse,
  r2,
  regressionMetrics,
  rmse,
  smape,
  wmape,
} from "../../src/analysis/metrics";
import { reference } from "../fixtures/analysis/reference";
import { expectClose } from "../helpers/expect-close";

// Hand-computed: one error of 1 on the last of four periods.
const actual = [1, 2, 3, 4];
const predicted = [1, 2, 3, 5];

describe("metrics on a hand-computed case", () => {
  it("rmse(actual, predicted) is √(1/4) = 0.5", () => expect(rmse(actual, predicted)).toBe(0.5));
  it("mae(actual, predicted) is 1/4", () => expect(mae(actual, predicted)).toBe(0.25));
  it("mape(actual, predicted) is in percent: 100 · (1/4)/4 = 6.25", () => expect(mape(actual, predicted)).toBe(6.25));
  it("wmape(actual, predicted) is 100 · Σ|e| / Σ|y| = 10", () => expect(wmape(actual, predicted)).toBe(10));
  it("smape(actual, predicted) is 100/4 · 2·1/(4 + 5)", () => expect(smape(actual, predicted)).toBeCloseTo(50 / 9, 14));
  it("r2(actual, predicted) is 1 − 1/5", () => expect(r2(actual, predicted)).toBe(0.8));
  it("nrmse(actual, predicted) is rmse / (max − min) = 0.5 / 3", () => expect(nrmse(actual, predicted)).toBe(0.5 / 3));
  it("adjustedR2(r2, n, p) is 1 − (1 − r2)(n − 1)/(n − p − 1)", () => {
    expect(adjustedR2(0.8, 4, 1)).toBeCloseTo(0.7, 15);
    expect(adjustedR2(0.5, 11, 0)).toBe(0.5);
  });
});

describe("metrics against scikit-learn", () => {
  const m = reference.metrics;
  it("regressionMetrics(actual, predicted, p) matches sklearn r2_score, MAE, RMSE, 100·MAPE and the closed forms to 1e-12", () => {
    // sklearn.metrics r2_score, mean_absolute_error, sqrt(mean_squared_error), 100·mean_absolute_percentage_error
    const got = regressionMetrics(m.actual, m.predicted, m.p);
    for (const key of ["r2", "adj_r2", "rmse", "mae", "mape", "wmape", "smape", "nrmse"] as const) {
      expectClose(got[key], m[key], { rel: 1e-12 });
    }
  });

  it("regressionMetrics(actual, predicted, p) equals the individual metric functions", () => {
    const got = regressionMetrics(m.actual, m.predicted, m.p);
    expect(got).toEqual({
      r2: r2(m.actual, m.predicted),
      adj_r2: adjustedR2(r2(m.actual, m.predicted), m.actual.length, m.p),
      rmse: rmse(m.actual, m.predicted),
      mae: mae(m.actual, m.predicted),
      mape: mape(m.actual, m.predicted),
      wmape: wmape(m.actual, m.predicted),
      smape: smape(m.actual, m.predicted),
      nrmse: nrmse(m.actual, m.predicted),
    });
  });

  it("metrics accept Float64Array and leave the inputs unchanged", () => {
    const a = Float64Array.from(m.actual);
    const p = Float64Array.from(m.predicted);
    const before = [Array.from(a), Array.from(p)];
    expect(regressionMetrics(a, p, m.p)).toEqual(regressionMetrics(m.actual, m.predicted, m.p));
    expect([Array.from(a), Array.from(p)]).toEqual(before);
  });
});

describe("metric edge cases", () => {
  it("mape(actual, predicted) skips periods whose actual is 0", () => {
    expect(mape([0, 2, 4], [1, 1, 4])).toBe(25);
  });

  it("mape and wmape of all-zero actuals are NaN", () => {
    expect(mape([0, 0], [1, 2])).toBeNaN();
    expect(wmape([0, 0], [1, 2])).toBeNaN();
  });

  it("smape(actual, predicted) counts 0 for y = ŷ = 0 and is at most 200", () => {
    expect(smape([0, 2], [0, 2])).toBe(0);
    expect(smape([0, 1], [1, 1])).toBe(100);
    expect(smape([1, -1], [-1, 1])).toBe(200);
  });

  it("r2 of a constant actual series is 1 for a perfect prediction and 0 otherwise (sklearn's force_finite)", () => {
    expect(r2([3, 3, 3], [3, 3, 3])).toBe(1);
    expect(r2([3, 3, 3], [3, 4, 3])).toBe(0);
  });

  it("r2 of a single point is NaN, as sklearn's r2_score", () => {
    expect(r2([1], [2])).toBeNaN();
  });

  it("r2 of a prediction worse than the mean is negative", () => {
    expect(r2([1, 2, 3], [3, 2, 1])).toBe(-3);
  });

  it("nrmse of a constant actual series is NaN", () => {
    expect(nrmse([2, 2], [1, 2])).toBeNaN();
  });

  it("regressionMetrics gives adj_r2 NaN instead of throwing when n ≤ p + 1", () => {
    const got = regressionMetrics([1, 2, 3], [1, 2, 4], 2);
    expect(got.adj_r2).toBeNaN();
    expect(got.rmse).toBeCloseTo(Math.sqrt(1 / 3), 15);
  });

  it("metrics throw a RangeError naming the function for mismatched, empty or non-finite input", () => {
    expect(() => rmse([1, 2], [1])).toThrow("rmse requires actual and predicted of equal length (got 2 and 1)");
    expect(() => mae([], [])).toThrow("mae requires at least 1 actual value");
    expect(() => mape([1, NaN], [1, 2])).toThrow("mape requires finite actual values (index 1 is NaN)");
    expect(() => r2([1, 2], [1, Infinity])).toThrow(RangeError);
    expect(() => regressionMetrics([1, 2], [1, 2], -1)).toThrow("regressionMetrics requires an integer p >= 0");
  });

  it("adjustedR2 rejects n ≤ p + 1, non-integer p and NaN", () => {
    expect(() => adjustedR2(0.5, 3, 2)).toThrow("adjustedR2 requires an integer n > p + 1");
    expect(() => adjustedR2(0.5, 10, 1.5)).toThrow("adjustedR2 requires an integer p >= 0");
    expect(() => adjustedR2(NaN, 10, 1)).toThrow("adjustedR2 requires a finite r2");
    expect(() => adjustedR2(0.5, NaN, 1)).toThrow(RangeError);
  });
});
