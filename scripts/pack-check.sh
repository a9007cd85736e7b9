#!/usr/bin/env bash
# Pack check (issue #12): what `npm install mixlab` gives a user works. Packs the repo with
# `npm pack` (prepack builds dist/), installs the tarball with `--omit=dev` into an empty folder
# (dependencies come from the npm registry, or npm's cache with --prefer-offline; better-sqlite3
# compiles its native addon there), then runs the installed CLI and library as a user would:
#   npx mixlab fit <bundled weekly csv> --out m.json
#   npx mixlab export m.json --input <csv> --report r.html --sqlite r.db
#   npx mixlab demo
# and checks what they wrote. Prints each check; any failure stops it with a non-zero exit.
# Usage: bash scripts/pack-check.sh [work dir]   (default: a fresh temporary folder, removed after)
set -euo pipefail
repo="$(cd "$(dirname "$0")/.." && pwd)"
work="${1:-$(mktemp -d -t mixlab-pack-XXXXXX)}"
[ -n "${1:-}" ] || trap 'rm -rf "$work"' EXIT
mkdir -p "$work"
start=$(date +%s)

fail() { echo "pack-check: FAIL: $*" >&2; exit 1; }
ok() { echo "pack-check: ok: $*"; }

echo "pack-check: npm pack (prepack builds dist/) into $work"
tarball="$(cd "$repo" && npm pack --silent --pack-destination "$work" | tail -n 1)"
tarball="$work/$tarball"
[ -f "$tarball" ] || fail "npm pack wrote no tarball"
ok "packed $(basename "$tarball") ($(du -k "$tarball" | cut -f1) KB)"

# What the tarball holds: the built library with its types, the CLI, the bundled data; no sources.
listing="$(tar -tzf "$tarball")"
for f in dist/index.js dist/index.d.ts dist/cli/main.js dist/eda/index.d.ts bin/mixlab.js \
  data/weekly/mmm_weekly.csv data/daily/sales_data.csv data/campaigns package.json; do
  grep -q "^package/$f" <<<"$listing" || fail "tarball lacks $f"
done
ok "tarball has dist/ (.js and .d.ts), bin/mixlab.js and data/"
for d in src/ test/ bench/ notebooks/ node_modules/ .ci/; do
  if grep -q "^package/$d" <<<"$listing"; then fail "tarball ships $d"; fi
done
ok "tarball ships no src/, test/, bench/, notebooks/, node_modules/"

# An empty project that allows better-sqlite3's install script (npm blocks dependencies' install
# scripts unless the project's allowScripts names them) and installs the tarball without dev deps.
app="$work/app"
mkdir -p "$app"
cat >"$app/package.json" <<'EOF'
{ "name": "pack-check-app", "version": "1.0.0", "private": true, "allowScripts": { "better-sqlite3": true } }
EOF
echo "pack-check: npm install --omit=dev <tarball> (better-sqlite3 compiles its addon: about a minute)"
t0=$(date +%s)
(cd "$app" && npm install --omit=dev --prefer-offline --no-audit --no-fund --loglevel=error "$tarball") ||
  fail "npm install of the tarball failed"
ok "installed in $(( $(date +%s) - t0 )) s"
installed="$app/node_modules/mixlab"
for dev in typescript vitest tsx ml-regression danfojs-node @biomejs/biome; do
  [ ! -e "$app/node_modules/$dev" ] || fail "dev-only package $dev was installed"
done
ok "no dev-only package installed (typescript, vitest, tsx, ml-regression, danfojs-node, @biomejs/biome)"

csv="$installed/data/weekly/mmm_weekly.csv"
cd "$app"
echo "pack-check: npx mixlab fit node_modules/mixlab/data/weekly/mmm_weekly.csv --out m.json"
npx --no-install mixlab fit "$csv" --out m.json >fit.out 2>fit.err ||
  { cat fit.err >&2; fail "mixlab fit exited $?"; }
tail -n 3 fit.out
node -e 'const m = require("./m.json"); if (!(m.spec?.channels?.length > 0 && m.coefficients && m.summary)) process.exit(1);' ||
  fail "m.json is not a model artifact"
ok "mixlab fit wrote m.json ($(du -k m.json | cut -f1) KB)"

echo "pack-check: npx mixlab export m.json --input … --report r.html --sqlite r.db"
npx --no-install mixlab export m.json --input "$csv" --report r.html --sqlite r.db >export.out 2>export.err ||
  { cat export.err >&2; fail "mixlab export exited $?"; }
cat export.out
grep -q "Plotly" r.html || fail "r.html does not embed plotly"
ok "r.html written ($(du -k r.html | cut -f1) KB, plotly embedded)"
node -e '
  const db = new (require("better-sqlite3"))("r.db", { readonly: true });
  for (const t of ["actuals", "predictions", "contributions", "channels", "response_curves", "budget_scenarios", "metrics"]) {
    const n = db.prepare(`SELECT count(*) AS n FROM ${t}`).get().n;
    if (!(n > 0)) { console.error(`table ${t} is empty`); process.exit(1); }
    process.stdout.write(`${t}=${n} `);
  }
  console.log();
' || fail "r.db lacks a table or a table is empty"
ok "r.db has the seven export tables, none empty"

# The demo runs on the bundled data shipped in the package (data/, about 290 KB).
npx --no-install mixlab demo >demo.out 2>demo.err || { cat demo.err >&2; fail "mixlab demo exited $?"; }
grep -q "bundled data missing" demo.err && fail "mixlab demo did not find the bundled data"
ok "mixlab demo ran on the bundled data ($(tail -n 1 demo.out))"

# The library as a dependency: the package's exports, and the core never loads danfojs-node (an
# optional peer, not installed here); the ./eda subpath loads and says what it needs on use.
node -e '
  const lib = require("mixlab");
  const pkg = require("mixlab/package.json");
  if (Object.keys(lib).length < 10) throw new Error("require(\"mixlab\") exports too few names");
  if (Object.keys(require.cache).some((k) => k.includes("danfojs"))) throw new Error("danfojs-node was loaded");
  let resolvable = true;
  try { require.resolve("danfojs-node"); } catch { resolvable = false; }
  if (resolvable) throw new Error("danfojs-node is installed although it is an optional peer");
  const eda = require("mixlab/eda");
  try { eda.tableToDataFrame({ dates: [], target: "y", channels: [], controls: [], columns: {} }); throw new Error("no error"); }
  catch (e) { if (!/danfojs-node/.test(e.message)) throw new Error("tableToDataFrame without danfojs-node: " + e.message); }
  try { require("mixlab/dist/cli/main.js"); throw new Error("a deep import (mixlab/dist/...) got through the exports"); }
  catch (e) { if (e.code !== "ERR_PACKAGE_PATH_NOT_EXPORTED") throw e; }
  console.log(`mixlab ${pkg.version}: ${Object.keys(lib).length} exports`);
' || fail "the installed library does not load as a dependency"
ok "require(\"mixlab\") and require(\"mixlab/eda\") work without danfojs-node; deep imports are closed"
# Types ship and resolve through the exports map: a strict TypeScript consumer of "mixlab" type-checks
# with the library's own declarations checked too (no --skipLibCheck: dist/index.d.ts reaches only
# installed packages' types, no danfojs-node), using the repo's TypeScript and @types/node (the
# installed app has no dev tools). "mixlab/eda" declares danfojs-node's DataFrame, an optional peer
# not installed here, so its consumer is checked with --skipLibCheck.
cat >consumer.ts <<'EOF'
import { type FittedModel, type ModelSpec, loadModel, ModelSpecSchema } from "mixlab";
export const load: typeof loadModel = loadModel;
export type Model = FittedModel;
export const spec: ModelSpec | undefined = ModelSpecSchema.safeParse({}).data;
EOF
cat >consumer-eda.ts <<'EOF'
import { correlationMatrix } from "mixlab/eda";
export const corr: typeof correlationMatrix = correlationMatrix;
EOF
tsc_consumer() {
  node "$repo/node_modules/typescript/bin/tsc" --noEmit --strict --module node16 --moduleResolution node16 \
    --target es2022 --types node --typeRoots "$repo/node_modules/@types" "$@"
}
tsc_consumer consumer.ts || fail "a TypeScript consumer of \"mixlab\" does not type-check (without --skipLibCheck)"
tsc_consumer --skipLibCheck consumer-eda.ts || fail "a TypeScript consumer of \"mixlab/eda\" does not type-check"
ok "types resolve: strict TypeScript consumers of \"mixlab\" (library declarations checked) and \"mixlab/eda\" type-check"
echo "pack-check: passed in $(( $(date +%s) - start )) s"
