#!/usr/bin/env node
// `npm run bench`: runs every bench/*.bench.ts script in turn (each prints its own figures). The
// headline figures come first — whole `mixlab` commands beside their Python references in the same
// run (ols: textbook OLS on 130,000 rows vs pandas + scikit-learn; search: the default fit's
// candidates/s vs a numpy/scipy search of the same candidates) — then the kernel and other benches.
"use strict";
const { execFileSync } = require("node:child_process");
const fs = require("node:fs");
const path = require("node:path");

const dir = __dirname;
const only = process.argv.slice(2);
const tsx = path.join(dir, "..", "node_modules", "tsx", "dist", "cli.mjs");
const HEADLINE = ["ols.bench.ts", "search.bench.ts"];
const rank = (f) => (HEADLINE.includes(f) ? HEADLINE.indexOf(f) : HEADLINE.length);
const scripts = fs.readdirSync(dir).filter((f) => f.endsWith(".bench.ts"))
  .sort((a, b) => rank(a) - rank(b) || a.localeCompare(b))
  .filter((f) => only.length === 0 || only.some((o) => f.includes(o)));
console.log("Timings on a shared machine vary by 2× or more between runs; each headline bench times mixlab and its reference in the same run.");
for (const script of scripts) {
  console.log(`\n== ${script}`);
  execFileSync(process.execPath, [tsx, path.join(dir, script)], { stdio: "inherit" });
}
