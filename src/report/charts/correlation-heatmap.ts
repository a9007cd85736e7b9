/**
 * correlationHeatmap(names, matrix): a correlation matrix as a heatmap on a diverging scale fixed
 * to [−1, 1], each cell labelled with its value.
 */
import { baseLayout, checkLength, numbers, type Figure } from "./figure";

/**
 * The diverging scale of correlations: ColorBrewer's 11-class RdBu
 * (https://colorbrewer2.org/#type=diverging&scheme=RdBu&n=11) as a Plotly colorscale, dark red at
 * 0 (r = −1), near-white at 0.5 (r = 0), dark blue at 1 (r = +1). Written out because Plotly's
 * named "RdBu" runs the other way (blue low, red high).
 */
export const CORRELATION_COLORSCALE: readonly (readonly [number, string])[] = [
  "#67001f", "#b2182b", "#d6604d", "#f4a582", "#fddbc7", "#f7f7f7", "#d1e5f0", "#92c5de", "#4393c3", "#2166ac", "#053061",
].map((color, i) => [i / 10, color] as const);

/**
 * correlationHeatmap(names, matrix) → one heatmap trace with z = matrix (rows top to bottom in
 * `names` order), zmin −1, zmax 1 and CORRELATION_COLORSCALE: red for negative, white for 0, blue
 * for positive. O(n²).
 * @param names - the variables, one per row and column
 * @param matrix - n × n correlations
 * @throws RangeError when the matrix is not n × n
 * @example correlationHeatmap(["a", "b"], [[1, 0.5], [0.5, 1]]).data[0].z // => [[1, 0.5], [0.5, 1]]
 */
export function correlationHeatmap(names: readonly string[], matrix: readonly ArrayLike<number>[]): Figure {
  checkLength("correlationHeatmap", "the matrix", matrix, names.length);
  matrix.forEach((row, i) => { checkLength("correlationHeatmap", `row ${i} of the matrix`, row, names.length); });
  const layout = baseLayout("Correlations", "", "");
  layout.yaxis = { autorange: "reversed", automargin: true };
  layout.xaxis = { automargin: true, tickangle: -30 };
  return {
    data: [{
      type: "heatmap", x: [...names], y: [...names], z: matrix.map((row) => numbers(row)),
      zmin: -1, zmax: 1, colorscale: CORRELATION_COLORSCALE.map(([at, color]) => [at, color]), texttemplate: "%{z:.2f}", hovertemplate: "%{y} × %{x}: %{z:.3f}<extra></extra>",
    }],
    layout,
  };
}
