package dev.massbt.jobs.evolve;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;

import dev.massbt.datasets.table.Table;
import dev.massbt.datasets.table.TableVersion;
import dev.massbt.jobs.backtest.BacktestAction;
import dev.massbt.jobs.backtest.BacktestPlan;
import dev.massbt.jobs.backtest.BacktestTask;
import dev.massbt.jobs.backtest.Split;
import dev.massbt.jobs.backtest.StrategySet;
import dev.massbt.jobs.backtest.SymbolRange;
import dev.massbt.jobs.generate.StoredStrategy;
import dev.massbt.jobs.generate.StrategyStore;
import dev.massbt.jobs.progress.Progress;
import dev.massbt.jobs.rank.Leaderboard;
import dev.massbt.jobs.rank.RankAction;
import dev.massbt.jobs.tables.RunId;
import dev.massbt.jobs.tables.RunTable;
import dev.massbt.jobs.tables.RunWrites;
import dev.massbt.strategies.format.Strategy;
import dev.massbt.strategies.format.StrategyId;
import dev.massbt.strategies.format.StrategyJson;
import dev.massbt.strategies.generate.GeneDecoder;
import dev.massbt.strategies.generate.SearchSpace;
import dev.massbt.strategies.genetic.StrategyCodec;
import dev.massbt.strategies.kernel.CostModel;
import dev.massbt.strategies.metrics.MetricsConfig;
import dev.massbt.strategies.timeframe.Timeframe;
import io.jenetics.DoubleChromosome;
import io.jenetics.DoubleGene;
import io.jenetics.EliteSelector;
import io.jenetics.Genotype;
import io.jenetics.Phenotype;
import io.jenetics.Selector;
import io.jenetics.TournamentSelector;
import io.jenetics.engine.Engine;
import io.jenetics.engine.EvolutionResult;
import io.jenetics.engine.EvolutionStart;
import io.jenetics.engine.Evaluator;
import io.jenetics.util.ISeq;
import io.jenetics.util.RandomRegistry;
import io.jenetics.util.Seq;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SplittableRandom;
import org.apache.spark.SparkContext;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import scala.jdk.javaapi.CollectionConverters;

/**
 * Evolves strategies with Jenetics on the driver; each generation's new strategies are
 * evaluated as ONE Spark job over the in-sample segment of every symbol (the bars stay cached
 * in the executors across generations: {@code BarsLoader}).
 *
 * <p><b>Deterministic and resumable.</b> Generation g runs with a random generator seeded from
 * (seed, g) alone, the engine alters on the calling thread, and fitness is a pure function of
 * the strategy and the bars version. Each generation's population (genes, fitness, birth
 * generation, parents) is appended to {@code evolution} in one commit; {@link #resume()}
 * restores the last complete generation exactly and continues, which ends with the same final
 * population as an uninterrupted run. (Evaluation has no randomness, so executor tasks need no
 * seeds; any future random step in a task must take its seed from the plan.)
 *
 * <p>At the end every distinct strategy evaluated goes to {@code strategies} and its in-sample
 * results and daily returns to {@code results} / {@code returns} (they are all trials for the
 * overfitting statistics); the best {@code config.best()} of the final population are
 * backtested out of sample and ranked into {@code leaderboard}, in- and out-of-sample side by
 * side.
 */
public final class EvolveAction {

    private static final Logger LOG = LoggerFactory.getLogger(EvolveAction.class);

    private final SparkSession spark;
    private final RunWrites writes;
    private final RunId run;
    private EvolveConfig config = EvolveConfig.defaults(1);
    private SearchSpace space = SearchSpace.DEFAULT;
    private List<String> symbols = List.of();
    private Instant from;
    private Instant to;
    private Split split = new Split.Fraction(0.7);
    private Timeframe timeframe = Timeframe.M1;
    private CostModel costs = CostModel.ZERO;
    private MetricsConfig metrics = MetricsConfig.crypto();
    private int chunkSize;
    private boolean resume;
    private int stopAfter = Integer.MAX_VALUE;

    private EvolveAction(SparkSession spark, RunWrites writes, RunId run) {
        this.spark = Objects.requireNonNull(spark, "spark");
        this.writes = Objects.requireNonNull(writes, "writes");
        this.run = Objects.requireNonNull(run, "run");
    }

    public static EvolveAction on(SparkSession spark, RunWrites writes, RunId run) {
        return new EvolveAction(spark, writes, run);
    }

    public EvolveAction config(EvolveConfig c) {
        this.config = Objects.requireNonNull(c, "config");
        return this;
    }

    public EvolveAction space(SearchSpace s) {
        this.space = Objects.requireNonNull(s, "space");
        return this;
    }

    public EvolveAction symbols(List<String> s) {
        this.symbols = List.copyOf(s);
        return this;
    }

    public EvolveAction range(Instant fromInclusive, Instant toExclusive) {
        this.from = fromInclusive;
        this.to = toExclusive;
        return this;
    }

    /** The in-sample / out-of-sample split; it must have an out-of-sample segment. */
    public EvolveAction split(Split s) {
        if (s instanceof Split.None) {
            throw new IllegalArgumentException("Evolution needs an out-of-sample segment to check its best strategies "
                    + "on: give a split fraction (e.g. 0.7) or date, not none.");
        }
        this.split = Objects.requireNonNull(s, "split");
        return this;
    }

    public EvolveAction costs(CostModel c) {
        this.costs = Objects.requireNonNull(c, "costs");
        return this;
    }

    public EvolveAction metrics(MetricsConfig m) {
        this.metrics = Objects.requireNonNull(m, "metrics");
        return this;
    }

    public EvolveAction chunkSize(int n) {
        this.chunkSize = n;
        return this;
    }

    /** Continue run {@code run} from its last complete generation instead of starting afresh. */
    public EvolveAction resume() {
        this.resume = true;
        return this;
    }

    /** Stop after generation {@code g} without finishing (to test resuming); the run is left unfinished. */
    public EvolveAction stopAfter(int g) {
        this.stopAfter = g;
        return this;
    }

    public EvolveResult execute() {
        if (symbols.isEmpty()) {
            throw new IllegalArgumentException("Cannot evolve: no symbols given.");
        }
        long start = System.nanoTime();
        SparkContext sc = spark.sparkContext();
        TableVersion bars = BacktestAction.barsVersion(spark, writes);
        List<SymbolRange> ranges = BacktestAction.ranges(spark, bars, symbols, timeframe, from, to);
        int cores = Math.max(1, sc.defaultParallelism());
        Search search = new Search(bars, ranges, cores);
        int generation = 0;
        EvolutionStart<DoubleGene, Double> next = EvolutionStart.empty();
        if (resume) {
            generation = search.restore();
            if (generation > 0) {
                next = EvolutionStart.of(search.restoredPopulation, generation + 1);
                LOG.info("evolve {}: resuming after generation {} of {}", run, generation, config.generations());
            }
        } else {
            writes.deleteRun(RunTable.EVOLUTION, run);
        }
        int resumedFrom = generation;
        Engine<DoubleGene, Double> engine = search.engine();
        List<EvolveResult.GenerationStats> history = new ArrayList<>();
        long loopStart = System.nanoTime();
        for (int g = generation + 1; g <= config.generations() && g <= stopAfter; g++) {
            long t0 = System.nanoTime();
            int evaluatedBefore = search.evaluatedHere;
            search.lineage.begin(next.population());
            EvolutionStart<DoubleGene, Double> current = next;
            EvolutionResult<DoubleGene, Double> r = RandomRegistry.with(random(config.seed(), g),
                    rnd -> engine.evolve(current));
            search.writeGeneration(g, r.population());
            next = EvolutionStart.of(r.population(), g + 1L);
            double best = r.population().stream().mapToDouble(Phenotype::fitness).max().orElse(Double.NaN);
            double mean = r.population().stream().mapToDouble(Phenotype::fitness).filter(f -> f > FitnessSpec.UNFIT)
                    .average().orElse(FitnessSpec.UNFIT);
            long millis = (System.nanoTime() - t0) / 1_000_000L;
            int evaluated = search.evaluatedHere - evaluatedBefore;
            history.add(new EvolveResult.GenerationStats(g, best, mean, evaluated, millis));
            double elapsed = (System.nanoTime() - loopStart) / 1e9;
            int done = g - resumedFrom;
            LOG.info("evolve {}: generation {}/{}: best {} mean {}, {} new strategies ({}/s), ETA {} s", run, g,
                    config.generations(), String.format("%.4f", best), String.format("%.4f", mean), evaluated,
                    Math.round(evaluated * 1000.0 / Math.max(1, millis)),
                    Math.round(elapsed / done * (config.generations() - g)));
            generation = g;
        }
        ISeq<Phenotype<DoubleGene, Double>> population = next.population();
        if (generation < config.generations()) {
            search.release();
            LOG.info("evolve {}: stopped after generation {} as asked; resume with --resume {}", run, generation, run);
            return search.result(generation, resumedFrom, history, population, Map.of(), start);
        }
        Map<String, Long> outputs = search.finish(population);
        return search.result(generation, resumedFrom, history, population, outputs, start);
    }

    static SplittableRandom random(long seed, int generation) {
        return new SplittableRandom(seed * 0x9E3779B97F4A7C15L + generation * 0xBF58476D1CE4E5B9L);
    }

    /** The state of one run's search on the driver. */
    private final class Search {
        final TableVersion bars;
        final List<SymbolRange> ranges;
        final int cores;
        final GeneDecoder decoder = new GeneDecoder(space);
        final StrategyCodec codec = new StrategyCodec(space);
        final Lineage lineage = new Lineage(this::idOf);
        /** Fitness of every strategy evaluated in the run so far (restored on resume). */
        final Map<String, Double> fitness = new HashMap<>();
        /** Every strategy evaluated in the run, in first-seen order, with its birth generation and parents. */
        final Map<String, StoredStrategy> evaluated = new LinkedHashMap<>();
        /** In-sample rows of the strategies evaluated in this JVM, cached until the end. */
        final List<Dataset<Row>> rows = new ArrayList<>();
        final List<Broadcast<StrategySet>> broadcasts = new ArrayList<>();
        final java.util.Set<String> hereIds = new java.util.HashSet<>();
        /** Genes of the strategies first evaluated in the current generation, by id. */
        final Map<String, double[]> generationTrials = new LinkedHashMap<>();
        int evaluatedHere;
        ISeq<Phenotype<DoubleGene, Double>> restoredPopulation;
        /** The final leaderboard, once {@link #finish} has ranked the best. */
        Leaderboard leaderboard;

        Search(TableVersion bars, List<SymbolRange> ranges, int cores) {
            this.bars = bars;
            this.ranges = ranges;
            this.cores = cores;
        }

        String idOf(double[] genes) {
            return StrategyId.of(decoder.decode(genes)).hex();
        }

        Engine<DoubleGene, Double> engine() {
            Selector<DoubleGene, Double> tournament = new TournamentSelector<>(config.tournament());
            Evaluator<DoubleGene, Double> evaluator = this::evaluate;
            return new Engine.Builder<>(evaluator, codec.encoding())
                    .populationSize(config.population())
                    .offspringSelector(tournament)
                    .survivorsSelector(config.elitism() > 0 ? new EliteSelector<>(config.elitism(), tournament)
                            : tournament)
                    .alterers(lineage.new Crossover(config.crossover()), lineage.new Mutation(config.mutation()))
                    .offspringFraction(config.offspringFraction())
                    .executor(Runnable::run)
                    .maximizing()
                    .build();
        }

        /** Jenetics' evaluator: the population's new strategies as one Spark job, in-sample. */
        ISeq<Phenotype<DoubleGene, Double>> evaluate(Seq<Phenotype<DoubleGene, Double>> population) {
            Map<String, Strategy> fresh = new LinkedHashMap<>();
            List<String> ids = new ArrayList<>(population.size());
            for (Phenotype<DoubleGene, Double> p : population) {
                if (p.isEvaluated()) {
                    ids.add(null);
                    continue;
                }
                Strategy s = codec.decoder().apply(p.genotype());
                String id = StrategyId.of(s).hex();
                ids.add(id);
                if (!fitness.containsKey(id)) {
                    fresh.putIfAbsent(id, s);
                    generationTrials.putIfAbsent(id, Lineage.genes(p));
                    evaluated.putIfAbsent(id, new StoredStrategy(id, s.name(), StrategyJson.toCanonicalJson(s),
                            "genetic", "seed=" + config.seed(), (int) p.generation(),
                            lineage.parentsOf(Lineage.genes(p)), s.complexity()));
                }
            }
            if (!fresh.isEmpty()) {
                evaluateInSample(fresh);
            }
            List<Phenotype<DoubleGene, Double>> out = new ArrayList<>(population.size());
            for (int i = 0; i < population.size(); i++) {
                Phenotype<DoubleGene, Double> p = population.get(i);
                out.add(p.isEvaluated() ? p : p.withFitness(fitness.get(ids.get(i))));
            }
            return ISeq.of(out);
        }

        private void evaluateInSample(Map<String, Strategy> fresh) {
            StrategySet set = new StrategySet(new ArrayList<>(fresh.keySet()),
                    fresh.values().stream().map(StrategyJson::toCanonicalJson).toList());
            BacktestPlan plan = BacktestPlan.of(ranges, split, set.size(), cores, chunkSize)
                    .onlySegment(Split.IN_SAMPLE);
            BacktestTask.Context ctx = new BacktestTask.Context(run.value(), bars, timeframe, plan, costs, metrics);
            Broadcast<StrategySet> b = JavaSparkContext.fromSparkContext(spark.sparkContext()).broadcast(set);
            broadcasts.add(b);
            Dataset<Row> r;
            try (Progress p = Progress.start(spark.sparkContext(), run + "-evaluate", "massbt evolve " + run
                    + ": evaluate " + set.size() + " strategies in-sample", Duration.ofSeconds(10))) {
                r = BacktestAction.evaluate(spark, ctx, b);
                rows.add(r);
                String m = config.fitness().metric();
                for (Row f : r.groupBy("strategy_id").agg(sum(col(m).multiply(col("bars"))).divide(sum("bars")),
                        sum("trades")).collectAsList()) {
                    String id = f.getString(0);
                    fitness.put(id, config.fitness().fitness(f.getDouble(1), f.getLong(2), fresh.get(id).complexity()));
                }
            }
            hereIds.addAll(fresh.keySet());
            evaluatedHere += set.size();
        }

        void writeGeneration(int g, ISeq<Phenotype<DoubleGene, Double>> population) {
            List<Row> out = new ArrayList<>(population.size());
            java.util.Set<String> members = new java.util.HashSet<>();
            for (int i = 0; i < population.size(); i++) {
                Phenotype<DoubleGene, Double> p = population.get(i);
                double[] genes = Lineage.genes(p);
                String id = idOf(genes);
                members.add(id);
                out.add(RowFactory.create(run.value(), g, i, id, p.fitness(), (int) p.generation(),
                        CollectionConverters.asScala(lineage.parentsOf(genes)).toSeq(), genes, true));
            }
            int idx = population.size();
            for (Map.Entry<String, double[]> t : generationTrials.entrySet()) {
                if (!members.contains(t.getKey())) {
                    StoredStrategy s = evaluated.get(t.getKey());
                    out.add(RowFactory.create(run.value(), g, idx++, t.getKey(), fitness.get(t.getKey()), s.generation(),
                            CollectionConverters.asScala(s.parents()).toSeq(), t.getValue(), false));
                }
            }
            generationTrials.clear();
            writes.append(RunTable.EVOLUTION, spark.createDataFrame(out, RunTable.EVOLUTION.schema()).coalesce(1));
        }

        /** Reloads a run's evolution rows: returns its last complete generation (0 if none). */
        int restore() {
            if (!writes.exists(RunTable.EVOLUTION)) {
                return 0;
            }
            List<Row> all = spark.read().format("delta").load(writes.path(RunTable.EVOLUTION))
                    .where(col("run_id").equalTo(lit(run.value()))).orderBy("generation", "idx").collectAsList();
            if (all.isEmpty()) {
                return 0;
            }
            int last = all.get(all.size() - 1).getInt(1);
            List<Phenotype<DoubleGene, Double>> population = new ArrayList<>();
            for (Row r : all) {
                double[] genes = r.getList(7).stream().mapToDouble(o -> (Double) o).toArray();
                String id = r.getString(3);
                fitness.put(id, r.getDouble(4));
                Strategy s = decoder.decode(genes);
                evaluated.putIfAbsent(id, new StoredStrategy(id, s.name(), StrategyJson.toCanonicalJson(s), "genetic",
                        "seed=" + config.seed(), r.getInt(5), r.getList(6), s.complexity()));
                if (r.getInt(1) == last && r.getBoolean(8)) {
                    DoubleGene[] gs = new DoubleGene[genes.length];
                    for (int i = 0; i < genes.length; i++) {
                        gs[i] = DoubleGene.of(genes[i], 0, 1);
                    }
                    population.add(Phenotype.of(Genotype.of(DoubleChromosome.of(gs)), r.getInt(5), r.getDouble(4)));
                }
            }
            if (population.size() != config.population()) {
                throw new IllegalArgumentException("Cannot resume evolve run " + run + ": its generation " + last
                        + " has " + population.size() + " individuals, but the population is " + config.population()
                        + ". Resume with the same options as the run.");
            }
            restoredPopulation = ISeq.of(population);
            return last;
        }

        /** Strategies, in-sample rows of all, out-of-sample rows of the best, leaderboard. */
        Map<String, Long> finish(ISeq<Phenotype<DoubleGene, Double>> population) {
            Map<RunTable, Long> versions = new EnumMap<>(RunTable.class);
            try {
                // in-sample rows of strategies evaluated before a resume
                Map<String, Strategy> missing = new LinkedHashMap<>();
                evaluated.forEach((id, s) -> {
                    if (!hereIds.contains(id)) {
                        missing.put(id, StrategyJson.parse(s.json()));
                    }
                });
                if (!missing.isEmpty()) {
                    Map<String, Double> kept = new HashMap<>(fitness);
                    evaluateInSample(missing);
                    fitness.putAll(kept);
                }
                List<String> best = population.stream()
                        .sorted(Comparator.comparing((Phenotype<DoubleGene, Double> p) -> p.fitness()).reversed())
                        .map(p -> idOf(Lineage.genes(p))).distinct().limit(config.best()).toList();
                StrategySet bestSet = new StrategySet(best, best.stream().map(id -> evaluated.get(id).json()).toList());
                BacktestPlan oosPlan = BacktestPlan.of(ranges, split, bestSet.size(), cores, chunkSize)
                        .onlySegment(Split.OUT_OF_SAMPLE);
                Broadcast<StrategySet> b = JavaSparkContext.fromSparkContext(spark.sparkContext()).broadcast(bestSet);
                broadcasts.add(b);
                Dataset<Row> all = BacktestAction.evaluate(spark, new BacktestTask.Context(run.value(), bars, timeframe,
                        oosPlan, costs, metrics), b);
                rows.add(all);
                for (int i = 0; i < rows.size() - 1; i++) {
                    all = all.unionAll(rows.get(i));
                }
                versions.put(RunTable.RESULTS, writes.replaceRun(RunTable.RESULTS, run,
                        all.select(RunTable.RESULTS.columns()).coalesce(cores), false));
                versions.put(RunTable.RETURNS, writes.replaceRun(RunTable.RETURNS, run,
                        all.select(RunTable.RETURNS.columns()).coalesce(cores), false));
                StrategyStore.Stored stored = new StrategyStore(spark, writes).store(run,
                        new ArrayList<>(evaluated.values()));
                versions.put(RunTable.STRATEGIES, stored.strategiesVersion());
                versions.put(RunTable.STRATEGY_SETS, stored.setsVersion());
                Leaderboard lb = RankAction.on(spark, writes, run).metric(rankMetric()).resultsAt(
                        versions.get(RunTable.RESULTS)).outOfSampleOnly().minTrades(0).export(config.best()).execute();
                versions.put(RunTable.LEADERBOARD, lb.leaderboardVersion());
                versions.put(RunTable.EVOLUTION, RunWrites.version(writes.create(RunTable.EVOLUTION)));
                LOG.info("evolve {}: best {} of the final population, in- and out-of-sample:\n{}", run, best.size(),
                        lb.table(Math.min(10, best.size())));
                leaderboard = lb;
            } finally {
                release();
            }
            Map<String, Long> out = new LinkedHashMap<>();
            versions.forEach((t, v) -> out.put(t.tableName(), v));
            return out;
        }

        private String rankMetric() {
            String m = config.fitness().metric();
            return RankAction.METRICS.contains(m) ? m : "sharpe";
        }

        void release() {
            rows.forEach(r -> r.unpersist(true));
            rows.clear();
            broadcasts.forEach(b -> b.destroy());
            broadcasts.clear();
        }

        EvolveResult result(int generation, int resumedFrom, List<EvolveResult.GenerationStats> history,
                            ISeq<Phenotype<DoubleGene, Double>> population, Map<String, Long> outputs, long start) {
            List<String> ids = population.stream().map(p -> idOf(Lineage.genes(p))).toList();
            List<Double> fit = population.stream().map(Phenotype::fitness).toList();
            return new EvolveResult(run.value(), generation, resumedFrom, history, ids, fit, evaluated.size(),
                    Map.of(Table.BARS.tableName(), bars.version()), outputs, leaderboard,
                    (System.nanoTime() - start) / 1_000_000L);
        }
    }

}
