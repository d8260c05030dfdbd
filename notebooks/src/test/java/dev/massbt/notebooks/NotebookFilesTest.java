package dev.massbt.notebooks;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The committed notebooks are sources, not results: no outputs and no execution counts (nbstripout
 * removes them; a notebook saved from Jupyter with its outputs fails here), and each has the cell
 * tagged {@code parameters} that papermill replaces. Needs no Python.
 */
class NotebookFilesTest {

    static final Path DIR = Path.of(System.getProperty("massbt.repo", "..")).resolve("notebooks")
            .toAbsolutePath().normalize();

    @Test
    void theFiveNotebooksAreCommittedWithoutOutputsAndWithAParametersCell() throws IOException {
        assertThat(notebooks()).extracting(p -> p.getFileName().toString()).containsExactly(
                "01_leaderboard.ipynb", "02_strategy_drilldown.ipynb", "03_parameter_heatmap.ipynb",
                "04_evolution.ipynb", "05_overfitting.ipynb");
        ObjectMapper json = new ObjectMapper();
        for (Path nb : notebooks()) {
            JsonNode cells = json.readTree(nb.toFile()).path("cells");
            assertThat(cells.size()).as("%s has cells", nb).isGreaterThan(2);
            int parameters = 0;
            for (JsonNode cell : cells) {
                if (!cell.path("cell_type").asText().equals("code")) {
                    continue;
                }
                assertThat(cell.path("outputs")).as("outputs of a cell of %s: strip them (nbstripout %s)", nb, nb)
                        .isEmpty();
                assertThat(cell.path("execution_count").isNull())
                        .as("execution_count of a cell of %s: strip it (nbstripout)", nb).isTrue();
                for (JsonNode tag : cell.path("metadata").path("tags")) {
                    if (tag.asText().equals("parameters")) {
                        parameters++;
                    }
                }
            }
            assertThat(parameters).as("cells tagged 'parameters' in %s", nb).isEqualTo(1);
        }
    }

    static List<Path> notebooks() throws IOException {
        try (Stream<Path> files = Files.list(DIR)) {
            return files.filter(p -> p.toString().endsWith(".ipynb")).sorted().toList();
        }
    }
}
