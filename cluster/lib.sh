# Shared by the cluster/ scripts (sourced, not run): where things are, the Spark distribution,
# free ports, errors. Everything a cluster run makes goes under its run directory.
# shellcheck shell=bash

cluster_dir="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo_dir="$(cd "$cluster_dir/.." && pwd)"
venv_dir="${MASSBT_CLUSTER_VENV:-$cluster_dir/.venv}"
run_dir_default="$cluster_dir/target/run"

die() { echo "cluster: $*" >&2; exit 2; }
say() { echo "cluster: $*" >&2; }

# The Spark version the build uses, from the parent pom: the distribution must be the same.
spark_version() {
  sed -n 's:.*<spark.version>\(.*\)</spark.version>.*:\1:p' "$repo_dir/pom.xml" | sed -n 1p
}

# The pyspark package dir of the project venv (a full SPARK_HOME: bin/, sbin/, jars/), or empty.
installed_spark_home() {
  [[ -x "$venv_dir/bin/python" ]] || return 0
  "$venv_dir/bin/python" - <<'PY' 2>/dev/null || true
import os, pyspark
print(os.path.dirname(pyspark.__file__))
PY
}

# The path of the jar to submit.
massbt_jar() {
  local jar
  jar=$(ls "$repo_dir"/jobs/target/massbt-jobs-*-all.jar 2>/dev/null | sed -n 1p)
  [[ -n "$jar" ]] || die "no uber jar in jobs/target: build it with mvn -B -ntp -q -DskipTests -pl jobs -am package"
  echo "$jar"
}

# A TCP port free on 127.0.0.1 right now.
free_port() {
  python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'
}

# Reads the state start.sh wrote for a run directory.
load_state() {
  local run_dir="$1"
  [[ -f "$run_dir/cluster.env" ]] || die "no cluster in $run_dir (cluster.env missing): start one with cluster/start.sh"
  # shellcheck disable=SC1091
  source "$run_dir/cluster.env"
}

# The shared secret of spark.authenticate: only ever from the environment, never from a file.
require_secret() {
  [[ -n "${MASSBT_SPARK_SECRET:-}" ]] || die "MASSBT_SPARK_SECRET is not set: the cluster runs with spark.authenticate=true. Set it to a random secret, e.g. export MASSBT_SPARK_SECRET=\$(openssl rand -hex 32), and use the same value for start.sh and submit.sh."
}
