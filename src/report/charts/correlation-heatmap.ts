/**
 * correlationHeatmap(names, matrix): a correlation matrix as a heatmap on a diverging scale fixed
 * to [−1, 1], each cell labelled with its value.
 */
import { baseLayout, checkLength, numbers, type Figure } from "./figure";

/**
 * correlationHeatmap(names, matrix) → one heatmap trace with z = matrix (rows top to bottom in
 * `names` order), zmin −1, zmax 1, red for negative and blue for positive. O(n²).
 * @param names - the variables, one per row and column
 * @param matrix - n × n correlations
 * @throws RangeError when the matrix is not n × n
 * @example correlationHeatmap(["a", "b"], [[1, 0.5], [0.5, 1]]).data[0].z // => [[1, 0.5], [0.5, 1]]
 */
export function correlationHeatmap(names: readonly string[], matrix: readonly ArrayLike<number>[]): Figure {
  checkLength("correlationHeatmap", "the matrix", matrix, names.length);
  matrix.forEach((row, i) => checkLength("correlationHeatmap", `row ${i} of the matrix`, row, names.length));
  const layout = baseLayout("Correlations", "", "");
  layout.yaxis = { autorange: "reversed", automargin: true };
  layout.xaxis = { automargin: true, tickangle: -30 };
  return {
    data: [{
      type: "heatmap", x: [...names], y: [...names], z: matrix.map((row) => numbers(row)),
      zmin: -1, zmax: 1, colorscale: "RdBu", texttemplate: "%{z:.2f}", hovertemplate: "%{y} × %{x}: %{z:.3f}<extra></extra>",
    }],
    layout,
  };
}
