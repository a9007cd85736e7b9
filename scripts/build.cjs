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
fs.rmSync(path.join(root, "dist"), { recursive: true, force: true });
execFileSync(process.execPath, [tsc, "-p", path.join(root, "tsconfig.build.json")], { stdio: "inherit", cwd: root });
fs.writeFileSync(path.join(root, "dist", "package.json"), '{"type":"commonjs"}\n');
fs.writeFileSync(path.join(root, "dist", ".build-stamp"), new Date().toISOString() + "\n");
