package dev.massbt.datasets.table;

import dev.massbt.strategies.bars.BarSeries;
import io.delta.kernel.Scan;
import io.delta.kernel.Snapshot;
import io.delta.kernel.Table;
import io.delta.kernel.data.ColumnVector;
import io.delta.kernel.data.ColumnarBatch;
import io.delta.kernel.data.FilteredColumnarBatch;
import io.delta.kernel.data.Row;
import io.delta.kernel.defaults.engine.DefaultEngine;
import io.delta.kernel.engine.Engine;
import io.delta.kernel.engine.FileReadResult;
import io.delta.kernel.expressions.And;
import io.delta.kernel.expressions.Column;
import io.delta.kernel.expressions.Literal;
import io.delta.kernel.expressions.Or;
import io.delta.kernel.expressions.Predicate;
import io.delta.kernel.internal.InternalScanFileUtils;
import io.delta.kernel.internal.data.ScanStateRow;
import io.delta.kernel.types.StructType;
import io.delta.kernel.utils.CloseableIterator;
import io.delta.kernel.utils.FileStatus;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.SparkEnv;
import org.apache.spark.deploy.SparkHadoopUtil;

/**
 * Loads one symbol's bars from the {@code bars} table as a {@link BarSeries} (primitive columns,
 * ordered by ts), reading only the partitions of that symbol and the months of the range.
 *
 * {@link #load(TableVersion, BarsQuery)} runs inside executor tasks, where there is no
 * SparkSession: Delta Kernel reads the table at the given version directly (partition pruning on
 * symbol and month from the Delta log), and the result is cached in the executor JVM, so each
 * symbol is read once per executor however many tasks need it.
 */
public final class BarsLoader {

    /** Entries kept in the executor cache; the least recently used is dropped beyond. */
    static final int CACHE_ENTRIES = Integer.getInteger("massbt.bars.cacheEntries", 32);

    private static final String[] COLUMNS = {"ts", "open", "high", "low", "close", "volume"};

    /**
     * The executor-side cache, keyed by (table path, version, query): the only static mutable
     * state in massbt, on purpose: it must outlive tasks, which share nothing else in an executor
     * JVM. A version is immutable, so an entry never goes stale. Concurrent tasks asking for the
     * same key wait for one read (the future); a failed read is removed so a retry reads again.
     * Least-recently-used entries beyond {@link #CACHE_ENTRIES} are dropped.
     */
    private static final Map<Key, CompletableFuture<BarSeries>> CACHE = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Key, CompletableFuture<BarSeries>> eldest) {
            return size() > CACHE_ENTRIES;
        }
    };

    private record Key(TableVersion table, BarsQuery query) {
    }

    private BarsLoader() {
    }

    /**
     * Executor side: the bars of {@code query} from {@code bars} at its version, read once per
     * JVM and then served from the cache (the arrays are shared: treat them as read-only).
     */
    public static BarSeries load(TableVersion bars, BarsQuery query) {
        Key key = new Key(bars, query);
        CompletableFuture<BarSeries> future;
        boolean reader = false;
        synchronized (CACHE) {
            future = CACHE.get(key);
            if (future == null) {
                future = new CompletableFuture<>();
                CACHE.put(key, future);
                reader = true;
            }
        }
        if (reader) {
            try {
                future.complete(read(bars, query));
            } catch (RuntimeException | Error e) {
                synchronized (CACHE) {
                    CACHE.remove(key, future);
                }
                future.completeExceptionally(e);
            }
        }
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while loading bars of " + query.symbol(), e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException re ? re : new IllegalStateException(e.getCause());
        }
    }

    /** Empties the executor cache (tests; or to free memory between jobs). */
    public static void clearCache() {
        synchronized (CACHE) {
            CACHE.clear();
        }
    }

    /** Reads with Delta Kernel: no SparkSession needed. */
    static BarSeries read(TableVersion bars, BarsQuery query) {
        Engine engine = DefaultEngine.create(hadoopConfiguration());
        Snapshot snapshot = Table.forPath(engine, bars.path()).getSnapshotAsOfVersion(engine, bars.version());
        StructType schema = snapshot.getSchema();
        StructType readSchema = new StructType();
        for (String c : COLUMNS) {
            readSchema = readSchema.add(schema.get(c));
        }
        Scan scan = snapshot.getScanBuilder().withFilter(filter(query)).withReadSchema(readSchema).build();
        Row scanState = scan.getScanState(engine);
        StructType physical = ScanStateRow.getPhysicalDataReadSchema(scanState);
        Columns out = new Columns();
        try (CloseableIterator<FilteredColumnarBatch> files = scan.getScanFiles(engine)) {
            while (files.hasNext()) {
                try (CloseableIterator<Row> fileRows = files.next().getRows()) {
                    while (fileRows.hasNext()) {
                        Row scanFile = fileRows.next();
                        FileStatus status = InternalScanFileUtils.getAddFileStatus(scanFile);
                        CloseableIterator<ColumnarBatch> data = engine.getParquetHandler()
                                .readParquetFiles(io.delta.kernel.internal.util.Utils.singletonCloseableIterator(status),
                                        physical, Optional.empty())
                                .map(FileReadResult::getData);
                        try (CloseableIterator<FilteredColumnarBatch> batches =
                                     Scan.transformPhysicalData(engine, scanState, scanFile, data)) {
                            while (batches.hasNext()) {
                                out.add(batches.next(), query);
                            }
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read bars of " + query.symbol() + " from " + bars.path()
                    + " at version " + bars.version() + ": " + e.getMessage(), e);
        }
        return out.build(query);
    }

    /**
     * Inside Spark (driver or executor): Hadoop settings as Spark gives them to its own readers,
     * {@code spark.hadoop.*} included (file system settings for hdfs: and s3a: roots); elsewhere
     * Hadoop's defaults from the classpath.
     */
    private static Configuration hadoopConfiguration() {
        SparkEnv env = SparkEnv.get();
        return env != null ? SparkHadoopUtil.get().newConfiguration(env.conf()) : new Configuration();
    }

    /** symbol = x AND timeframe = y AND month IN (...): partition columns prune files from the log. */
    private static Predicate filter(BarsQuery query) {
        Predicate months = null;
        for (String m : query.months()) {
            Predicate eq = new Predicate("=", new Column("month"), Literal.ofString(m));
            months = months == null ? eq : new Or(months, eq);
        }
        Predicate p = new And(new Predicate("=", new Column("symbol"), Literal.ofString(query.symbol())),
                new Predicate("=", new Column("timeframe"), Literal.ofString(query.timeframe().label())));
        return months == null ? p : new And(p, months);
    }

    /** Growing primitive columns; sorted by ts at the end (files come in no particular order). */
    private static final class Columns {
        private long[] ts = new long[1024];
        private double[][] v = new double[5][1024];
        private int n;

        void add(FilteredColumnarBatch batch, BarsQuery q) {
            ColumnarBatch data = batch.getData();
            Optional<ColumnVector> selection = batch.getSelectionVector();
            ColumnVector tsv = data.getColumnVector(0);
            ColumnVector[] vs = new ColumnVector[5];
            for (int c = 0; c < 5; c++) {
                vs[c] = data.getColumnVector(c + 1);
            }
            for (int i = 0; i < data.getSize(); i++) {
                if (selection.isPresent() && (selection.get().isNullAt(i) || !selection.get().getBoolean(i))) {
                    continue;
                }
                long millis = Math.floorDiv(tsv.getLong(i), 1000L); // timestamps are microseconds
                if (millis < q.fromMillis() || millis >= q.toMillis()) {
                    continue;
                }
                if (n == ts.length) {
                    ts = Arrays.copyOf(ts, n * 2);
                    for (int c = 0; c < 5; c++) {
                        v[c] = Arrays.copyOf(v[c], n * 2);
                    }
                }
                ts[n] = millis;
                for (int c = 0; c < 5; c++) {
                    v[c][n] = vs[c].getDouble(i);
                }
                n++;
            }
        }

        /** Sorts by ts without boxing: ts are unique (the table's key), so each finds its slot by binary search. */
        BarSeries build(BarsQuery q) {
            long[] sorted = Arrays.copyOf(ts, n);
            Arrays.sort(sorted);
            for (int i = 1; i < n; i++) {
                if (sorted[i] == sorted[i - 1]) {
                    throw new IllegalStateException("The bars table holds two " + q.timeframe() + " bars of "
                            + q.symbol() + " at " + Instant.ofEpochMilli(sorted[i]) + "; its key is (symbol, timeframe, "
                            + "ts). Remove one of them.");
                }
            }
            double[][] out = new double[5][n];
            for (int i = 0; i < n; i++) {
                int at = Arrays.binarySearch(sorted, ts[i]);
                for (int c = 0; c < 5; c++) {
                    out[c][at] = v[c][i];
                }
            }
            return new BarSeries(q.timeframe(), sorted, out[0], out[1], out[2], out[3], out[4]);
        }
    }
}
