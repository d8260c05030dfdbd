package dev.massbt.jobs.evolve;

import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;

import dev.massbt.datasets.run.RunId;
import dev.massbt.datasets.table.Table;
import dev.massbt.datasets.table.TableVersion;
import dev.massbt.jobs.action.JobAction;
import dev.massbt.jobs.backtest.BarRanges;
import dev.massbt.jobs.backtest.Calendar;
import dev.massbt.jobs.backtest.Passes;
import dev.massbt.jobs.backtest.Split;
import dev.massbt.jobs.backtest.SymbolRange;
import dev.massbt.jobs.error.JobErrors;
import dev.massbt.jobs.rank.Leaderboard;
import dev.massbt.jobs.tables.RunWrites;
import dev.massbt.strategies.format.StrategyId;
import dev.massbt.strategies.generate.GeneDecoder;
import dev.massbt.strategies.generate.SearchSpace;
import dev.massbt.strategies.genetic.StrategyCodec;
import dev.massbt.strategies.kernel.CostModel;
import dev.massbt.strategies.metrics.MetricsConfig;
import dev.massbt.strategies.timeframe.Timeframe;
import io.jenetics.DoubleGene;
import io.jenetics.EliteSelector;
import io.jenetics.Phenotype;
import io.jenetics.Selector;
import io.jenetics.TournamentSelector;
import io.jenetics.engine.Engine;
import io.jenetics.engine.EvolutionResult;
import io.jenetics.engine.EvolutionStart;
import io.jenetics.util.ISeq;
import io.jenetics.util.RandomRegistry;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SplittableRandom;
import org.apache.spark.sql.SparkSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

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
public final class EvolveAction extends JobAction {

    private static final Logger LOG = LoggerFactory.getLogger(EvolveAction.class);

    private EvolveConfig config = EvolveConfig.defaults(1);
    private SearchSpace space = SearchSpace.DEFAULT;
    private List<String> symbols = List.of();
    private Instant from;
    private Instant to;
    private Split split = new Split.Fraction(0.7);
    private CostModel costs = CostModel.ZERO;
    private MetricsConfig metrics = MetricsConfig.crypto();
    private Calendar calendar;
    private int chunkSize;
    private boolean resume;
    private int stopAfter = Integer.MAX_VALUE;

    private EvolveAction(SparkSession spark, RunWrites writes, RunId run) {
        super("evolve", spark, writes, run);
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
            throw JobErrors.splitNeeded();
        }
        this.split = Objects.requireNonNull(s, "split");
        return this;
    }

    public EvolveAction costs(CostModel c) {
        this.costs = Objects.requireNonNull(c, "costs");
        return this;
    }

    /** How metrics are annualised (see {@link dev.massbt.jobs.backtest.BacktestAction#calendar}). */
    public EvolveAction calendar(Calendar c) {
        this.calendar = Objects.requireNonNull(c, "calendar");
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
            throw JobErrors.nothingTo("evolve", "no symbols given", "Name at least one symbol of the bars table");
        }
        long start = System.nanoTime();
        TableVersion bars = BarRanges.barsVersion(spark, writes.warehouse());
        Timeframe finest = space.primaries().stream().min(java.util.Comparator.comparingInt(Timeframe::minutes))
                .orElseThrow();
        BarRanges.Found found = step("ranges", "find the bars of " + symbols.size() + " symbol(s)",
                () -> BarRanges.base(spark, bars, symbols, finest, from, to));
        List<SymbolRange> ranges = found.ranges();
        MetricsConfig annualised = calendar == null ? metrics : calendar.apply(metrics, ranges);
        LOG.info("evolve {}: {} bars of {} symbol(s), {} periods per year", run, found.base(), ranges.size(),
                annualised.periodsPerYear());
        Search search = new Search(new Passes(run.value(), bars, found.base(), ranges, split, costs, annualised, cores(),
                chunkSize));
        EvolutionStart<DoubleGene, Double> next = EvolutionStart.empty();
        int resumedFrom = 0;
        if (resume) {
            EvolutionLog.Restored restored = search.log.restore(search.trials, search.decoder, source(),
                    config.population());
            resumedFrom = restored.generation();
            if (resumedFrom > 0) {
                next = EvolutionStart.of(restored.population(), resumedFrom + 1L);
                LOG.info("evolve {}: resuming after generation {} of {}", run, resumedFrom, config.generations());
            }
        } else {
            search.log.clear();
        }
        List<EvolveResult.GenerationStats> history = new ArrayList<>();
        int last = Math.min(config.generations(), stopAfter);
        for (int g = resumedFrom + 1; g <= last; g++) {
            next = search.generation(g, next, resumedFrom, history);
        }
        int generation = Math.max(resumedFrom, last);
        ISeq<Phenotype<DoubleGene, Double>> population = next.population();
        if (generation < config.generations()) {
            search.evaluator.release();
            LOG.info("evolve {}: stopped after generation {} as asked; resume with --resume {}", run, generation, run);
            return search.result(generation, resumedFrom, history, population, Map.of(), null, start);
        }
        FinalRanking.Outcome end = step("finish", "write " + search.trials.size() + " trials, rank the best " + config.best()
                + " out of sample", () -> new FinalRanking(spark, writes, run, search.passes, search.evaluator,
                search.trials, config.best()).write(population, search::idOf, config.fitness().scoreMetric(),
                search.log));
        return search.result(generation, resumedFrom, history, population, end.versions(), end.leaderboard(), start);
    }

    static SplittableRandom random(long seed, int generation) {
        return new SplittableRandom(seed * 0x9E3779B97F4A7C15L + generation * 0xBF58476D1CE4E5B9L);
    }

    /** What the run's strategies say they came from. */
    private String source() {
        return "seed=" + config.seed();
    }

    /** One run's search on the driver: the engine, its evaluator on Spark, the trials and the log. */
    private final class Search {
        final Passes passes;
        final GeneDecoder decoder = new GeneDecoder(space);
        final StrategyCodec codec = new StrategyCodec(space);
        final Lineage lineage = new Lineage(this::idOf);
        final Trials trials = new Trials();
        final EvolutionLog log = new EvolutionLog(spark, writes, run);
        final SparkEvaluator evaluator;
        final Engine<DoubleGene, Double> engine;
        private final long loopStart = System.nanoTime();

        Search(Passes passes) {
            this.passes = passes;
            this.evaluator = new SparkEvaluator(spark, steps(), passes, config.fitness(), codec, lineage, trials,
                    source());
            Selector<DoubleGene, Double> tournament = new TournamentSelector<>(config.tournament());
            this.engine = new Engine.Builder<>(evaluator, codec.encoding())
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

        String idOf(double[] genes) {
            return StrategyId.of(decoder.decode(genes)).hex();
        }

        /** Runs generation {@code g} from {@code current} with the random numbers of (seed, g) and logs it. */
        EvolutionStart<DoubleGene, Double> generation(int g, EvolutionStart<DoubleGene, Double> current,
                                                      int resumedFrom, List<EvolveResult.GenerationStats> history) {
            long t0 = System.nanoTime();
            int evaluatedBefore = evaluator.evaluatedHere();
            lineage.begin(current.population());
            EvolutionResult<DoubleGene, Double> r = RandomRegistry.with(random(config.seed(), g),
                    rnd -> engine.evolve(current));
            log.write(g, r.population(), trials, lineage, this::idOf);
            double best = r.population().stream().mapToDouble(Phenotype::fitness).max().orElse(Double.NaN);
            double mean = r.population().stream().mapToDouble(Phenotype::fitness).filter(f -> f > FitnessSpec.UNFIT)
                    .average().orElse(FitnessSpec.UNFIT);
            long millis = millisSince(t0);
            int evaluated = evaluator.evaluatedHere() - evaluatedBefore;
            history.add(new EvolveResult.GenerationStats(g, best, mean, evaluated, millis));
            double elapsed = (System.nanoTime() - loopStart) / 1e9;
            LOG.info("evolve {}: generation {}/{}: best {} mean {}, {} new strategies ({}/s), ETA {} s", run, g,
                    config.generations(), String.format("%.4f", best), String.format("%.4f", mean), evaluated,
                    Math.round(evaluated * 1000.0 / Math.max(1, millis)),
                    Math.round(elapsed / (g - resumedFrom) * (config.generations() - g)));
            return EvolutionStart.of(r.population(), g + 1L);
        }

        EvolveResult result(int generation, int resumedFrom, List<EvolveResult.GenerationStats> history,
                            ISeq<Phenotype<DoubleGene, Double>> population, Map<String, Long> outputs,
                            Leaderboard leaderboard, long start) {
            List<String> ids = population.stream().map(p -> idOf(Lineage.genes(p))).toList();
            List<Double> fit = population.stream().map(Phenotype::fitness).toList();
            return new EvolveResult(run.value(), generation, resumedFrom, history, ids, fit, trials.size(),
                    Map.of(Table.BARS.tableName(), passes.bars().version()), outputs, leaderboard, millisSince(start),
                    passes.metrics().periodsPerYear());
        }
    }
}
