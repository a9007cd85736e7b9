#!/usr/bin/env node
"use strict";
const path = require("node:path");
const fs = require("node:fs");
const main = path.join(__dirname, "..", "dist", "cli", "main.js");
if (!fs.existsSync(main)) {
  console.error(`mixlab: dist/ is not built; run \`npm install\` (or \`npm run build\`) in ${path.dirname(__dirname)}`);
  process.exit(2);
}
// Control characters (C0, DEL, C1, line separators, bidi) are printed as \uXXXX escapes.
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;
// An error run() does not know is a bug in mixlab: one line and a hint, the stack only on request.
const internalError = (err) => {
  if (process.env.MIXLAB_DEBUG === "1") {
    console.error("mixlab: internal error:", err?.stack ? err.stack : err);
  } else {
    const message = String(err?.message ? err.message : err).replace(CONTROL, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
    console.error(`mixlab: internal error: ${message} (a bug in mixlab; set MIXLAB_DEBUG=1 for the stack)`);
  }
  process.exitCode = 70;
};
require(main).run(process.argv).then((code) => { process.exitCode = code; }, internalError);
