/**
 * connectRedis(url, timeoutMs): the Redis connection that `mixlab batch --redis` and `mixlab worker`
 * hand to BullMQ (which duplicates it for its blocking reads), opened and checked with a PING
 * before anything is queued: an unreachable Redis is a one-line ConnectionError after at most
 * timeoutMs, never a hang. Once connected, a dropped connection is retried (BullMQ needs
 * maxRetriesPerRequest null: commands wait for the reconnection).
 */
import { Redis } from "ioredis";
import { ConnectionError } from "../connection-error";
import { UsageError } from "../usage-error";

/** How long a closed connection waits for a silent server to close its end before dropping it, ms (ioredis: 2000). */
const DISCONNECT_MS = 100;

/** Longest wait between two reconnection attempts after a connection was lost, ms. */
const MAX_RECONNECT_MS = 2000;

/**
 * redisUrl(text) → text when it is a redis:// or rediss:// URL.
 * @throws UsageError naming --redis otherwise
 */
export function redisUrl(text: string): string {
  let url: URL | null = null;
  try {
    url = new URL(text);
  } catch {
    url = null;
  }
  if (url === null || (url.protocol !== "redis:" && url.protocol !== "rediss:") || url.hostname === "") {
    throw new UsageError(`--redis must be a URL such as redis://host:6379, not "${text}"`);
  }
  return text;
}

/** safeUrl(url) → the URL without its password, for messages. */
export function safeUrl(url: string): string {
  const u = new URL(url);
  if (u.password !== "") u.password = "***";
  return u.toString();
}

/** reasonOf(err) → why a connection failed, in words: ioredis's own message, except for a server that is not Redis. */
function reasonOf(err: Error): string {
  if (/Unknown RESP type|Protocol error/i.test(err.message)) return "the server there does not answer in the Redis protocol (is it the Redis port?)";
  return err.message;
}

/**
 * connectRedis(url, timeoutMs) → an open, answering connection to the Redis at url.
 * @throws UsageError for a URL that is not redis:// or rediss://; ConnectionError when Redis does
 *   not answer a PING within timeoutMs (refused, unknown host, wrong password, not Redis)
 */
export async function connectRedis(url: string, timeoutMs: number): Promise<Redis> {
  redisUrl(url);
  let ready = false;
  let lastError: Error | null = null;
  const redis = new Redis(url, {
    lazyConnect: true,
    connectTimeout: timeoutMs,
    maxRetriesPerRequest: null,
    disconnectTimeout: DISCONNECT_MS,
    retryStrategy: (times) => (ready ? Math.min(100 * times, MAX_RECONNECT_MS) : null),
  });
  redis.on("error", (err: Error) => { lastError = err; });
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${timeoutMs / 1000} s`)), timeoutMs);
  });
  try {
    await Promise.race([redis.connect().then(() => redis.ping()), timeout]);
    ready = true;
    return redis;
  } catch (err) {
    redis.disconnect();
    throw new ConnectionError(`cannot reach Redis at ${safeUrl(url)}: ${reasonOf(lastError ?? (err as Error))}`);
  } finally {
    clearTimeout(timer);
  }
}
