/**
 * ServerLimits: what one request may cost the server. Requests over a limit get a 4xx naming the
 * limit (413 for size, 503 for time), never a slow or dead process.
 */

export interface ServerLimits {
  /** Largest request body in bytes (JSON or multipart); larger → 413. */
  maxBodyBytes: number;
  /** Most rows one request may predict (JSON rows or CSV records); more → 413. */
  maxRows: number;
  /** Deepest JSON nesting accepted (the request bodies need 4 levels); deeper → 400. */
  maxDepth: number;
  /** Longest an optimisation may run, in milliseconds; longer → 503 and the work is stopped. */
  optimizeTimeoutMs: number;
  /** Most what-if scenarios or budget multipliers in one request; more → 413. */
  maxScenarios: number;
}

/** DEFAULT_LIMITS: 4 MiB bodies, 10,000 rows, depth 32, 10 s per optimisation, 1,000 scenarios. */
export const DEFAULT_LIMITS: Readonly<ServerLimits> = Object.freeze({
  maxBodyBytes: 4 * 1024 * 1024,
  maxRows: 10_000,
  maxDepth: 32,
  optimizeTimeoutMs: 10_000,
  maxScenarios: 1_000,
});

/**
 * resolveLimits(partial) → DEFAULT_LIMITS with the given fields replaced.
 * @throws RangeError if a limit is not a positive integer
 */
export function resolveLimits(partial: Partial<ServerLimits> = {}): ServerLimits {
  const limits = { ...DEFAULT_LIMITS, ...partial };
  for (const [name, value] of Object.entries(limits)) {
    if (!(Number.isInteger(value) && value > 0)) throw new RangeError(`resolveLimits requires ${name} to be a positive integer, got ${value}`);
  }
  return limits;
}
