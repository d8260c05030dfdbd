"""massbt_evolve_weekly: evolve strategies on the trailing window -> out-of-sample check -> leaderboard.

Saturdays 03:00 UTC. Evolution runs with --resume, so a retry after a crash continues from the last
complete generation (and a first attempt starts from scratch). The out-of-sample check re-ranks the
evolved run's final population keeping only strategies that stay profitable out of sample; the
result is the run's leaderboard, published like massbt_daily's.
"""

from __future__ import annotations

from datetime import timedelta

from airflow.providers.apache.spark.operators.spark_submit import SparkSubmitOperator
from airflow.sdk import DAG, CronDataIntervalTimetable, Param, get_current_context, task

from massbt_dags import common

with DAG(
    dag_id="massbt_evolve_weekly",
    description="evolve -> out-of-sample check -> leaderboard",
    schedule=CronDataIntervalTimetable("0 3 * * 6", timezone="UTC"),
    dagrun_timeout=timedelta(hours=12),
    **common.SCHEDULED,
    params={
        "warehouse": Param(None, type=["null", "string"]),
        "publish": Param(None, type=["null", "string"]),
        "symbols": Param(None, type=["null", "string"], description="Comma-separated (else Variable "
                         "massbt_symbols)."),
        "lookback_days": Param(365, type="integer", minimum=1, maximum=36500),
        "split": Param("0.7", type="string"),
        "population": Param(200, type="integer", minimum=2, maximum=100000),
        "generations": Param(50, type="integer", minimum=1, maximum=10000),
        "seed": Param(1, type="integer"),
        "fitness": Param("sharpe", enum=list(common.FITNESS_METRICS)),
        "complexity_penalty": Param(0.0, type="number", minimum=0),
        "min_trades": Param(1, type="integer", minimum=0),
        "best": Param(20, type="integer", minimum=1, maximum=1000),
        "min_oos_ratio": Param(None, type=["null", "number"]),
        "commission_bps": Param(0.0, type="number", minimum=0),
        "slippage_bps": Param(0.0, type="number", minimum=0),
        "calendar": Param("auto", type=["string", "integer"], enum=["auto", 252, 365],
                          description="Periods per year for annualising: auto counts the days with bars."),
    },
) as dag:

    @task(multiple_outputs=True)
    def plan() -> dict:
        ctx = get_current_context()
        params, dag_run = ctx["params"], ctx["dag_run"]
        warehouse = common.location(params, "warehouse")
        syms = common.symbols(common.setting(params, "symbols"))
        to = common.last_day(ctx.get("data_interval_end"), dag_run.run_after)
        start = to - timedelta(days=params["lookback_days"] - 1)
        rid = common.run_key(ctx.get("data_interval_end"), dag_run.run_after, dag_run.run_id)
        evolve_run = common.run_id(rid, "weekly", "evo")
        oos = ["--run", evolve_run, "--metric", params["fitness"], "--min-trades", params["min_trades"],
               "--oos-positive", "--show", params["best"]]
        if params["min_oos_ratio"] is not None:
            oos += ["--min-oos-ratio", params["min_oos_ratio"]]
        return {
            "jar": common.spark_jar(),
            "warehouse": warehouse,
            "day": to.isoformat(),
            "evolve_run": evolve_run,
            "evolve_args": common.massbt_args(
                "evolve", warehouse, evolve_run, "--resume", "--symbols", ",".join(syms),
                "--from", start.isoformat(), "--to", to.isoformat(), "--split", params["split"],
                "--population", params["population"], "--generations", params["generations"],
                "--seed", params["seed"], "--fitness", params["fitness"],
                "--complexity-penalty", params["complexity_penalty"], "--min-trades", params["min_trades"],
                "--best", params["best"], "--commission-bps", params["commission_bps"],
                "--slippage-bps", params["slippage_bps"], "--calendar", params["calendar"]),
            "oos_args": common.massbt_args("rank", warehouse, common.run_id(rid, "weekly", "oos"),
                                           *oos),
        }

    planned = plan()
    evolve = SparkSubmitOperator(task_id="evolve", name="massbt-weekly-evolve",
                                 application_args=planned["evolve_args"], **common.SPARK_SUBMIT)
    oos_check = SparkSubmitOperator(task_id="oos_check", name="massbt-weekly-oos-check",
                                    application_args=planned["oos_args"], **common.SPARK_SUBMIT)

    @task
    def publish(warehouse: str, evolve_run: str, day: str) -> dict:
        """The out-of-sample survivors' JSON to <publish>/evolve-<day>/ and <publish>/latest.json."""
        return common.publish_leaderboard(warehouse, evolve_run, f"evolve-{day}", day)

    published = publish(planned["warehouse"], planned["evolve_run"], planned["day"])
    planned >> evolve >> oos_check >> published
