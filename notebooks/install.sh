#!/usr/bin/env bash
# Creates the notebooks' Python environment, notebooks/.venv (or $MASSBT_NOTEBOOKS_VENV), from
# PyPI with the pinned versions of requirements.txt: PySpark and delta-spark of the build's
# Spark and Delta versions (checked against the parent pom first), pandas, SciPy, matplotlib,
# JupyterLab, papermill. Idempotent: does nothing when the venv already holds exactly these
# requirements. Prints the venv directory.
set -euo pipefail
nb_dir="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo_dir="$(cd "$nb_dir/.." && pwd)"
venv_dir="${MASSBT_NOTEBOOKS_VENV:-$nb_dir/.venv}"
requirements="$nb_dir/requirements.txt"

die() { echo "notebooks: $*" >&2; exit 2; }
say() { echo "notebooks: $*" >&2; }

pom_property() {
  sed -n "s:.*<$1>\(.*\)</$1>.*:\1:p" "$repo_dir/pom.xml" | sed -n 1p
}
pinned() {
  sed -n "s/^$1==\([^ ]*\).*/\1/p" "$requirements"
}
for pair in "pyspark spark.version" "delta-spark delta.version"; do
  set -- $pair
  [[ "$(pinned "$1")" == "$(pom_property "$2")" ]] \
    || die "requirements.txt pins $1==$(pinned "$1") but pom.xml has <$2>$(pom_property "$2")</$2>: make them equal."
done

stamp="$venv_dir/.massbt-requirements"
if [[ -f "$stamp" ]] && cmp -s "$stamp" "$requirements"; then
  echo "$venv_dir"
  exit 0
fi
command -v python3 >/dev/null || die "python3 not found: install python3 and python3-venv."
command -v java >/dev/null || die "java not found: PySpark needs JDK 17+ (bash .ci/run installs it on Debian)."
if [[ ! -x "$venv_dir/bin/pip" ]]; then
  python3 -m venv "$venv_dir" \
    || die "python3 -m venv failed: install python3-venv (Debian: apt-get install python3-venv)."
fi
say "installing requirements.txt into $venv_dir (PySpark is a ~450 MB download)..."
"$venv_dir/bin/pip" install -q --disable-pip-version-check -r "$requirements" \
  || die "pip could not install $requirements into $venv_dir"
cp "$requirements" "$stamp"
echo "$venv_dir"
