#!/usr/bin/env bash
# `npm run jupyter`: open the notebooks in Jupyter with the tslab (TypeScript) kernel registered
# inside the repo. Installs Jupyter Notebook from apt when missing. Extra arguments go to
# `jupyter notebook` (e.g. `npm run jupyter -- --ip 0.0.0.0 --port 8890`).
set -euo pipefail
MIXLAB_EXTRA_APT="jupyter-notebook python3-notebook"
MIXLAB_EXTRA_MODULES="notebook"
source "$(dirname "$0")/jupyter-env.sh"
exec "$PYTHON" -m notebook --notebook-dir="$MIXLAB_ROOT/notebooks" "$@"
