"""massbt_catalog: what the warehouse's bars table holds (massbt datasets), on demand.

One small Spark step: a check that the massbt_spark connection, the jar and the warehouse work
before scheduling the pipelines, and what `massbt airflow trigger massbt_catalog --wait` runs in the
tests of the Airflow REST client.
"""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

from airflow.providers.apache.spark.operators.spark_submit import SparkSubmitOperator
from airflow.sdk import DAG, Param, get_current_context, task

from massbt_dags import common

with DAG(
    dag_id="massbt_catalog",
    description="massbt datasets: symbols, timeframes, first and last bar, rows of the warehouse",
    schedule=None,
    start_date=datetime(2026, 1, 1, tzinfo=timezone.utc),
    catchup=False,
    is_paused_upon_creation=False,
    default_args=dict(common.DEFAULT_ARGS, retries=0),
    dagrun_timeout=timedelta(minutes=30),
    tags=["massbt"],
    params={"warehouse": Param(None, type=["null", "string"])},
) as dag:

    @task(multiple_outputs=True)
    def plan() -> dict:
        params = get_current_context()["params"]
        warehouse = common.location(params, "warehouse")
        return {"jar": common.spark_jar(), "args": common.massbt_args("datasets", warehouse, None)}

    planned = plan()
    datasets = SparkSubmitOperator(task_id="datasets", name="massbt-catalog", application_args=planned["args"],
                                   **common.SPARK_SUBMIT)
    planned >> datasets
