# Sourced by scripts/notebooks.sh and scripts/jupyter.sh: makes Jupyter usable for mixlab's
# notebooks with everything kept inside the repo. Installs Jupyter from apt when it is missing
# (packages listed below; root or sudo needed), installs the npm dependencies and rebuilds dist/ when
# src/ changed (the notebooks import ../dist/index), registers the tslab kernel under .jupyter/ and
# exports the variables that make Jupyter find it there.
# Usage: [MIXLAB_EXTRA_APT="pkg …" MIXLAB_EXTRA_MODULES="module, …"] source scripts/jupyter-env.sh
set -euo pipefail
MIXLAB_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
PYTHON="${MIXLAB_PYTHON:-/usr/bin/python3}"   # the apt-installed Python (override with MIXLAB_PYTHON)
# shellcheck disable=SC2206
JUPYTER_APT_PACKAGES=(jupyter-nbconvert python3-nbclient jupyter-client python3-ipykernel ${MIXLAB_EXTRA_APT:-})

# shellcheck source=scripts/apt-install.sh
source "$MIXLAB_ROOT/scripts/apt-install.sh"

# Install from apt only when this Python cannot import what is needed (a Jupyter from pip is fine).
modules="import nbclient, nbconvert, ipykernel, jupyter_client${MIXLAB_EXTRA_MODULES:+, $MIXLAB_EXTRA_MODULES}"
if ! "$PYTHON" -c "$modules" 2>/dev/null; then
  mixlab_apt_install "${JUPYTER_APT_PACKAGES[@]}"
fi

cd "$MIXLAB_ROOT"
node scripts/ensure-installed.cjs

export JUPYTER_PATH="$MIXLAB_ROOT/.jupyter/share/jupyter${JUPYTER_PATH:+:$JUPYTER_PATH}"
export JUPYTER_DATA_DIR="$MIXLAB_ROOT/.jupyter/data"
export JUPYTER_CONFIG_DIR="$MIXLAB_ROOT/.jupyter/config"
export JUPYTER_RUNTIME_DIR="$MIXLAB_ROOT/.jupyter/runtime"
export PATH="$MIXLAB_ROOT/node_modules/.bin:$PATH"
export PYDEVD_DISABLE_FILE_VALIDATION=1

# The kernel spec points at this checkout's tslab; re-registering is cheap and keeps it current.
"$MIXLAB_ROOT/node_modules/.bin/tslab" install --python="$PYTHON" --binary="$MIXLAB_ROOT/node_modules/.bin/tslab" \
  --prefix "$MIXLAB_ROOT/.jupyter" >/dev/null
