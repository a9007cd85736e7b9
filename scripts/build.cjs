#!/usr/bin/env node
// Builds dist/ (CommonJS + .d.ts) from src/ with the project's TypeScript, so that the CLI, the
// server and the tslab notebooks (which can only import CommonJS) all run the same compiled code.
"use strict";
const { execFileSync } = require("node:child_process");
const fs = require("node:fs");
const path = require("node:path");

const root = path.resolve(__dirname, "..");
const tsc = path.join(root, "node_modules", "typescript", "bin", "tsc");
if (!fs.existsSync(tsc)) {
  console.error("mixlab build: TypeScript is not installed yet; run `npm install` first");
  process.exit(1);
}
// Compile into a fresh folder and swap it in only when the compile succeeded, so a failed build
// never leaves dist/ half-written or missing for the CLI, the server or the notebooks.
const fresh = path.join(root, "dist.tmp");
fs.rmSync(fresh, { recursive: true, force: true });
try {
  execFileSync(process.execPath, [tsc, "-p", path.join(root, "tsconfig.build.json"), "--outDir", fresh], { stdio: "inherit", cwd: root });
} catch {
  fs.rmSync(fresh, { recursive: true, force: true });
  console.error("mixlab build: TypeScript reported errors; dist/ was left as it was");
  process.exit(1);
}
fs.writeFileSync(path.join(fresh, "package.json"), '{"type":"commonjs"}\n');
fs.writeFileSync(path.join(fresh, ".build-stamp"), new Date().toISOString() + "\n");
fs.rmSync(path.join(root, "dist"), { recursive: true, force: true });
fs.renameSync(fresh, path.join(root, "dist"));
