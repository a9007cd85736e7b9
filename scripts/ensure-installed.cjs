#!/usr/bin/env node
// Makes `npm run demo`, `npm test` and `npm run bench` work on a fresh clone: installs the
// dependencies when they are missing and rebuilds dist/ when any file under src/ is newer than it.
// Plain Node with no dependencies, because it runs before anything is installed.
"use strict";
const { execSync } = require("node:child_process");
const fs = require("node:fs");
const path = require("node:path");

const root = path.resolve(__dirname, "..");
const pkg = JSON.parse(fs.readFileSync(path.join(root, "package.json"), "utf8"));
const needed = [...Object.keys(pkg.dependencies || {}), ...Object.keys(pkg.devDependencies || {})];
const missing = needed.filter((name) => !fs.existsSync(path.join(root, "node_modules", name, "package.json")));

if (missing.length > 0) {
  console.error(`mixlab: installing dependencies (missing: ${missing.slice(0, 5).join(", ")}${missing.length > 5 ? ", …" : ""})`);
  execSync("npm install --no-audit --no-fund", { stdio: ["ignore", "inherit", "inherit"], cwd: root });
}

// Rebuild dist/ when it is missing or older than src/ (build.cjs decides).
execSync(`"${process.execPath}" scripts/build.cjs --if-needed`, { stdio: ["ignore", "inherit", "inherit"], cwd: root });
