/**
 * The dense matrix every routine in src/linalg works on: row-major, element (i, j) at
 * `data[i * cols + j]`, `data.length === rows * cols`. A plain object, cheap to build from typed
 * arrays and never sharing mutable state; no routine here mutates its input matrices.
 */
export interface Matrix {
  readonly rows: number;
  readonly cols: number;
  readonly data: Float64Array;
}
