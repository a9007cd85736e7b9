#!/usr/bin/env node
// Builds dist/ (CommonJS + .d.ts) from src/ with the project's TypeScript, so that the CLI, the
// server and the tslab notebooks (which can only import CommonJS) all run the same compiled code.
// `--if-needed` (npm's `prepare`, run by `npm install` in a clone and by `npm pack`) builds only when
// dist/ is missing or older than src/, and skips quietly where TypeScript or src/ is absent (an
// installed package ships dist/ already built by `prepack`).
"use strict";
const { execFileSync } = require("node:child_process");
const fs = require("node:fs");
const path = require("node:path");

const root = path.resolve(__dirname, "..");
const tsc = path.join(root, "node_modules", "typescript", "bin", "tsc");
const ifNeeded = process.argv.includes("--if-needed");
if (ifNeeded && !needsBuild()) process.exit(0);
if (!fs.existsSync(tsc)) {
  if (ifNeeded) {
    console.error("mixlab build: TypeScript is not installed (dev dependency); dist/ not rebuilt");
    process.exit(0);
  }
  console.error("mixlab build: TypeScript is not installed yet; run `npm install` first");
  process.exit(1);
}
if (ifNeeded) console.error("mixlab: building dist/");
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
// Files TypeScript does not compile: the planning page of `mixlab serve` (plain HTML and browser JS).
fs.cpSync(path.join(root, "src", "server", "page"), path.join(fresh, "server", "page"), { recursive: true });
fs.writeFileSync(path.join(fresh, "package.json"), '{"type":"commonjs"}\n');
fs.writeFileSync(path.join(fresh, ".build-stamp"), `${new Date().toISOString()}\n`);
fs.rmSync(path.join(root, "dist"), { recursive: true, force: true });
fs.renameSync(fresh, path.join(root, "dist"));

/** needsBuild() → true when src/ exists and dist/ is missing or older than some file under src/. */
function needsBuild() {
  const src = path.join(root, "src");
  if (!fs.existsSync(src)) return false;
  const stamp = path.join(root, "dist", ".build-stamp");
  return !fs.existsSync(stamp) || newestMtime(src) > fs.statSync(stamp).mtimeMs;
}

/** newestMtime(dir) → the latest modification time (ms) of any file under dir. */
function newestMtime(dir) {
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    const t = entry.isDirectory() ? newestMtime(full) : fs.statSync(full).mtimeMs;
    if (t > newest) newest = t;
  }
  return newest;
}
