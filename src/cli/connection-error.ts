/** A service the command needs (Redis for `batch --redis` and `worker`) cannot be reached: the CLI prints the message and exits 1. */
export class ConnectionError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "ConnectionError";
  }
}
