#!/usr/bin/env bash
# Opens JupyterLab on 127.0.0.1 over the notebooks, with their warehouse defaulting to the one
# given here: notebooks/jupyter.sh [WAREHOUSE] [jupyter lab options...]. WAREHOUSE defaults to
# $MASSBT_WAREHOUSE, else ./warehouse (what ./massbt demo writes). Creates the Python
# environment first (install.sh). Stop with Ctrl-C.
set -euo pipefail
nb_dir="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
warehouse="${MASSBT_WAREHOUSE:-./warehouse}"
if [[ $# -gt 0 && "$1" != -* ]]; then
  warehouse="$1"
  shift
fi
if [[ "$warehouse" != *://* && "$warehouse" != file:* ]]; then
  [[ -d "$warehouse" ]] || { echo "notebooks: no warehouse at $warehouse: run ./massbt demo first, or give its directory" >&2; exit 2; }
  warehouse="$(cd "$warehouse" && pwd)"
fi
venv="$("$nb_dir/install.sh")"
export MASSBT_WAREHOUSE="$warehouse" SPARK_LOCAL_IP=127.0.0.1
echo "notebooks: warehouse $MASSBT_WAREHOUSE" >&2
root=()
[[ $EUID -eq 0 ]] && root=(--allow-root)  # containers and CI machines often run as root; Jupyter refuses it otherwise
exec "$venv/bin/jupyter" lab --ip=127.0.0.1 --notebook-dir="$nb_dir" "${root[@]}" "$@"
