/**
 * maskRunTimes(text) → a model.json's text with the values that differ between two runs of the same
 * fit (created_at, fit_seconds and every "seconds") replaced by "…", so two artifacts of one seed
 * can be compared byte for byte.
 * @example maskRunTimes('  "fit_seconds": 1.2,') // => '  "fit_seconds": …'
 */
export function maskRunTimes(text: string): string {
  return text.replace(/^(\s*"(created_at|fit_seconds|seconds)": ).*$/gm, "$1…");
}
