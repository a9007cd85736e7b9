/**
 * clientGone(c): whether the client of a request has gone away — closed its connection mid-body or
 * while waiting for the answer. On @hono/node-server the Request's abort signal says so once the
 * response closes unfinished; a body read can fail a moment earlier, so Node's own request and
 * socket are asked too. Under app.request() (tests) a client never goes.
 */
import type { IncomingMessage, ServerResponse } from "node:http";
import type { Context } from "hono";

/** What @hono/node-server puts in Hono's `c.env`: Node's request and response. */
export interface NodeBindings {
  incoming?: IncomingMessage;
  outgoing?: ServerResponse;
}

/** clientGone(c) → true when the request's client has closed its connection before the answer. */
export function clientGone(c: Context): boolean {
  if (c.req.raw.signal?.aborted === true) return true;
  const incoming = (c.env as NodeBindings | undefined)?.incoming;
  if (incoming === undefined) return false;
  return (incoming.destroyed && !incoming.complete) || incoming.socket?.destroyed === true;
}
