/**
 * spendShares(names, spend, effect): each channel's share of total spend — and, when the model's
 * effects are given, its share of the total media effect beside it — in percent.
 */
import { baseLayout, checkLength, finiteOrNull, type Figure, type Trace } from "./figure";

/** shares(values) → 100 · v / Σv per value (all null when the total is not positive). */
function shares(values: ArrayLike<number>): (number | null)[] {
  let total = 0;
  for (let i = 0; i < values.length; i++) total += values[i];
  return Array.from(values, (v) => (total > 0 ? finiteOrNull((100 * v) / total) : null));
}

/**
 * spendShares(names, spend, effect) → a bar trace "share of spend" (percent of Σ spend) and, with
 * `effect`, a bar trace "share of effect" (percent of Σ effect), grouped by channel. O(channels).
 * @param names - channel names
 * @param spend - total spend per channel
 * @param effect - total contribution per channel (optional)
 * @throws RangeError when spend or effect do not have one value per name
 * @example spendShares(["tv", "radio"], [300, 100]).data[0].y // => [75, 25]
 */
export function spendShares(names: readonly string[], spend: ArrayLike<number>, effect?: ArrayLike<number>): Figure {
  checkLength("spendShares", "spend", spend, names.length);
  const x = [...names];
  const data: Trace[] = [{ type: "bar", name: "share of spend", x, y: shares(spend), marker: { color: "#7f7f7f" }, hovertemplate: "%{x}: %{y:.1f} % of spend<extra></extra>" }];
  if (effect !== undefined) {
    checkLength("spendShares", "effect", effect, names.length);
    data.push({ type: "bar", name: "share of effect", x, y: shares(effect), marker: { color: "#1f77b4" }, hovertemplate: "%{x}: %{y:.1f} % of effect<extra></extra>" });
  }
  const layout = baseLayout(effect === undefined ? "Share of spend" : "Share of spend and of effect", "channel", "percent");
  layout.barmode = "group";
  return { data, layout };
}
