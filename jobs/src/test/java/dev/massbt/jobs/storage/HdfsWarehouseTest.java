package dev.massbt.jobs.storage;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.massbt.datasets.SharedSpark;
import dev.massbt.datasets.table.BarsLoader;
import dev.massbt.datasets.table.BarsQuery;
import dev.massbt.datasets.table.TableVersion;
import dev.massbt.jobs.Main;
import dev.massbt.strategies.bars.BarSeries;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.hdfs.MiniDFSCluster;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.api.java.function.Function;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The warehouse on real HDFS: a NameNode and a DataNode (Hadoop's MiniDFSCluster, in this JVM,
 * listening on 127.0.0.1 only) hold the Delta tables while the command line runs synth, generate,
 * backtest, rank, runs and an ingest of a CSV placed on HDFS, exactly as a user would with
 * {@code --warehouse hdfs://namenode:8020/massbt}. The same commands on a local warehouse give the
 * reference: every metric must be equal. The backtest's bars are read inside Spark tasks by Delta
 * Kernel with the executor's Hadoop configuration, so that path is covered too (and checked on its
 * own in {@link #executorSideKernelReadsBarsFromHdfs()}).
 */
class HdfsWarehouseTest {

    private static final String SYMBOL = "SYN7_001";
    private static final List<String> METRICS = List.of("total_return", "sharpe", "sortino", "max_drawdown",
            "win_rate", "trades", "bars");

    private static MiniDFSCluster dfs;
    private static SparkSession spark;
    private static String hdfsRoot;
    private static String localRoot;
    private static String hdfsInput;

    record Outcome(int code, String out, String err) {
    }

    @BeforeAll
    static void startHdfsAndRunThePipelineOnBoth() throws IOException {
        spark = SharedSpark.session();
        Configuration conf = new Configuration();
        Path base = Path.of("target", "minidfs", "hdfs-" + System.nanoTime()).toAbsolutePath();
        conf.set(MiniDFSCluster.HDFS_MINIDFS_BASEDIR, base.toString());
        conf.set("hadoop.security.authentication", "simple");
        conf.set("dfs.namenode.rpc-address", "127.0.0.1:0");
        conf.set("dfs.namenode.http-address", "127.0.0.1:0");
        conf.set("dfs.namenode.https-address", "127.0.0.1:0");
        conf.set("dfs.datanode.address", "127.0.0.1:0");
        conf.set("dfs.datanode.http.address", "127.0.0.1:0");
        conf.set("dfs.datanode.https.address", "127.0.0.1:0");
        conf.set("dfs.datanode.ipc.address", "127.0.0.1:0");
        conf.set("dfs.datanode.hostname", "127.0.0.1");
        conf.setInt("dfs.replication", 1);
        dfs = new MiniDFSCluster.Builder(conf).numDataNodes(1).checkDataNodeAddrConfig(true).build();
        dfs.waitActive();
        String namenode = "hdfs://127.0.0.1:" + dfs.getNameNodePort();
        hdfsRoot = namenode + "/massbt";
        localRoot = SharedSpark.freshWarehouse("hdfs-reference").root();

        // A small trades CSV on HDFS, as a user would put it there (hdfs dfs -put).
        hdfsInput = namenode + "/incoming/hdfs-trades.csv";
        FileSystem fs = dfs.getFileSystem();
        try (OutputStream out = fs.create(new org.apache.hadoop.fs.Path(hdfsInput))) {
            out.write("""
                    timestamp,price,size
                    1700000000,100.5,2
                    1700000001,100.7,1
                    1700000030,100.6,1
                    1700000090,101.0,3
                    1700000150,bad,1
                    1700000200,100.9,2
                    """.getBytes(StandardCharsets.UTF_8));
        }

        pipeline(hdfsRoot);
        rank(hdfsRoot);
        pipeline(localRoot);
    }

    @AfterAll
    static void stopHdfs() {
        if (dfs != null) {
            dfs.shutdown(true);
        }
    }

    /** What a user types, one command after the other, against {@code warehouse} (rank: below). */
    private static void pipeline(String warehouse) {
        ok("synth", "--symbols", "1", "--days", "5", "--seed", "7", "--run-id", "st-synth", "--warehouse", warehouse);
        ok("generate", "-n", "30", "--seed", "3", "--run-id", "st-gen", "--warehouse", warehouse);
        ok("backtest", "--strategies-run", "st-gen", "--symbols", SYMBOL, "--split", "0.7", "--top", "3",
                "--run-id", "st-bt", "--warehouse", warehouse);
    }

    private static void rank(String warehouse) {
        ok("rank", "--run", "st-bt", "--min-trades", "0", "--show", "3", "--run-id", "st-rank",
                "--warehouse", warehouse);
    }

    private static Outcome run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.execute(new PrintWriter(out, true), new PrintWriter(err, true), args);
        return new Outcome(code, out.toString(), err.toString());
    }

    private static Outcome ok(String... args) {
        Outcome o = run(args);
        assertThat(o.code()).as(String.join(" ", args) + "\n" + o.err()).isZero();
        return o;
    }

    private static Dataset<Row> table(String root, String name) {
        return spark.read().format("delta").load(root + "/" + name);
    }

    @Test
    void deltaTablesLiveOnHdfsAndReadBack() throws IOException {
        FileSystem fs = dfs.getFileSystem();
        for (String t : List.of("bars", "strategies", "strategy_sets", "results", "returns", "trades", "equity",
                "leaderboard", "runs")) {
            assertThat(fs.exists(new org.apache.hadoop.fs.Path("/massbt/" + t + "/_delta_log/00000000000000000000.json")))
                    .as(t).isTrue();
        }
        // 5 days of one-minute bars, one symbol
        assertThat(table(hdfsRoot, "bars").where(col("symbol").equalTo(lit(SYMBOL))).count()).isEqualTo(5 * 1440L);
        assertThat(table(hdfsRoot, "strategies").count()).isEqualTo(30);
        // every strategy x one symbol x {in_sample, out_of_sample}
        assertThat(table(hdfsRoot, "results").where(col("run_id").equalTo(lit("st-bt"))).count()).isEqualTo(60);
        assertThat(table(hdfsRoot, "returns").where(col("run_id").equalTo(lit("st-bt"))).count()).isEqualTo(60);
        assertThat(table(hdfsRoot, "leaderboard").where(col("run_id").equalTo(lit("st-bt"))).count()).isEqualTo(30);
        // the same rows as on the local warehouse, table by table
        for (String t : List.of("strategies", "strategy_sets", "trades", "equity")) {
            assertThat(table(hdfsRoot, t).count()).as(t).isEqualTo(table(localRoot, t).count());
        }
        assertThat(table(hdfsRoot, "bars").where(col("symbol").equalTo(lit(SYMBOL))).exceptAll(
                table(localRoot, "bars")).isEmpty()).isTrue();
    }

    @Test
    void metricsOnHdfsEqualTheSameRunOnALocalWarehouse() {
        List<Row> onHdfs = metrics(hdfsRoot);
        List<Row> local = metrics(localRoot);
        assertThat(onHdfs).hasSize(60);
        assertThat(onHdfs).isEqualTo(local);
        // not all zero: the strategies traded on bars read from HDFS
        assertThat(onHdfs.stream().mapToLong(r -> ((Number) r.getAs("trades")).longValue()).sum()).isPositive();
        assertThat(onHdfs.stream().mapToLong(r -> r.<Long>getAs("bars")).min().orElseThrow()).isPositive();

        // rank on HDFS: one symbol, min 0 trades -> the score is each strategy's in-sample Sharpe of the
        // local reference run, best first
        List<Row> board = table(hdfsRoot, "leaderboard").where(col("run_id").equalTo(lit("st-bt")))
                .orderBy("rank").select("strategy_id", "score").collectAsList();
        java.util.Map<String, Double> localSharpe = new java.util.HashMap<>();
        for (Row r : local) {
            if (r.<String>getAs("segment").equals("in_sample")) {
                localSharpe.put(r.getAs("strategy_id"), r.getAs("sharpe"));
            }
        }
        assertThat(board).hasSize(30);
        for (int i = 0; i < board.size(); i++) {
            double expected = localSharpe.get(board.get(i).getString(0));
            // the score is a bar-weighted mean over symbols (sum w*x / sum w): equal up to rounding
            assertThat(board.get(i).getDouble(1)).as("rank " + (i + 1))
                    .isCloseTo(expected, within(1e-12 * Math.max(1, Math.abs(expected))));
            if (i > 0) {
                assertThat(board.get(i).getDouble(1)).isLessThanOrEqualTo(board.get(i - 1).getDouble(1));
            }
        }
    }

    private static List<Row> metrics(String root) {
        List<String> cols = new ArrayList<>(List.of("strategy_id", "symbol", "segment"));
        cols.addAll(METRICS);
        return table(root, "results").where(col("run_id").equalTo(lit("st-bt")))
                .selectExpr(cols.toArray(String[]::new))
                .orderBy("strategy_id", "symbol", "segment").collectAsList();
    }

    @Test
    void leaderboardJsonIsExportedToHdfs() throws IOException {
        List<Row> exported = table(hdfsRoot, "leaderboard").where(col("run_id").equalTo(lit("st-bt"))
                .and(col("json_path").isNotNull())).orderBy("rank").select("rank", "strategy_id", "json_path")
                .collectAsList();
        assertThat(exported).hasSize(3);
        FileSystem fs = dfs.getFileSystem();
        for (Row r : exported) {
            String path = r.getString(2);
            assertThat(path).startsWith(hdfsRoot + "/exports/st-bt/").endsWith(".json");
            FileStatus status = fs.getFileStatus(new org.apache.hadoop.fs.Path(path));
            assertThat(status.getLen()).isPositive();
            String json;
            try (var in = fs.open(status.getPath())) {
                json = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            assertThat(json).contains("\"entry_rules\"");
        }
    }

    @Test
    void runsListsTheRunsRecordedOnHdfs() {
        Outcome runs = ok("runs", "--warehouse", hdfsRoot);
        assertThat(runs.out()).contains("st-synth").contains("st-gen").contains("st-bt").contains("st-rank")
                .containsPattern("backtest +SUCCEEDED");
        assertThat(table(hdfsRoot, "runs").where(col("status").equalTo(lit("SUCCEEDED"))).count()).isGreaterThanOrEqualTo(4);
    }

    @Test
    void ingestReadsAnInputGivenAsAnHdfsUri() {
        Outcome in = ok("ingest", hdfsInput, "--format", "trades-csv", "--symbol", "HDFSTEST", "--run-id", "st-ingest",
                "--warehouse", hdfsRoot);
        assertThat(in.out()).contains("6 rows read, 5 accepted, 1 rejected");
        assertThat(table(hdfsRoot, "ticks").where(col("symbol").equalTo(lit("HDFSTEST"))).count()).isEqualTo(5);
        assertThat(table(hdfsRoot, "quarantine").count()).isEqualTo(1);
        // 22:13:20, :13:21, :13:50, :14:50, :16:40 UTC (the bad row at :15:50 is quarantined) -> 3 bars
        assertThat(table(hdfsRoot, "bars").where(col("symbol").equalTo(lit("HDFSTEST"))).count()).isEqualTo(3);
    }

    @Test
    void executorSideKernelReadsBarsFromHdfs() {
        BarsLoader.clearCache();
        TableVersion bars = TableVersion.latest(spark, hdfsRoot + "/bars");
        long day = 86_400_000L;
        long from = java.time.Instant.parse("2024-01-01T00:00:00Z").toEpochMilli();
        BarsQuery query = BarsQuery.minutes(SYMBOL, from, from + 2 * day);
        List<Long> counts = JavaSparkContext.fromSparkContext(spark.sparkContext())
                .parallelize(List.of(1, 2), 2).map(new CountBars(bars, query)).collect();
        // two tasks, each on an executor thread with no SparkSession, read 2 days = 2,880 bars
        assertThat(counts).containsExactly(2880L, 2880L);
    }

    /** Runs in a Spark task: Delta Kernel with the executor's Hadoop configuration. */
    static final class CountBars implements Function<Integer, Long> {
        private final TableVersion bars;
        private final BarsQuery query;

        CountBars(TableVersion bars, BarsQuery query) {
            this.bars = bars;
            this.query = query;
        }

        @Override
        public Long call(Integer ignored) {
            BarSeries series = BarsLoader.load(bars, query);
            return (long) series.size();
        }
    }
}
