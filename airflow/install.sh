#!/usr/bin/env bash
# Installs Apache Airflow, its Spark provider and pyspark (= the build's Spark version, whose package
# directory is a full SPARK_HOME with bin/spark-submit) from PyPI into the project venv
# (airflow/.venv, or $MASSBT_AIRFLOW_VENV), pinned by airflow/constraints-3.11.txt. Idempotent:
# does nothing when the venv already holds exactly these versions. Prints the venv's bin directory.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

spark="$(spark_version)"
[[ -n "$spark" ]] || die "cannot read <spark.version> from $repo_dir/pom.xml"
want="apache-airflow==$AIRFLOW_VERSION apache-airflow-providers-apache-spark==$SPARK_PROVIDER_VERSION pyspark==$spark"
constraints="$airflow_dir/constraints-3.11.txt"
stamp="$venv_dir/.massbt-installed"
fingerprint="$want $(cksum < "$constraints")"

if [[ -f "$stamp" && "$(cat "$stamp")" == "$fingerprint" && -x "$venv_dir/bin/airflow" ]]; then
  echo "$venv_dir/bin"
  exit 0
fi

command -v python3 >/dev/null || die "python3 not found: install python3 and python3-venv."
py="$(python3 -c 'import sys; print(f"{sys.version_info[0]}.{sys.version_info[1]}")')"
case "$py" in
  3.10|3.11|3.12|3.13) ;;
  *) die "Airflow $AIRFLOW_VERSION needs Python 3.10-3.13, python3 is $py" ;;
esac
if [[ ! -x "$venv_dir/bin/pip" ]]; then
  python3 -m venv "$venv_dir" || die "python3 -m venv failed: install python3-venv (Debian: apt-get install python3-venv)."
fi
pin=(-c "$constraints")
if [[ "$py" != 3.11 ]]; then
  # The pinned set was resolved on 3.11; elsewhere let pip resolve (say so: it is not reproducible).
  say "python3 is $py, the constraints are for 3.11: installing without them"
  pin=()
fi
say "installing $want into $venv_dir (~1.2 GB with Spark)..."
# shellcheck disable=SC2086
"$venv_dir/bin/pip" install -q --disable-pip-version-check "${pin[@]+"${pin[@]}"}" $want \
  || die "pip could not install $want into $venv_dir"
"$venv_dir/bin/airflow" version >/dev/null 2>&1 || die "airflow in $venv_dir does not start: rm -rf $venv_dir and run $0 again"
[[ -x "$venv_dir/bin/spark-submit" ]] || die "pyspark in $venv_dir has no bin/spark-submit"
echo "$fingerprint" > "$stamp"
echo "$venv_dir/bin"
