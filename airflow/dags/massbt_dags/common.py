"""What the massbt DAGs share: settings, validation, run ids, spark-submit arguments, publishing.

Deployment settings come from Airflow, never from this code: the Spark connection ``massbt_spark``
(its host is the master: ``local[2]``, ``spark://host:7077``, ``yarn``, ``k8s://...``; its extra
``massbt-jar`` the uber jar's path or URI) and Airflow Variables ``massbt_<name>`` (warehouse,
landing, publish, ...), which a run's DAG params override. Secrets (Spark's authentication secret,
S3 keys) stay in the Spark and worker environment or a secrets backend, as the README says.

Every massbt run id is derived from the DAG run: from the last day of its data interval when it has
one (scheduled runs, backfills, runs triggered with a logical date, `airflow dags test`), else from
its run id. A retry, a cleared task, a backfill or a manual re-run of the same day therefore writes
the same run ids, and massbt replaces those runs' rows and nothing else.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import shutil
import tempfile
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

CONN_ID = "massbt_spark"
MAIN_CLASS = "dev.massbt.jobs.Main"

# massbt's own definitions, copied here because DAG files are deployed without the jar; a massbt test
# (dev.massbt.jobs.cli.GrammarsTest) holds each equal to its one definition in Java.
# The run id grammar: dev.massbt.datasets.run.RunId.PATTERN, its characters RunId.CHARS.
RUN_ID = re.compile(r"[A-Za-z0-9][A-Za-z0-9._:+-]{0,63}")
_NOT_RUN_ID = re.compile(r"[^A-Za-z0-9._:+-]")
# The symbol grammar: dev.massbt.datasets.validate.SymbolName.PATTERN.
SYMBOL = re.compile(r"[A-Z0-9][A-Z0-9._-]{0,31}")
# The formats of `massbt ingest --format`: dev.massbt.jobs.cli.IngestCommand.FORMATS.
FORMATS = ("bitstamp", "binance-trades", "binance-klines", "histdata-m1", "trades-csv", "bars-csv")
# The metrics `massbt rank --metric` accepts (Metric.rankableMetrics()) and `evolve --fitness` accepts
# (Metric.fitnessMetrics()), in dev.massbt.strategies.metrics.Metric's order.
METRICS = ("total_return", "cagr", "sharpe", "sortino", "calmar", "win_rate", "profit_factor", "avg_trade", "trades",
           "exposure")
FITNESS_METRICS = ("total_return", "cagr", "sharpe", "sortino", "calmar", "win_rate", "profit_factor", "avg_trade")

# What every SparkSubmitOperator of the DAGs shares: the connection, massbt's main class, and the
# jar, which each DAG's plan task reads from the connection and returns as its XCom 'jar'.
SPARK_SUBMIT = {
    "conn_id": CONN_ID,
    "java_class": MAIN_CLASS,
    "application": "{{ ti.xcom_pull(task_ids='plan', key='jar') }}",
    "verbose": False,
}

DEFAULT_ARGS = {
    "owner": "massbt",
    "retries": 2,
    "retry_delay": timedelta(minutes=2),
    "retry_exponential_backoff": True,
    "max_retry_delay": timedelta(minutes=30),
}

# What the scheduled DAGs share: no catch-up of missed intervals (backfill them explicitly), one run
# at a time (the runs and strategies tables are shared by every run), paused until an operator has
# set the connection and Variables and unpauses them.
SCHEDULED = {
    "start_date": datetime(2026, 1, 1, tzinfo=timezone.utc),
    "catchup": False,
    "max_active_runs": 1,
    "is_paused_upon_creation": True,
    "default_args": DEFAULT_ARGS,
    "tags": ["massbt"],
}


class SettingError(ValueError):
    """A missing or invalid setting: the message names the DAG param and the Variable that set it."""


def setting(params: dict, name: str, required: bool = True) -> str | None:
    """The run's DAG param ``name`` if given, else Airflow Variable ``massbt_<name>``."""
    value = params.get(name)
    if value in (None, ""):
        from airflow.sdk import Variable

        value = Variable.get(f"massbt_{name}", default=None)
    if value in (None, "") and required:
        raise SettingError(f"'{name}' is not set: give the DAG param '{name}' (trigger conf) or set the Airflow "
                           f"Variable massbt_{name}.")
    return None if value in (None, "") else str(value)


def location(params: dict, name: str, required: bool = True) -> str | None:
    """A path or URI setting (warehouse, landing, publish): no control characters, no spaces at the ends."""
    value = setting(params, name, required)
    if value is None:
        return None
    if value != value.strip() or any(ord(c) < 32 for c in value):
        raise SettingError(f"'{name}' = {value!r} is not a valid path or URI.")
    return value


def symbols(value) -> list[str]:
    items = value if isinstance(value, list) else str(value).split(",")
    out = [s.strip() for s in items if str(s).strip()]
    if not out:
        raise SettingError("'symbols' is empty: give at least one symbol, e.g. [\"BTCUSD\"].")
    for s in out:
        if not SYMBOL.fullmatch(s):
            raise SettingError(f"Symbol {s!r} is not valid: upper-case letters, digits, '.', '_' or '-', up to 32 "
                               "characters, starting with a letter or digit.")
    return out


def run_key(data_interval_end: datetime | None, run_after: datetime, dag_run_id: str) -> str:
    """What a DAG run's massbt run ids are made of: the last day of its data interval (2026-11-20),
    or for a run without one (a manual run with no logical date) its run id."""
    return last_day(data_interval_end, run_after).isoformat() if data_interval_end is not None else dag_run_id


def run_id(key: str, *parts: str) -> str:
    """``<parts>.<key>`` as a valid massbt run id, the same for the same key.

    Characters massbt does not allow become '-'; an id longer than 64 characters keeps its start
    and ends with 10 hex digits of the SHA-256 of the whole, so distinct keys stay distinct.
    """
    raw = ".".join(parts) + "." + key
    clean = _NOT_RUN_ID.sub("-", raw)
    if len(clean) > 64:
        digest = hashlib.sha256(raw.encode("utf-8")).hexdigest()[:10]
        clean = clean[:53] + "." + digest
    if not RUN_ID.fullmatch(clean):
        clean = "r" + clean[1:]
    return clean


def last_day(data_interval_end: datetime | None, run_after: datetime) -> date:
    """The last full UTC day a run covers: the day before its data interval's end (a scheduled run at
    midnight covers the day that just ended); for a manual run without a logical date, the day before
    it was triggered."""
    end = data_interval_end or run_after
    return (end.astimezone(timezone.utc) - timedelta(microseconds=1)).date()


def spark_jar(conn_id: str = CONN_ID) -> str:
    """The uber jar named by the Spark connection's extra ``massbt-jar``."""
    from airflow.sdk import Connection

    conn = Connection.get(conn_id)
    jar = (conn.extra_dejson or {}).get("massbt-jar")
    if not jar:
        raise SettingError(f"Connection {conn_id} has no 'massbt-jar' in its extra: set it to the path or URI of "
                           "massbt-jobs-<version>-all.jar.")
    return str(jar)


def massbt_args(command: str, warehouse: str, run: str | None, *options: str) -> list[str]:
    """The arguments after the jar: ``<command> --warehouse W [--run-id R] options``."""
    args = [command, "--warehouse", warehouse]
    if run is not None:
        args += ["--run-id", run]
    return args + [str(o) for o in options]


def local_path(location_value: str, what: str) -> Path:
    """A local directory from a plain path or a file: URI; other schemes are refused with the reason."""
    if location_value.startswith("file:"):
        location_value = re.sub(r"^file:(//)?", "", location_value)
    elif re.match(r"^[A-Za-z][A-Za-z0-9+.-]*://", location_value):
        raise SettingError(f"{what} {location_value!r} is not a local path: publishing copies files on the "
                           "Airflow worker, so the warehouse and the publish path must be local or mounted there.")
    return Path(location_value)


def publish(warehouse: str, publish_dir: str, leaderboard_run: str, label: str, manifest: dict) -> dict:
    """Copies ``<warehouse>/exports/<leaderboard_run>/`` to ``<publish_dir>/<label>/`` and points
    ``<publish_dir>/latest.json`` at it; both replaced atomically (rename), so a reader never sees a
    half-published leaderboard and a re-run replaces its own copy."""
    source = local_path(warehouse, "warehouse") / "exports" / leaderboard_run
    if not source.is_dir():
        raise FileNotFoundError(f"No exported leaderboard at {source}: did the rank step of run "
                                f"{leaderboard_run} succeed?")
    files = sorted(p.name for p in source.iterdir() if p.is_file() and p.suffix == ".json")
    root = local_path(publish_dir, "publish")
    root.mkdir(parents=True, exist_ok=True)
    target = root / label
    staging = Path(tempfile.mkdtemp(prefix=f".{label}.", dir=root))
    for name in files:
        shutil.copy2(source / name, staging / name)
    record = dict(manifest, leaderboard_run=leaderboard_run, strategies=files, path=str(target),
                  published_at=datetime.now(timezone.utc).isoformat())
    (staging / "manifest.json").write_text(json.dumps(record, indent=2, sort_keys=True) + "\n")
    if target.exists():
        old = Path(tempfile.mkdtemp(prefix=f".{label}.old.", dir=root))
        os.replace(target, old / "x")
        os.replace(staging, target)
        shutil.rmtree(old, ignore_errors=True)
    else:
        os.replace(staging, target)
    latest = root / ".latest.json.tmp"
    latest.write_text(json.dumps(record, indent=2, sort_keys=True) + "\n")
    os.replace(latest, root / "latest.json")
    return record


def publish_leaderboard(warehouse: str, leaderboard_run: str, label: str, day: str) -> dict:
    """:func:`publish` from inside a task: the publish path from the run's params or Variable, the DAG
    run recorded in the manifest."""
    from airflow.sdk import get_current_context

    ctx = get_current_context()
    return publish(warehouse, location(ctx["params"], "publish"), leaderboard_run, label,
                   {"dag_id": ctx["dag"].dag_id, "dag_run_id": ctx["dag_run"].run_id, "day": day})
