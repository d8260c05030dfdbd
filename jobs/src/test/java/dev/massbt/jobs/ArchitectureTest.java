package dev.massbt.jobs;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The structure the code keeps: packages without cycles in every module, and one definition of
 * each metric name. (File and method sizes of datasets/ and jobs/ are Checkstyle's, in verify.)
 */
class ArchitectureTest {

    /** The main classes of strategies, datasets and jobs: directories or jars, never test classes or test jars. */
    private static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .withImportOption(location -> !location.contains("-tests.jar") && !location.contains("/test-classes/"))
            .importPackages("dev.massbt");

    @Test
    void noPackageDependsOnItselfThroughAnother() {
        assertThat(MAIN.contain(Main.class)).isTrue();
        assertThat(MAIN.containPackage("dev.massbt.strategies.kernel")).isTrue();
        assertThat(MAIN.containPackage("dev.massbt.datasets.ingest")).isTrue();
        assertThat(MAIN.stream().filter(c -> c.getSimpleName().endsWith("Test"))).isEmpty();
        slices().matching("dev.massbt.(*).(*)..").should().beFreeOfCycles().check(MAIN);
        slices().matching("dev.massbt.(*)..").should().beFreeOfCycles().check(MAIN);
    }

    @Test
    void aMetricNameIsWrittenInOneMainFileOnly() {
        assertThat(mainFilesContaining("\"profit_factor\"")).containsExactly(
                Path.of("..", "strategies", "src", "main", "java", "dev", "massbt", "strategies", "metrics",
                        "Metric.java"));
    }

    /** The files of every module's {@code src/main/java} that contain {@code text}. */
    private static List<Path> mainFilesContaining(String text) {
        try (Stream<Path> modules = Files.list(Path.of(".."))) {
            return modules.map(m -> m.resolve(Path.of("src", "main", "java"))).filter(Files::isDirectory)
                    .flatMap(ArchitectureTest::walk).filter(p -> p.toString().endsWith(".java"))
                    .filter(p -> read(p).contains(text)).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Stream<Path> walk(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.toList().stream();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(Path p) {
        try {
            return Files.readString(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
