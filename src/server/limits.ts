/**
 * ServerLimits: what one request may cost the server. A request over a limit gets a 4xx naming the
 * limit (413 for size, 422 for a body that does not fit), a 503 when the server cannot answer in
 * time or is full — never a slow or dead process.
 */

export interface ServerLimits {
  /** Largest request body in bytes (JSON or multipart); larger → 413. */
  maxBodyBytes: number;
  /** Most rows one request may predict (JSON rows or CSV records), and most plan periods; more → 413. */
  maxRows: number;
  /** Deepest JSON nesting accepted (the request bodies need 4 levels); deeper → 400. */
  maxDepth: number;
  /** Most what-if scenarios or budget multipliers in one request; more → 413. */
  maxScenarios: number;
  /**
   * Most scenario-periods in one request: scenarios × periods for /whatif, budgets × periods for
   * /optimize (a plan is one scenario). Bounds both the work and the answer (~120 bytes each); more → 413.
   */
  maxScenarioPeriods: number;
  /**
   * Longest a request of /whatif, /optimize or /predictions may take, in milliseconds, counted from
   * its arrival (waiting in the queue included); longer → 503 and its work is stopped.
   */
  timeoutMs: number;
  /** Worker threads that run the heavy work of /whatif, /optimize and /predictions. */
  workers: number;
  /** Most heavy requests waiting for a worker; more → 503 with Retry-After. */
  maxQueue: number;
}

/**
 * DEFAULT_LIMITS: 4 MiB bodies, 10,000 rows, depth 32, 1,000 scenarios, 20,000 scenario-periods,
 * 10 s per request, 2 workers, 16 waiting.
 */
export const DEFAULT_LIMITS: Readonly<ServerLimits> = Object.freeze({
  maxBodyBytes: 4 * 1024 * 1024,
  maxRows: 10_000,
  maxDepth: 32,
  maxScenarios: 1_000,
  maxScenarioPeriods: 20_000,
  timeoutMs: 10_000,
  workers: 2,
  maxQueue: 16,
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
