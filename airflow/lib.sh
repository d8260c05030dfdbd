# Shared by the airflow/ scripts (sourced, not run): where things are, the Airflow install,
# the environment every Airflow process of a run directory gets, errors.
# shellcheck shell=bash

airflow_dir="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo_dir="$(cd "$airflow_dir/.." && pwd)"
venv_dir="${MASSBT_AIRFLOW_VENV:-$airflow_dir/.venv}"
run_dir_default="$airflow_dir/target/run"

# The pinned versions: Airflow's current major, the Spark provider, and pyspark = the build's Spark.
AIRFLOW_VERSION=3.3.2
SPARK_PROVIDER_VERSION=6.3.4

die() { echo "airflow: $*" >&2; exit 2; }
say() { echo "airflow: $*" >&2; }

spark_version() {
  sed -n 's:.*<spark.version>\(.*\)</spark.version>.*:\1:p' "$repo_dir/pom.xml" | sed -n 1p
}

free_port() {
  python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'
}

massbt_jar() {
  local jar
  jar=$(ls "$repo_dir"/jobs/target/massbt-jobs-*-all.jar 2>/dev/null | sed -n 1p)
  [[ -n "$jar" ]] || die "no uber jar in jobs/target: build it with mvn -B -ntp -q -DskipTests -pl jobs -am package"
  echo "$jar"
}

# The environment of every Airflow process for run directory $1: AIRFLOW_HOME and the metadata
# database (SQLite) under it, the project's DAGs, no examples, LocalExecutor, spark-submit of the
# venv's pyspark on PATH, Spark bound to loopback. Deployment settings only: no secret here.
airflow_env() {
  local run_dir="$1"
  mkdir -p "$run_dir/home" "$run_dir/logs"
  export AIRFLOW_HOME="$run_dir/home"
  export AIRFLOW__CORE__DAGS_FOLDER="$airflow_dir/dags"
  export AIRFLOW__CORE__LOAD_EXAMPLES=False
  export AIRFLOW__CORE__EXECUTOR=LocalExecutor
  export AIRFLOW__CORE__PARALLELISM=2
  export AIRFLOW__DATABASE__SQL_ALCHEMY_CONN="sqlite:///$run_dir/airflow.db"
  export AIRFLOW__LOGGING__BASE_LOG_FOLDER="$run_dir/logs"
  export AIRFLOW__SCHEDULER__ENABLE_HEALTH_CHECK=False
  export AIRFLOW__CORE__SIMPLE_AUTH_MANAGER_PASSWORDS_FILE="$run_dir/passwords.json"
  export PATH="$venv_dir/bin:$PATH"
  # The venv's spark-submit is pyspark's; its package directory is the Spark distribution.
  SPARK_HOME="$("$venv_dir/bin/python" -c 'import os, pyspark; print(os.path.dirname(pyspark.__file__))')" \
    || die "no pyspark in $venv_dir: run airflow/install.sh"
  export SPARK_HOME
  export SPARK_LOCAL_IP=127.0.0.1
  export SPARK_CONF_DIR="$airflow_dir/conf"
  mkdir -p "$run_dir/spark-local"
  export SPARK_LOCAL_DIRS="$run_dir/spark-local"
}

# The Spark connection the DAGs use (massbt_spark), as Airflow reads it from the environment:
# master $1 (local[2], spark://host:7077, yarn, k8s://...) and the uber jar $2.
export_spark_connection() {
  local master="$1" jar="$2"
  export AIRFLOW_CONN_MASSBT_SPARK
  AIRFLOW_CONN_MASSBT_SPARK=$(python3 -c 'import json, sys; print(json.dumps({"conn_type": "spark", "host": sys.argv[1], "extra": {"deploy-mode": "client", "massbt-jar": sys.argv[2]}}))' "$master" "$jar")
}

require_airflow() {
  [[ -x "$venv_dir/bin/airflow" ]] || die "Airflow is not installed in $venv_dir: run airflow/install.sh"
}
