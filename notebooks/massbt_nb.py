"""What the massbt notebooks share: the Spark session, reading a run's rows from the result
tables with clear errors, and saving figures that must show data.

The tables are Delta path tables at <warehouse>/<table> (no metastore). A run's rows are read
as massbt's own jobs read them: only once `runs` says the run SUCCEEDED, and at the table
version the run recorded there (a later failed re-run of the same id cannot leak half-written
rows into a notebook). User input (warehouse, run ids) is validated here and only ever used in
DataFrame filters, never in SQL text.
"""

import math
import os
import re
from pathlib import Path

import numpy as np
from matplotlib.collections import Collection, QuadMesh
from matplotlib.image import AxesImage
from matplotlib.lines import Line2D
from matplotlib.patches import Rectangle

# massbt's own definitions, held equal to Java's by a massbt test (dev.massbt.jobs.cli.GrammarsTest): the run id
# grammar (dev.massbt.datasets.run.RunId.PATTERN) and what makes a location a URI, and which URIs massbt reads
# (dev.massbt.datasets.table.Locations.SCHEME_PATTERN and SCHEMES).
RUN_ID = re.compile(r"[A-Za-z0-9][A-Za-z0-9._:+-]{0,63}")
SCHEME = re.compile(r"([A-Za-z][A-Za-z0-9+.-]+):.*")
SCHEMES = ("file", "hdfs", "s3a")
HERE = Path(__file__).resolve().parent


class NotebookInputError(ValueError):
    """A bad parameter or a run the warehouse does not hold: the message says which and what to do."""


def run_id(value, name="run_id"):
    """Returns `value` if it is a valid massbt run id, else raises naming the parameter."""
    if not isinstance(value, str) or not RUN_ID.fullmatch(value):
        raise NotebookInputError(
            f"{name} {value!r} is not a run id: 1-64 characters, letters, digits and ._:+- , "
            "starting with a letter or digit (see `./massbt runs`).")
    return value


def warehouse(value):
    """The warehouse as Spark reads it: an absolute local path (which must exist) or a URI."""
    if not isinstance(value, str) or not value.strip() or any(c in value for c in "\r\n\0"):
        raise NotebookInputError(f"warehouse {value!r} is not a path or URI: give the directory `./massbt` "
                                 "wrote (its --warehouse, default ./warehouse) or set MASSBT_WAREHOUSE.")
    uri = SCHEME.fullmatch(value)
    if uri:
        if uri.group(1).lower() not in SCHEMES:
            raise NotebookInputError(f"warehouse {value!r} has scheme '{uri.group(1)}:', which massbt does not read: "
                                     "use a local path or a file:, hdfs: or s3a: URI (for Amazon S3 the Hadoop "
                                     "scheme is s3a:).")
        return value.rstrip("/")
    path = Path(value).expanduser().resolve()
    if not path.is_dir():
        raise NotebookInputError(f"warehouse {str(path)!r} does not exist: run `./massbt demo` first, or pass the "
                                 "--warehouse your runs used (papermill -p warehouse DIR, or MASSBT_WAREHOUSE).")
    return str(path)


def default_warehouse():
    """$MASSBT_WAREHOUSE (set by jupyter.sh), else the repository's ./warehouse that `./massbt demo` writes."""
    return os.environ.get("MASSBT_WAREHOUSE") or str(HERE.parent / "warehouse")


# Dependencies of Delta's jars that the Spark distribution (pyspark/jars) already has, at the
# versions the Java build runs with: Ivy must not put older copies beside them.
SPARK_SHIPS = ["org.scala-lang:*", "com.fasterxml.jackson.core:*", "com.fasterxml.jackson.datatype:*",
               "org.apache.hadoop:*", "org.apache.parquet:*", "org.slf4j:*", "org.apache.logging.log4j:*",
               "org.roaringbitmap:*", "org.xerial.snappy:*", "io.airlift:*", "com.github.luben:*",
               "org.locationtech.jts:*", "commons-logging:*", "com.google.code.findbugs:*"]


def spark_session(app="massbt-notebooks"):
    """A local Spark with Delta on loopback.

    The Delta jars are the Java build's own artifact, io.delta:delta-spark_2.13 at the installed
    delta-spark's version (= the parent pom's delta.version, which install.sh checks), resolved by
    Spark's Ivy from the local Maven repository or Maven Central and cached under notebooks/.ivy2
    (MASSBT_IVY_DIR). Not delta's configure_spark_with_delta_pip: for 4.4 it asks for
    delta-spark_4.2_2.13, whose dependencies put Hadoop 3.4, Parquet 1.16 and Jackson 2.13 beside
    Spark's own jars. What Spark already ships is excluded (SPARK_SHIPS)."""
    from importlib.metadata import version

    from pyspark.sql import SparkSession

    os.environ.setdefault("SPARK_LOCAL_IP", "127.0.0.1")
    builder = (SparkSession.builder.appName(app)
               .master(os.environ.get("MASSBT_NB_MASTER", "local[2]"))
               .config("spark.driver.memory", os.environ.get("MASSBT_NB_DRIVER_MEMORY", "2g"))
               .config("spark.driver.host", "127.0.0.1")
               .config("spark.driver.bindAddress", "127.0.0.1")
               .config("spark.ui.enabled", os.environ.get("MASSBT_NB_SPARK_UI", "false"))
               .config("spark.ui.showConsoleProgress", "false")
               .config("spark.sql.session.timeZone", "UTC")
               .config("spark.sql.shuffle.partitions", "2")
               .config("spark.databricks.delta.snapshotPartitions", "1")
               .config("spark.jars.packages", f"io.delta:delta-spark_2.13:{version('delta-spark')}")
               .config("spark.jars.excludes", ",".join(SPARK_SHIPS))
               .config("spark.jars.ivy", os.environ.get("MASSBT_IVY_DIR", str(HERE / ".ivy2")))
               .config("spark.sql.extensions", "io.delta.sql.DeltaSparkSessionExtension")
               .config("spark.sql.catalog.spark_catalog", "org.apache.spark.sql.delta.catalog.DeltaCatalog"))
    spark = builder.getOrCreate()
    spark.sparkContext.setLogLevel("ERROR")
    return spark


class Warehouse:
    """The result tables of one warehouse, read run by run."""

    def __init__(self, spark, root):
        self.spark = spark
        self.root = warehouse(root)
        self._runs = None  # the small `runs` table, read once

    def path(self, table):
        return f"{self.root}/{table}"

    def exists(self, table):
        from delta.tables import DeltaTable
        return DeltaTable.isDeltaTable(self.spark, self.path(table))

    def table(self, table, version=None):
        if not self.exists(table):
            raise NotebookInputError(f"warehouse {self.root} has no table '{table}' (no Delta table at "
                                     f"{self.path(table)}): {_WHO_WRITES.get(table, 'run massbt first')}.")
        reader = self.spark.read.format("delta")
        if version is not None:
            reader = reader.option("versionAsOf", int(version))
        return reader.load(self.path(table))

    def run(self, run):
        """The `runs` row of a run as a dict, or None when the run was not recorded there."""
        if self._runs is None:
            self._runs = {r.run_id: r.asDict() for r in self.table("runs").collect()} if self.exists("runs") else {}
        return self._runs.get(run_id(run))

    def rows(self, table, run, label="run_id"):
        """A run's rows of a per-run table, read at the version the run recorded in `runs`.

        Raises NotebookInputError, naming the run and the table, when the run failed or is still
        running, or has no rows in the table (listing some runs that do)."""
        from pyspark.sql import functions as F
        run_id(run, label)
        record = self.run(run)
        version = None
        if record is not None:
            if record["status"] != "SUCCEEDED":
                raise NotebookInputError(
                    f"run '{run}' has status {record['status']} in {self.path('runs')}"
                    + (f" ({record['error']})" if record.get("error") else "")
                    + f": its rows in '{table}' do not count. Re-run it or pick another run (`./massbt runs`).")
            version = (record.get("output_versions") or {}).get(table)
        df = self.table(table, version).where(F.col("run_id") == run)
        if df.limit(1).count() == 0:
            others = [r.run_id for r in self.table(table).select("run_id").distinct().orderBy("run_id").limit(20).collect()]
            hint = (f"runs with rows there: {', '.join(others)}" if others else "the table holds no run yet")
            raise NotebookInputError(f"run '{run}' has no rows in table '{table}' of {self.root}; {hint}. "
                                     f"{_WHO_WRITES.get(table, '')}")
        return df


_WHO_WRITES = {
    "leaderboard": "`./massbt rank --run <backtest run>` writes it (`./massbt demo` ranks demo.backtest)",
    "results": "`./massbt backtest`, `optimize` and `evolve` write it",
    "returns": "`./massbt backtest`, `optimize` and `evolve` write it",
    "equity": "backtest keeps the daily equity of its --top strategies only",
    "trades": "backtest keeps the trades of its --top strategies only",
    "grid": "`./massbt optimize --template FILE --symbols S --run-id ID` writes it",
    "evolution": "`./massbt evolve --symbols S --run-id ID` writes it",
    "strategies": "every massbt job that makes strategies writes it",
    "runs": "every massbt job records itself there",
}


def daily_returns(returns_pdf):
    """Explodes `returns` rows (first_day, day_offsets[], returns[]) to one row per
    (strategy_id, symbol, segment, date, ret), dates as numpy datetime64[D]."""
    import pandas as pd
    frames = []
    for r in returns_pdf.itertuples(index=False):
        days = np.datetime64(r.first_day, "D") + np.asarray(r.day_offsets, dtype="timedelta64[D]")
        frames.append(pd.DataFrame({"strategy_id": r.strategy_id, "symbol": r.symbol, "segment": r.segment,
                                    "date": days, "ret": np.asarray(r.returns, dtype=float)}))
    if not frames:
        return pd.DataFrame(columns=["strategy_id", "symbol", "segment", "date", "ret"])
    return pd.concat(frames, ignore_index=True)


def equity_and_drawdown(ret):
    """Equity compounded from 1.0 and drawdown from its running peak (massbt's EquityCurve)."""
    equity = np.cumprod(1.0 + np.asarray(ret, dtype=float))
    peak = np.maximum.accumulate(np.maximum(equity, 1.0))
    return equity, equity / peak - 1.0


def _finite(values):
    a = np.asarray(values, dtype=float).ravel()
    return a[np.isfinite(a)]


def _has_data(artist):
    if isinstance(artist, Line2D):
        return len(_finite(artist.get_xdata())) > 0 and len(_finite(artist.get_ydata())) > 0
    if isinstance(artist, (AxesImage, QuadMesh)):
        a = np.ma.masked_invalid(np.ma.asarray(artist.get_array(), dtype=float))
        return a.count() > 0
    if isinstance(artist, Collection):
        return len(artist.get_offsets()) > 0 or len(artist.get_paths()) > 0
    if isinstance(artist, Rectangle):
        return artist.get_height() != 0 and math.isfinite(artist.get_height())
    return False


def assert_has_data(fig):
    """Every plotting axes of `fig` draws at least one artist with finite, non-empty data
    (a line with points, a bar of non-zero height, a scatter point, an image cell)."""
    axes = [ax for ax in fig.get_axes() if ax.get_label() != "<colorbar>"]
    if not axes:
        raise AssertionError(f"figure {fig.get_label() or fig.number} has no axes")
    for ax in axes:
        artists = list(ax.lines) + list(ax.patches) + list(ax.collections) + list(ax.images)
        if not any(_has_data(a) for a in artists):
            raise AssertionError(f"figure {fig.get_label()!r}: axes {ax.get_title()!r} shows no data")


def save(fig, name, figures_dir):
    """Checks `fig` shows data, then saves it as <figures_dir>/<name>.png (when figures_dir is set)."""
    assert_has_data(fig)
    if figures_dir:
        out = Path(figures_dir)
        out.mkdir(parents=True, exist_ok=True)
        fig.savefig(out / f"{name}.png", dpi=100, bbox_inches="tight")
    return fig
