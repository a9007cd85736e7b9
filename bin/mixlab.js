#!/usr/bin/env node
"use strict";
const path = require("node:path");
const fs = require("node:fs");
const main = path.join(__dirname, "..", "dist", "cli", "main.js");
if (!fs.existsSync(main)) {
  console.error(`mixlab: dist/ is not built; run \`npm install\` (or \`npm run build\`) in ${path.dirname(__dirname)}`);
  process.exit(2);
}
require(main).run(process.argv).then(
  (code) => { process.exitCode = code; },
  (err) => { console.error("mixlab: internal error:", err?.stack ? err.stack : err); process.exitCode = 70; }
);
