package dev.massbt.datasets.read;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.massbt.datasets.TestFiles;
import dev.massbt.datasets.error.DataFileException;
import dev.massbt.datasets.validate.IngestReport;
import dev.massbt.datasets.validate.Quarantine;
import dev.massbt.datasets.validate.Reason;
import dev.massbt.datasets.validate.RejectedRow;
import dev.massbt.datasets.validate.ValidationRules;
import dev.massbt.strategies.timeframe.Timeframe;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BadInputTest {

    @TempDir
    Path dir;

    private List<TradeRow> readAll(Path file, Quarantine q, IngestReport[] report) {
        List<TradeRow> out = new ArrayList<>();
        try (TradeReader r = TradeReader.open(file, TradeFormat.BITSTAMP, ValidationRules.DEFAULT, q)) {
            r.forEachRemaining(out::add);
            report[0] = r.report();
        }
        return out;
    }

    private static void drain(TradeReader r) {
        try (r) {
            r.forEachRemaining(t -> { });
        }
    }

    @Test
    void missingFile_namesThePath() {
        Path missing = dir.resolve("nope.csv");
        assertThatThrownBy(() -> TradeReader.open(missing, TradeFormat.BITSTAMP, ValidationRules.DEFAULT,
                Quarantine.keepingFirst(0)))
                .isInstanceOf(DataFileException.class)
                .hasMessageContaining(missing.toAbsolutePath().toString())
                .hasMessageContaining("no such file");
    }

    @Test
    void directory_isNotAFile() {
        assertThatThrownBy(() -> TextSource.open(dir)).isInstanceOf(DataFileException.class)
                .hasMessageContaining("is a directory");
    }

    @Test
    void emptyFile_andBlankOnlyFile_areFileErrors() {
        for (String content : new String[] {"", "\n\n  \n"}) {
            Path f = TestFiles.write(dir, "empty.csv", content);
            assertThatThrownBy(() -> drain(TradeReader.open(f, TradeFormat.BITSTAMP, ValidationRules.DEFAULT,
                    Quarantine.keepingFirst(0))))
                    .isInstanceOf(DataFileException.class)
                    .hasMessageContaining("empty.csv")
                    .hasMessageContaining("the file is empty");
        }
    }

    @Test
    void headerOnly_isAFileError_namingTheHeaderLine() {
        Path f = TestFiles.write(dir, "header.csv.gz", "timestamp,price,amount\r\n");
        assertThatThrownBy(() -> drain(TradeReader.open(f, TradeFormat.BITSTAMP, ValidationRules.DEFAULT,
                Quarantine.keepingFirst(0))))
                .isInstanceOf(DataFileException.class)
                .hasMessageContaining("header.csv.gz at line 1")
                .hasMessageContaining("header but no data rows")
                .satisfies(e -> assertThat(((DataFileException) e).line()).isEqualTo(1));
    }

    @Test
    void truncatedGzip_isCorrupt_namingFileAndLine() throws IOException {
        StringBuilder sb = new StringBuilder("timestamp,price,amount\n");
        for (int i = 0; i < 20_000; i++) {
            sb.append(1385337600 + i).append(',').append(800 + (i % 97) * 0.01).append(",0.").append(i % 9 + 1)
                    .append('\n');
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(bytes)) {
            gz.write(sb.toString().getBytes());
        }
        byte[] all = bytes.toByteArray();
        Path f = dir.resolve("cut.csv.gz");
        Files.write(f, Arrays.copyOf(all, all.length / 2));
        assertThatThrownBy(() -> drain(TradeReader.open(f, TradeFormat.BITSTAMP, ValidationRules.DEFAULT,
                Quarantine.keepingFirst(0))))
                .isInstanceOf(DataFileException.class)
                .hasMessageContaining("cut.csv.gz at line ")
                .hasMessageContaining("gzip data is corrupt or truncated");
    }

    @Test
    void gzNameWithoutGzipContent_andGarbageGzipHeader_areErrors() throws IOException {
        Path plain = TestFiles.write(dir, "plain.csv.gz.tmp", "timestamp,price,amount\n1,2,3\n");
        Path renamed = Files.move(plain, dir.resolve("plain.csv.gz"));
        assertThatThrownBy(() -> TextSource.open(renamed)).isInstanceOf(DataFileException.class)
                .hasMessageContaining("plain.csv.gz").hasMessageContaining("not gz data");
        Path bad = dir.resolve("bad.gz");
        Files.write(bad, new byte[] {0x1f, (byte) 0x8b, 1, 2, 3});
        assertThatThrownBy(() -> drain(TradeReader.open(bad, TradeFormat.BITSTAMP, ValidationRules.DEFAULT,
                Quarantine.keepingFirst(0))))
                .isInstanceOf(DataFileException.class).hasMessageContaining("bad.gz").hasMessageContaining("corrupt");
    }

    @Test
    void zipWithTwoEntries_isRejected_listingThem() throws IOException {
        Path f = dir.resolve("two.zip");
        try (ZipOutputStream z = new ZipOutputStream(Files.newOutputStream(f))) {
            z.putNextEntry(new ZipEntry("a.csv"));
            z.write("1,2,3\n".getBytes());
            z.putNextEntry(new ZipEntry("b.txt"));
            z.write("x".getBytes());
        }
        assertThatThrownBy(() -> TextSource.open(f)).isInstanceOf(DataFileException.class)
                .hasMessageContaining("two.zip").hasMessageContaining("holds 2 [a.csv, b.txt]");
    }

    @Test
    void wrongDelimiter_onTheFirstDataLine_isAFileError() {
        Path f = TestFiles.write(dir, "semi.csv", "timestamp;price;amount\n1385337600;800.01;0.1\n");
        assertThatThrownBy(() -> drain(TradeReader.open(f, TradeFormat.BITSTAMP, ValidationRules.DEFAULT,
                Quarantine.keepingFirst(0))))
                .isInstanceOf(DataFileException.class)
                .hasMessageContaining("semi.csv at line 1")
                .hasMessageContaining("3 fields separated by ';' (semicolon) where 3 separated by ',' (comma)");
        Path h = TestFiles.write(dir, "comma.csv", "20180101 170000,1.2,1.3,1.1,1.2,0\n");
        assertThatThrownBy(() -> {
            try (BarReader r = BarReader.open(h, BarFormat.HISTDATA_M1, Timeframe.M1, Quarantine.keepingFirst(0))) {
                r.forEachRemaining(b -> { });
            }
        }).isInstanceOf(DataFileException.class).hasMessageContaining("comma.csv at line 1")
                .hasMessageContaining("HistData");
    }

    @Test
    void mixedGoodAndBadRows_reconcile_andEachRejectionNamesFileLineAndReason() {
        String content = String.join("\n",
                "timestamp,price,amount",          // 1 header
                "1385337600,800.0,0.5",            // 2 ok
                "1385337601,abc,0.5",              // 3 unparsable
                "1385337602,800.5",                // 4 wrong field count
                "",                                // 5 blank
                "1385337603,-1,0.5",               // 6 invalid price
                "1385337604,NaN,0.5",              // 7 invalid price
                "1385337605,801,-2",               // 8 negative size
                "1385337606,801,0",                // 9 zero size
                "1385337607,802,1",                // 10 ok
                "1385337500,802,1",                // 11 out of order
                "1385337607,802,1",                // 12 identical to 10: kept by default
                "1385337608,803,1,x",              // 13 wrong field count
                "1385337608,803,1");               // 14 ok, no final newline
        Path f = TestFiles.write(dir, "mixed.csv", content);
        Quarantine q = Quarantine.keepingFirst(100);
        IngestReport[] report = new IngestReport[1];
        List<TradeRow> rows = readAll(f, q, report);
        assertThat(rows).extracting(TradeRow::line).containsExactly(2L, 10L, 12L, 14L);
        assertThat(report[0].rowsRead()).isEqualTo(13);
        assertThat(report[0].accepted()).isEqualTo(4);
        assertThat(report[0].rejectedTotal()).isEqualTo(9).isEqualTo(q.total());
        assertThat(q.kept()).extracting(RejectedRow::line, RejectedRow::reason).containsExactly(
                org.assertj.core.groups.Tuple.tuple(3L, Reason.UNPARSABLE),
                org.assertj.core.groups.Tuple.tuple(4L, Reason.WRONG_FIELD_COUNT),
                org.assertj.core.groups.Tuple.tuple(5L, Reason.BLANK_LINE),
                org.assertj.core.groups.Tuple.tuple(6L, Reason.INVALID_PRICE),
                org.assertj.core.groups.Tuple.tuple(7L, Reason.INVALID_PRICE),
                org.assertj.core.groups.Tuple.tuple(8L, Reason.NEGATIVE_SIZE),
                org.assertj.core.groups.Tuple.tuple(9L, Reason.ZERO_SIZE),
                org.assertj.core.groups.Tuple.tuple(11L, Reason.OUT_OF_ORDER),
                org.assertj.core.groups.Tuple.tuple(13L, Reason.WRONG_FIELD_COUNT));
        assertThat(q.kept()).allSatisfy(r -> assertThat(r.source()).isEqualTo("mixed.csv"));
        assertThat(q.kept().get(0).message()).isEqualTo("price 'abc' is not a number");
        assertThat(q.kept().get(0).raw()).isEqualTo("1385337601,abc,0.5");
        assertThat(q.kept().get(1).message()).isEqualTo("2 fields separated by ',' (comma), expected 3");
        assertThat(report[0].summary()).startsWith("mixed.csv: 13 read, 4 accepted, 9 rejected");
    }

    @Test
    void sameContent_readsTheSame_plainGzipAndZip() {
        String content = "timestamp,price,amount\r\n1385337600,800.0,0.5\r\n1385337601,801.0,0.25\r\n";
        for (String name : new String[] {"t.csv", "t.csv.gz", "t.csv.zip"}) {
            Path f = TestFiles.write(dir, name, content);
            IngestReport[] report = new IngestReport[1];
            List<TradeRow> rows = readAll(f, Quarantine.keepingFirst(0), report);
            assertThat(rows).extracting(TradeRow::price).containsExactly(800.0, 801.0);
            assertThat(rows).extracting(TradeRow::line).containsExactly(2L, 3L);
            assertThat(rows.get(0).source()).isEqualTo(name.endsWith(".zip") ? "t.csv.zip!t.csv" : name);
        }
    }
}
