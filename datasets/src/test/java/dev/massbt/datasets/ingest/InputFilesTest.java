package dev.massbt.datasets.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.massbt.datasets.TestFiles;
import dev.massbt.datasets.error.IngestException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Input locations, directory listings (local and through Hadoop) and local copies, without Spark. */
class InputFilesTest {

    @TempDir
    Path tmp;

    @Test
    void localPathsBecomeAbsolute_urisOfAcceptedSchemesAreKept() {
        assertThat(InputFiles.normalise("data/../trades.csv")).isEqualTo(Path.of("trades.csv").toAbsolutePath().toString());
        assertThat(InputFiles.normalise(" hdfs://nn:8020/landing/t.csv ")).isEqualTo("hdfs://nn:8020/landing/t.csv");
        assertThat(InputFiles.normalise("s3a://bucket/t.csv.gz")).isEqualTo("s3a://bucket/t.csv.gz");
        assertThat(InputFiles.normalise("file:/data/t.zip")).isEqualTo("file:/data/t.zip");
        assertThat(InputFiles.isUri("file:/data/t.zip")).isTrue();
        assertThat(InputFiles.isUri("/data/t.zip")).isFalse();
        assertThat(InputFiles.isUri("C:\\data\\t.zip")).as("a Windows drive").isFalse();
        assertThat(InputFiles.fileName("hdfs://nn:8020/landing/t.csv")).isEqualTo("t.csv");
        assertThat(InputFiles.fileName("/data/t.csv")).isEqualTo("t.csv");
    }

    @Test
    void otherSchemesAndUrisWithoutAFileAreRefusedWithTheFix() {
        assertThatThrownBy(() -> InputFiles.normalise("s3://bucket/t.csv")).isInstanceOf(IngestException.class)
                .hasMessageContaining("scheme 's3:' is not supported")
                .hasMessageContaining("for Amazon S3 the Hadoop scheme is s3a:");
        assertThatThrownBy(() -> InputFiles.normalise("hdfs://nn:8020/")).isInstanceOf(IngestException.class)
                .hasMessageContaining("the URI names no file");
        assertThatThrownBy(() -> InputFiles.normalise(" ")).hasMessageContaining("the input location is empty");
    }

    @Test
    void aDirectoryIsItsRegularVisibleFilesSorted_locallyAndThroughHadoop() throws IOException {
        Path dir = Files.createDirectories(tmp.resolve("landing"));
        TestFiles.write(dir, "b.csv", "x");
        TestFiles.write(dir, "a.csv.gz", "x");
        TestFiles.write(dir, ".~lock.b.csv#", "x");
        TestFiles.write(dir, "_SUCCESS", "");
        Files.createDirectories(dir.resolve("sub"));
        TestFiles.write(dir.resolve("sub"), "c.csv", "x");

        assertThat(InputFiles.list(dir.toString(), new Configuration()))
                .containsExactly(dir.resolve("a.csv.gz").toString(), dir.resolve("b.csv").toString());
        assertThat(InputFiles.list(dir.toUri().toString(), new Configuration()))
                .containsExactly("file:" + dir.resolve("a.csv.gz"), "file:" + dir.resolve("b.csv"));
        assertThat(InputFiles.list("file:" + dir.resolve("b.csv"), new Configuration()))
                .containsExactly("file:" + dir.resolve("b.csv"));
        assertThat(InputFiles.list(dir.resolve("b.csv").toString(), new Configuration()))
                .containsExactly(dir.resolve("b.csv").toString());
    }

    @Test
    void missingLocationsAndEmptyDirectoriesSaySo() throws IOException {
        Path empty = Files.createDirectories(tmp.resolve("empty"));
        TestFiles.write(empty, ".hidden", "x");
        assertThatThrownBy(() -> InputFiles.list(empty.toString(), new Configuration()))
                .hasMessageContaining("Cannot ingest directory " + empty + ": it holds no files")
                .hasMessageContaining("Put the data files in it");
        assertThatThrownBy(() -> InputFiles.list("file:" + tmp.resolve("none"), new Configuration()))
                .isInstanceOf(IngestException.class)
                .hasMessageContaining("Cannot ingest file:" + tmp.resolve("none") + ": no such file or directory");
        assertThatThrownBy(() -> InputFiles.list(tmp.resolve("none").toString(), new Configuration()))
                .hasMessageContaining("no such file or directory. Check the path");
    }

    @Test
    void aLocalCopyKeepsTheNameAndIsDeletedOnClose() throws IOException {
        Path file = TestFiles.write(tmp, "trades.csv.zip", "timestamp,price,amount\n1,2,3\n");
        Path copied;
        try (LocalCopy copy = LocalCopy.of("file:" + file, new Configuration())) {
            copied = copy.path();
            assertThat(copied.getFileName().toString()).isEqualTo("trades.csv.zip");
            assertThat(copied).isNotEqualTo(file).hasSameBinaryContentAs(file);
            assertThat(copy.reword("Cannot read " + copied + " at line 2: bad"))
                    .isEqualTo("Cannot read file:" + file + " at line 2: bad");
        }
        assertThat(copied).doesNotExist();
        assertThat(copied.getParent()).doesNotExist();
    }

    @Test
    void copyingAMissingFileOrADirectoryFailsNamingTheUri_andLeavesNothingBehind() throws IOException {
        long before = tempCopies();
        assertThatThrownBy(() -> LocalCopy.of("file:" + tmp.resolve("none.csv"), new Configuration()))
                .isInstanceOf(IngestException.class)
                .hasMessageContaining("Cannot read file:" + tmp.resolve("none.csv") + ": no such file");
        assertThatThrownBy(() -> LocalCopy.of("file:" + tmp, new Configuration()))
                .hasMessageContaining("it is a directory, not a file");
        assertThat(tempCopies()).isEqualTo(before);
    }

    static long tempCopies() throws IOException {
        try (Stream<Path> s = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
            return s.filter(p -> p.getFileName().toString().startsWith("massbt-ingest-")).count();
        }
    }
}
