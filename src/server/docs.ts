/**
 * GET /docs: Swagger UI pointing at /openapi.json, with every asset (script, style, icons) served
 * by the app itself from the installed swagger-ui-dist package — no CDN, so it works offline.
 * Assets are read from disk on first request and kept in memory; idle servers hold none.
 */
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import type { Env, Hono } from "hono";

/** The files of swagger-ui-dist the page uses, with their content types. */
const ASSETS: Record<string, string> = {
  "swagger-ui.css": "text/css; charset=utf-8",
  "index.css": "text/css; charset=utf-8",
  "swagger-ui-bundle.js": "text/javascript; charset=utf-8",
  "swagger-ui-standalone-preset.js": "text/javascript; charset=utf-8",
  "favicon-32x32.png": "image/png",
  "favicon-16x16.png": "image/png",
};

const PAGE = `<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <title>mixlab model server — API</title>
  <link rel="stylesheet" href="/docs/swagger-ui.css">
  <link rel="stylesheet" href="/docs/index.css">
  <link rel="icon" type="image/png" href="/docs/favicon-32x32.png" sizes="32x32">
</head>
<body>
  <div id="swagger-ui"></div>
  <script src="/docs/swagger-ui-bundle.js" charset="UTF-8"></script>
  <script src="/docs/swagger-ui-standalone-preset.js" charset="UTF-8"></script>
  <script src="/docs/swagger-initializer.js" charset="UTF-8"></script>
</body>
</html>
`;

const INITIALIZER = `window.onload = function () {
  window.ui = SwaggerUIBundle({
    url: "/openapi.json" + window.location.search,
    dom_id: "#swagger-ui",
    deepLinking: true,
    presets: [SwaggerUIBundle.presets.apis, SwaggerUIStandalonePreset],
    layout: "StandaloneLayout"
  });
};
`;

/** swaggerUiDir() → the folder of the installed swagger-ui-dist (without loading its 1.7 MB bundle). */
export function swaggerUiDir(): string {
  return dirname(require.resolve("swagger-ui-dist/package.json"));
}

/** registerDocs(app) adds GET /docs and its assets under /docs/… to the app. */
export function registerDocs<E extends Env>(app: Hono<E>): void {
  const cache = new Map<string, Uint8Array>();
  app.get("/docs", (c) => c.html(PAGE));
  app.get("/docs/", (c) => c.redirect("/docs", 301));
  app.get("/docs/swagger-initializer.js", (c) => c.body(INITIALIZER, 200, { "content-type": "text/javascript; charset=utf-8" }));
  // One static route per asset (no `/docs/:file` pattern): only these files are served, and the
  // app keeps Hono's RegExpRouter.
  for (const [file, type] of Object.entries(ASSETS)) {
    app.get(`/docs/${file}`, (c) => {
      let bytes = cache.get(file);
      if (bytes === undefined) {
        const data = readFileSync(join(swaggerUiDir(), file));
        bytes = new Uint8Array(data.buffer.slice(data.byteOffset, data.byteOffset + data.byteLength));
        cache.set(file, bytes);
      }
      return c.body(bytes.buffer as ArrayBuffer, 200, { "content-type": type, "cache-control": "public, max-age=86400" });
    });
  }
}
