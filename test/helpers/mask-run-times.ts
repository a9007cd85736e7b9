/**
 * maskRunTimes(text) → a model.json's text with the values that differ between two runs of the same
 * fit (created_at, fit_seconds, every "seconds" and the search's candidates_per_second) replaced by "…", so two artifacts of one seed
 * can be compared byte for byte.
 * @example maskRunTimes('  "fit_seconds": 1.2,') // => '  "fit_seconds": …'
 */
export function maskRunTimes(text: string): string {
  return text.replace(/^(\s*"(created_at|fit_seconds|seconds|candidates_per_second)": ).*$/gm, "$1…");
}
