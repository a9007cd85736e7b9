#!/usr/bin/env node
// `npm run bench`: runs every bench/*.bench.ts script in turn (each prints its own figures).
"use strict";
const { execFileSync } = require("node:child_process");
const fs = require("node:fs");
const path = require("node:path");

const dir = __dirname;
const only = process.argv.slice(2);
const tsx = path.join(dir, "..", "node_modules", "tsx", "dist", "cli.mjs");
const scripts = fs.readdirSync(dir).filter((f) => f.endsWith(".bench.ts")).sort()
  .filter((f) => only.length === 0 || only.some((o) => f.includes(o)));
for (const script of scripts) {
  console.log(`\n== ${script}`);
  execFileSync(process.execPath, [tsx, path.join(dir, script)], { stdio: "inherit" });
}
