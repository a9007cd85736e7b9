#!/usr/bin/env bash
# `npm run notebooks`: execute notebooks/01-…06-… headlessly with the tslab kernel (installing
# Jupyter from apt and registering the kernel inside the repo first), writing executed copies and
# HTML renders to notebooks/.executed/. Arguments go to scripts/run-notebooks.py (e.g. one notebook).
set -euo pipefail
source "$(dirname "$0")/jupyter-env.sh"
exec "$PYTHON" "$MIXLAB_ROOT/scripts/run-notebooks.py" "$@"
