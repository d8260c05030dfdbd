"""massbt_daily: new files from the landing path -> bars -> backtest the registered strategies over
the trailing window that ends with the new day -> rank -> publish the leaderboard.

Each day at 00:00 UTC (a run covers the day that just ended). Settings: the DAG params below, else
Airflow Variables massbt_<param> (warehouse, landing, publish, symbols, strategies); the Spark master
and the uber jar come from the connection massbt_spark. Landing layout: <landing>/<SYMBOL>/ holds that
symbol's files; every file is ingested every day and files already ingested insert nothing (massbt
records each row's source file and line), so new files are what lands.
"""

from __future__ import annotations

from datetime import timedelta

from airflow.providers.apache.spark.operators.spark_submit import SparkSubmitOperator
from airflow.sdk import DAG, CronDataIntervalTimetable, Param, get_current_context, task

from massbt_dags import common

with DAG(
    dag_id="massbt_daily",
    description="ingest -> bars -> backtest the registered strategies -> rank -> publish the leaderboard",
    schedule=CronDataIntervalTimetable("0 0 * * *", timezone="UTC"),
    dagrun_timeout=timedelta(hours=6),
    **common.SCHEDULED,
    params={
        "warehouse": Param(None, type=["null", "string"], description="Warehouse dir or URI (else Variable "
                           "massbt_warehouse)."),
        "landing": Param(None, type=["null", "string"], description="Landing dir: <landing>/<SYMBOL>/ files "
                         "(else Variable massbt_landing)."),
        "publish": Param(None, type=["null", "string"], description="Where the leaderboard is published (else "
                         "Variable massbt_publish)."),
        "symbols": Param(None, type=["null", "string"], description="Comma-separated symbols (else Variable "
                         "massbt_symbols)."),
        "format": Param("bars-csv", enum=list(common.FORMATS), description="Format of the landed files."),
        "strategies": Param(None, type=["null", "string"], description="The registered strategies: the run id "
                            "of a generate run (its set), or 'all' for every stored strategy (else Variable "
                            "massbt_strategies)."),
        "lookback_days": Param(365, type="integer", minimum=1, maximum=36500,
                               description="Backtest window: this many days ending with the run's day."),
        "split": Param("0.7", type="string", description="In-sample fraction, a date, or none."),
        "commission_bps": Param(0.0, type="number", minimum=0),
        "slippage_bps": Param(0.0, type="number", minimum=0),
        "calendar": Param("auto", type=["string", "integer"], enum=["auto", 252, 365],
                          description="Periods per year for annualising: auto counts the days with bars."),
        "metric": Param("sharpe", enum=list(common.METRICS)),
        "min_trades": Param(1, type="integer", minimum=0),
        "max_drawdown": Param(None, type=["null", "number"], minimum=0, maximum=1),
        "oos_positive": Param(False, type="boolean"),
        "top": Param(20, type="integer", minimum=1, maximum=1000, description="Strategies on the leaderboard."),
    },
) as dag:

    @task(multiple_outputs=True)
    def plan() -> dict:
        """Resolves and validates every setting once; the Spark steps get their arguments from here."""
        ctx = get_current_context()
        params, dag_run = ctx["params"], ctx["dag_run"]
        warehouse = common.location(params, "warehouse")
        syms = common.symbols(common.setting(params, "symbols"))
        strategies = common.setting(params, "strategies")
        if strategies != "all" and not common.RUN_ID.fullmatch(strategies):
            raise common.SettingError(f"'strategies' = {strategies!r} is neither 'all' nor a massbt run id.")
        to = common.last_day(ctx.get("data_interval_end"), dag_run.run_after)
        start = to - timedelta(days=params["lookback_days"] - 1)
        rid = common.run_key(ctx.get("data_interval_end"), dag_run.run_after, dag_run.run_id)
        backtest_run = common.run_id(rid, "daily", "bt")
        source = ["--all"] if strategies == "all" else ["--strategies-run", strategies]
        rank_opts = ["--metric", params["metric"], "--min-trades", params["min_trades"], "--show", params["top"]]
        if params["max_drawdown"] is not None:
            rank_opts += ["--max-drawdown", params["max_drawdown"]]
        if params["oos_positive"]:
            rank_opts.append("--oos-positive")
        return {
            "jar": common.spark_jar(),
            "warehouse": warehouse,
            "day": to.isoformat(),
            "backtest_run": backtest_run,
            "symbols": syms,
            "run_key": rid,
            "backtest_args": common.massbt_args(
                "backtest", warehouse, backtest_run, *source, "--symbols", ",".join(syms),
                "--from", start.isoformat(), "--to", to.isoformat(), "--split", params["split"],
                "--commission-bps", params["commission_bps"], "--slippage-bps", params["slippage_bps"],
                "--calendar", params["calendar"]),
            "rank_args": common.massbt_args("rank", warehouse, common.run_id(rid, "daily", "rank"),
                                            "--run", backtest_run, *rank_opts),
        }

    @task
    def landed(warehouse: str, syms: list[str], rid: str) -> list[list[str]]:
        """One ingest per symbol: its landing directory <landing>/<SYMBOL>/, which must exist."""
        params = get_current_context()["params"]
        landing = common.local_path(common.location(params, "landing"), "landing")
        missing = [s for s in syms if not (landing / s).is_dir()]
        if missing:
            raise common.SettingError(f"No landing directory for {missing} under {landing}: expected "
                                      f"{landing}/<SYMBOL>/ with that symbol's files.")
        return [common.massbt_args("ingest", warehouse, common.run_id(rid, "daily", "in", s), str(landing / s),
                                   "--format", params["format"], "--symbol", s)
                for s in syms]

    planned = plan()
    ingest_args = landed(planned["warehouse"], planned["symbols"], planned["run_key"])
    ingest = SparkSubmitOperator.partial(task_id="ingest", name="massbt-daily-ingest",
                                         **common.SPARK_SUBMIT).expand(application_args=ingest_args)
    backtest = SparkSubmitOperator(task_id="backtest", name="massbt-daily-backtest",
                                   application_args=planned["backtest_args"], **common.SPARK_SUBMIT)
    rank = SparkSubmitOperator(task_id="rank", name="massbt-daily-rank", application_args=planned["rank_args"],
                               **common.SPARK_SUBMIT)

    @task
    def publish(warehouse: str, backtest_run: str, day: str) -> dict:
        """The ranked strategies' JSON to <publish>/daily-<day>/ and <publish>/latest.json."""
        return common.publish_leaderboard(warehouse, backtest_run, f"daily-{day}", day)

    published = publish(planned["warehouse"], planned["backtest_run"], planned["day"])
    planned >> ingest >> backtest >> rank >> published
