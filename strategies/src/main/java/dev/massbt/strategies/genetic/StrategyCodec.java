package dev.massbt.strategies.genetic;

import dev.massbt.strategies.format.Strategy;
import dev.massbt.strategies.generate.GeneDecoder;
import dev.massbt.strategies.generate.SearchSpace;
import io.jenetics.DoubleChromosome;
import io.jenetics.DoubleGene;
import io.jenetics.Genotype;
import io.jenetics.engine.Codec;
import io.jenetics.util.Factory;
import java.util.Objects;
import java.util.function.Function;

/**
 * Jenetics encoding of strategies: one {@link DoubleChromosome} of
 * {@link GeneDecoder#LENGTH} genes in [0, 1), decoded by {@link GeneDecoder}. Every
 * genotype, whatever crossover and mutation did to it, decodes to a valid strategy.
 */
public final class StrategyCodec implements Codec<Strategy, DoubleGene> {

    private final GeneDecoder decoder;
    private final Factory<Genotype<DoubleGene>> encoding;

    public StrategyCodec(SearchSpace space) {
        this.decoder = new GeneDecoder(Objects.requireNonNull(space, "space"));
        this.encoding = Genotype.of(DoubleChromosome.of(0, 1, GeneDecoder.LENGTH));
    }

    @Override
    public Factory<Genotype<DoubleGene>> encoding() {
        return encoding;
    }

    @Override
    public Function<Genotype<DoubleGene>, Strategy> decoder() {
        return gt -> decoder.decode(genes(gt));
    }

    /** The raw genes of a genotype of this codec. */
    public static double[] genes(Genotype<DoubleGene> gt) {
        return gt.chromosome().as(DoubleChromosome.class).toArray();
    }
}
