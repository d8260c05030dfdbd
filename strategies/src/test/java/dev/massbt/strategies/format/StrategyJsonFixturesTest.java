package dev.massbt.strategies.format;

import static org.assertj.core.api.Assertions.assertThat;

import dev.massbt.strategies.indicator.IndicatorType;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Committed strategies of format version 1 with their canonical JSON and ids (see the
 * README.md beside them): what a released version means must never change.
 */
class StrategyJsonFixturesTest {

    private static final Path DIR = resource("/format/v1");

    record Fixture(String file, String strategyId, String canonicalFile) {
        @Override
        public String toString() {
            return file;
        }
    }

    static Stream<Fixture> fixtures() throws IOException {
        List<String> lines = Files.readAllLines(DIR.resolve("manifest.csv"), StandardCharsets.UTF_8);
        assertThat(lines.get(0)).isEqualTo("file,strategy_id,canonical_file");
        return lines.stream().skip(1).filter(l -> !l.isBlank()).map(l -> {
            String[] cells = l.split(",", -1);
            assertThat(cells).hasSize(3);
            return new Fixture(cells[0], cells[1], cells[2]);
        });
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtures")
    void parsesToTheCommittedCanonicalJsonAndId(Fixture f) throws IOException {
        String canonical = withoutFinalNewline(Files.readString(DIR.resolve(f.canonicalFile()), StandardCharsets.UTF_8));

        Strategy strategy = StrategyJson.parse(DIR.resolve(f.file()));

        assertThat(StrategyJson.toCanonicalJson(strategy)).isEqualTo(canonical);
        assertThat(StrategyId.of(strategy).hex()).isEqualTo(f.strategyId());
        assertThat(StrategyJson.toCanonicalJson(StrategyJson.parse(canonical))).isEqualTo(canonical);
        assertThat(StrategyJson.toCanonicalJson(StrategyJson.parse(StrategyJson.toPrettyJson(strategy))))
                .isEqualTo(canonical);
    }

    @Test
    void theSpecificationExampleIsCommittedVerbatim() throws IOException {
        assertThat(Files.readString(DIR.resolve("spec-example.json"), StandardCharsets.UTF_8))
                .isEqualTo(StrategyJsonTest.SPEC_EXAMPLE);
    }

    @Test
    void everyIndicatorTypeAppearsInSomeFixture() throws IOException {
        Set<IndicatorType> used = new HashSet<>();
        for (Fixture f : fixtures().toList()) {
            StrategyJson.parse(DIR.resolve(f.file())).forEachCondition((path, c) -> {
                for (Operand o : List.of(c.left(), c.right())) {
                    if (o instanceof IndicatorRef r) {
                        used.add(r.type());
                    }
                }
            });
        }

        assertThat(used).containsExactlyInAnyOrder(IndicatorType.values());
    }

    @Test
    void everyStrategyFileIsInTheManifest() throws IOException {
        Set<String> listed = new HashSet<>();
        fixtures().forEach(f -> {
            listed.add(f.file());
            listed.add(f.canonicalFile());
        });
        try (Stream<Path> files = Files.list(DIR)) {
            assertThat(files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".json")))
                    .allSatisfy(n -> assertThat(listed).contains(n));
        }
    }

    private static String withoutFinalNewline(String s) {
        return s.endsWith("\n") ? s.substring(0, s.length() - 1) : s;
    }

    private static Path resource(String name) {
        try {
            return Path.of(StrategyJsonFixturesTest.class.getResource(name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
