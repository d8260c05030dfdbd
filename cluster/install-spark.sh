#!/usr/bin/env bash
# Installs the Spark distribution of the build's Spark version into the project venv
# (cluster/.venv, or $MASSBT_CLUSTER_VENV) from PyPI: the pyspark package carries a full
# SPARK_HOME (bin/spark-submit, sbin/, jars/). Idempotent; prints SPARK_HOME.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

version="$(spark_version)"
[[ -n "$version" ]] || die "cannot read <spark.version> from $repo_dir/pom.xml"
command -v java >/dev/null || die "java not found: install JDK 17+ (bash .ci/run installs it on Debian)."

current=""
if [[ -x "$venv_dir/bin/python" ]]; then
  current=$("$venv_dir/bin/python" -c 'import pyspark; print(pyspark.__version__)' 2>/dev/null || true)
fi
if [[ "$current" != "$version" ]]; then
  command -v python3 >/dev/null || die "python3 not found: install python3 and python3-venv."
  if [[ ! -x "$venv_dir/bin/pip" ]]; then
    python3 -m venv "$venv_dir" \
      || die "python3 -m venv failed: install python3-venv (Debian: apt-get install python3-venv)."
  fi
  say "installing pyspark==$version into $venv_dir (a Spark $version distribution, ~450 MB)..."
  "$venv_dir/bin/pip" install -q --disable-pip-version-check "pyspark==$version" \
    || die "pip could not install pyspark==$version into $venv_dir"
fi

home="$(installed_spark_home)"
[[ -x "$home/bin/spark-submit" && -x "$home/bin/spark-class" ]] \
  || die "pyspark in $venv_dir has no bin/spark-submit: reinstall with rm -rf $venv_dir && $0"
echo "$home"
