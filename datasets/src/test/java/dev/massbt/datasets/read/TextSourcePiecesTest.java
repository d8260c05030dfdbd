package dev.massbt.datasets.read;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/**
 * Reading a plain file from a byte offset: the line numbers the counted line ends give are those
 * of a reader of the whole file, at every offset, for {@code \n}, {@code \r\n} and lone {@code \r}.
 */
class TextSourcePiecesTest {

    @Property(tries = 60)
    void fromAnyOffset_theFirstLineAndItsNumberAreThoseOfAWholeRead(@ForAll @IntRange(min = 0, max = 1_000_000) int seed)
            throws IOException {
        java.util.Random rnd = new java.util.Random(seed);
        StringBuilder sb = new StringBuilder();
        int lines = 1 + rnd.nextInt(40);
        for (int i = 0; i < lines; i++) {
            int len = rnd.nextInt(6);
            for (int k = 0; k < len; k++) {
                sb.append(rnd.nextInt(10) == 0 ? 'é' : (char) ('a' + rnd.nextInt(26)));
            }
            if (i < lines - 1 || rnd.nextBoolean()) {
                sb.append(switch (rnd.nextInt(3)) {
                    case 0 -> "\n";
                    case 1 -> "\r\n";
                    default -> "\r";
                });
            }
        }
        Path f = Files.createTempFile("pieces", ".csv");
        try {
            Files.writeString(f, sb.toString());
            List<String> whole = new ArrayList<>();
            try (TextSource t = TextSource.open(f)) {
                for (String l = t.readLine(); l != null; l = t.readLine()) {
                    whole.add(l);
                }
            }
            long size = Files.size(f);
            byte[] bytes = Files.readAllBytes(f);
            for (long p = 1; p < size; p++) {
                long line = 2 + TextSource.countLineEnds(f, 0, p - 1);
                // where a line starts at or after p, as a plain byte scan sees it
                long start = firstLineStart(bytes, (int) p);
                try (TextSource t = TextSource.openAt(f, p, line)) {
                    String first = t.readLine();
                    if (start >= size) {
                        assertThat(first).as("no line starts at or after byte %d", p).isNull();
                    } else {
                        assertThat(first).as("first line from byte %d", p).isEqualTo(whole.get((int) line - 1));
                        assertThat(t.lineNumber()).isEqualTo(line);
                    }
                }
            }
            assertThat(TextSource.countLineEnds(f, 0, size) + (endsWithTerminator(bytes) ? 0 : 1))
                    .isEqualTo(whole.size());
        } finally {
            Files.delete(f);
        }
    }

    private static long firstLineStart(byte[] b, int p) {
        for (int i = p; i < b.length; i++) {
            boolean afterEnd = b[i - 1] == '\n' || (b[i - 1] == '\r' && b[i] != '\n');
            if (afterEnd) {
                return i;
            }
        }
        return b.length;
    }

    private static boolean endsWithTerminator(byte[] b) {
        return b.length > 0 && (b[b.length - 1] == '\n' || b[b.length - 1] == '\r');
    }
}
