# Sourced by scripts/jupyter-env.sh and .ci/run: mixlab_apt_install PKG… installs Debian packages
# (as root, or with sudo when this user is not root and sudo exists; otherwise it stops, printing
# the command to run as root). Callers install only what is missing, so running twice is a no-op.
mixlab_apt_install() {
  local sudo=""
  if [ "$(id -u)" -ne 0 ]; then
    if command -v sudo >/dev/null 2>&1; then sudo="sudo"; else
      echo "mixlab: needs $* from apt and this user cannot install it; as root run: apt-get install -y $*" >&2
      exit 1
    fi
  fi
  echo "mixlab: installing from apt: $*" >&2
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get -o DPkg::Lock::Timeout=600 install -y -qq "$@" >/dev/null
}
