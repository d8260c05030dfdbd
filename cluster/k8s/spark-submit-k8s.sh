#!/usr/bin/env bash
# massbt on Kubernetes with plain spark-submit (no operator): the driver runs in a pod of the
# cluster (--deploy-mode cluster) and starts the executor pods itself. An example to adapt, not run
# by the build (`bash -n` checks its syntax in mvn verify); sparkapplication.yaml is the same job
# for the Spark operator.
#
# Needs: a Spark 4.2.0 distribution where you run it (SPARK_HOME), kubectl access to the cluster,
# the image of cluster/k8s/Dockerfile pushed, a service account allowed to create pods, and the
# Secrets massbt-spark-auth (key "secret") and massbt-s3 (keys access-key, secret-key):
#   kubectl -n massbt create serviceaccount massbt-spark
#   kubectl -n massbt create rolebinding massbt-spark --clusterrole=edit --serviceaccount=massbt:massbt-spark
#
# Usage: cluster/k8s/spark-submit-k8s.sh backtest --strategies-run gen7 --symbols EURUSD --run-id eurusd-gen7
#        (massbt's arguments; --warehouse is added from MASSBT_WAREHOUSE)
#        PRINT_ONLY=1 cluster/k8s/spark-submit-k8s.sh ...   prints the command instead of running it
set -euo pipefail

K8S_API="${K8S_API:-https://kubernetes.default.svc:443}"     # kubectl cluster-info shows it
NAMESPACE="${NAMESPACE:-massbt}"
IMAGE="${IMAGE:-registry.example.com/massbt/massbt-spark:0.1.0}"
JAR="${JAR:-local:///opt/massbt/massbt-jobs-0.1.0-SNAPSHOT-all.jar}"  # local:// = inside the image
MASSBT_WAREHOUSE="${MASSBT_WAREHOUSE:-s3a://massbt-data/warehouse}"
EXECUTORS="${EXECUTORS:-4}"

if [[ $# -eq 0 ]]; then
    echo "usage: $0 <massbt command> [options]   e.g. $0 backtest --strategies-run gen7 --symbols EURUSD" >&2
    exit 2
fi

cmd=(
    "${SPARK_HOME:?set SPARK_HOME to a Spark 4.2.0 distribution}/bin/spark-submit"
    --master "k8s://${K8S_API}"
    --deploy-mode cluster
    --name "massbt-$1"
    --class dev.massbt.jobs.Main
    --conf spark.kubernetes.namespace="${NAMESPACE}"
    --conf spark.kubernetes.container.image="${IMAGE}"
    --conf spark.kubernetes.container.image.pullPolicy=IfNotPresent
    --conf spark.kubernetes.authenticate.driver.serviceAccountName=massbt-spark
    --conf spark.executor.instances="${EXECUTORS}"
    --conf spark.driver.cores=1
    --conf spark.driver.memory=4g
    --conf spark.executor.cores=2
    --conf spark.executor.memory=6g
    # Delta Lake (massbt adds these itself too; explicit here for other tools reading the logs)
    --conf spark.sql.extensions=io.delta.sql.DeltaSparkSessionExtension
    --conf spark.sql.catalog.spark_catalog=org.apache.spark.sql.delta.catalog.DeltaCatalog
    --conf spark.sql.session.timeZone=UTC
    # s3a: hadoop-aws matching Spark's Hadoop 3.5.0 (brings the AWS SDK v2 bundle); credentials
    # from the Secret as environment variables, read by the SDK's default provider chain
    --packages org.apache.hadoop:hadoop-aws:3.5.0
    --conf spark.jars.ivy=/tmp/.ivy2
    --conf spark.kubernetes.driver.secretKeyRef.AWS_ACCESS_KEY_ID=massbt-s3:access-key
    --conf spark.kubernetes.driver.secretKeyRef.AWS_SECRET_ACCESS_KEY=massbt-s3:secret-key
    --conf spark.kubernetes.executor.secretKeyRef.AWS_ACCESS_KEY_ID=massbt-s3:access-key
    --conf spark.kubernetes.executor.secretKeyRef.AWS_SECRET_ACCESS_KEY=massbt-s3:secret-key
    # RPC authentication + encryption with the shared secret mounted from massbt-spark-auth
    --conf spark.authenticate=true
    --conf spark.network.crypto.enabled=true
    --conf spark.kubernetes.driver.secrets.massbt-spark-auth=/etc/massbt/spark-auth
    --conf spark.kubernetes.executor.secrets.massbt-spark-auth=/etc/massbt/spark-auth
    --conf spark.authenticate.secret.driver.file=/etc/massbt/spark-auth/secret
    --conf spark.authenticate.secret.executor.file=/etc/massbt/spark-auth/secret
    "${JAR}"
    "$@"
    --warehouse "${MASSBT_WAREHOUSE}"
)

if [[ "${PRINT_ONLY:-0}" == 1 ]]; then
    printf '%q ' "${cmd[@]}"
    echo
else
    exec "${cmd[@]}"
fi
