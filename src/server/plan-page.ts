/**
 * GET / — the planning page (page/plan.html and page/plan.js, plain files: no build step) and the
 * Plotly library it draws with, served by the app itself from the installed plotly.js-dist-min:
 * no CDN, so the page works offline. The page's numbers all come from the app's own POST /whatif
 * and POST /optimize (with their limits, queue and deadline). Each file is read from disk on its
 * first request and then kept in memory, so the routes cost a map lookup; a Content-Security-Policy
 * keeps the page's scripts, styles and requests on the server's origin.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { Env, Hono } from "hono";
import { plotlyLibraryPath } from "../report/plotly-html";

/** The page's folder: src/server/page (tests) or dist/server/page (copied there by scripts/build.cjs). */
export const PLAN_PAGE_DIR = join(__dirname, "page");

/** The page's routes: the file each serves and its content type. */
const FILES: Record<string, { path: () => string; type: string; cache: string }> = {
  "/": { path: () => join(PLAN_PAGE_DIR, "plan.html"), type: "text/html; charset=utf-8", cache: "no-cache" },
  "/plan.js": { path: () => join(PLAN_PAGE_DIR, "plan.js"), type: "text/javascript; charset=utf-8", cache: "no-cache" },
  "/plotly.min.js": { path: plotlyLibraryPath, type: "text/javascript; charset=utf-8", cache: "public, max-age=86400" },
};

/**
 * Only the server's own origin: scripts, requests (connect), images; inline styles for Plotly's
 * injected stylesheet and SVG attributes.
 */
const CSP = "default-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; object-src 'none'; base-uri 'none'; form-action 'none'";

/** PLAN_PAGE_ROUTES: the GET paths registerPlanPage adds. */
export const PLAN_PAGE_ROUTES: readonly string[] = Object.keys(FILES);

/** registerPlanPage(app) adds GET /, /plan.js and /plotly.min.js to the app. */
export function registerPlanPage<E extends Env>(app: Hono<E>): void {
  const cache = new Map<string, ArrayBuffer>();
  for (const [route, file] of Object.entries(FILES)) {
    app.get(route, (c) => {
      let bytes = cache.get(route);
      if (bytes === undefined) {
        const data = readFileSync(file.path());
        bytes = data.buffer.slice(data.byteOffset, data.byteOffset + data.byteLength) as ArrayBuffer;
        cache.set(route, bytes);
      }
      return c.body(bytes, 200, { "content-type": file.type, "content-security-policy": CSP, "cache-control": file.cache });
    });
  }
}
