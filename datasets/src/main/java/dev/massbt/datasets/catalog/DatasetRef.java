package dev.massbt.datasets.catalog;

import dev.massbt.datasets.error.DatasetErrors;
import dev.massbt.datasets.table.Locations;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;

/**
 * A dataset named by a user on the command line or in a DAG: one of the built-in names, a
 * synthetic market, or the user's own files. {@link #parse} is the only way in from user
 * text; it validates everything, so a ref never carries a name that could surprise a path
 * or a query.
 */
public sealed interface DatasetRef extends java.io.Serializable permits DatasetRef.Bitstamp2013, DatasetRef.HistData, DatasetRef.Synthetic,
        DatasetRef.UserFiles {

    /** The canonical name, as recorded in tables. */
    String name();

    /** Bitstamp BTC/USD trades from 2013-11-25 (100,000 real trades shipped in the ta4j-examples artifact). */
    record Bitstamp2013() implements DatasetRef {
        public static final String NAME = "bitstamp-btcusd-2013";
        public static final String SYMBOL = "BTCUSD";

        @Override
        public String name() {
            return NAME;
        }
    }

    /** HistData.com ASCII one-minute bars of one instrument, e.g. {@code histdata-eurusd-m1}. */
    record HistData(String instrument) implements DatasetRef {
        public HistData {
            Objects.requireNonNull(instrument, "instrument");
            if (!instrument.matches("[A-Z0-9]{3,10}")) {
                throw new IllegalArgumentException("HistData instrument must be 3-10 letters or digits, got '"
                        + instrument + "'");
            }
        }

        @Override
        public String name() {
            return "histdata-" + instrument.toLowerCase(Locale.ROOT) + "-m1";
        }

        /** The file names HistData gives its yearly downloads of this instrument. */
        public String fileGlob() {
            return "HISTDATA_COM_ASCII_" + instrument + "_M1*.zip";
        }
    }

    /**
     * A synthetic market of {@code symbols} symbols over {@code days} days of one-minute bars,
     * deterministic for {@code seed}. Symbols carry the seed ({@code SYN42_001},
     * {@code SYN42_002}, ...; a negative seed is written with N): markets of different seeds
     * never collide in the bars table, while the same seed with more days or symbols extends
     * the same series (a symbol's bars depend only on seed and symbol).
     */
    record Synthetic(int symbols, int days, long seed) implements DatasetRef {
        public static final int MAX_SYMBOLS = 1_000;
        public static final int MAX_DAYS = 36_500;

        public Synthetic {
            if (symbols < 1 || symbols > MAX_SYMBOLS) {
                throw DatasetErrors.syntheticSize("a synthetic market has 1.." + MAX_SYMBOLS + " symbols, got "
                        + symbols);
            }
            if (days < 1 || days > MAX_DAYS) {
                throw DatasetErrors.syntheticSize("a synthetic market spans 1.." + MAX_DAYS + " days, got " + days);
            }
        }

        @Override
        public String name() {
            return "synthetic:" + symbols + "x" + days + ":" + seed;
        }

        public List<String> symbolNames() {
            String prefix = "SYN" + Long.toString(seed).replace('-', 'N') + "_";
            return IntStream.rangeClosed(1, symbols).mapToObj(i -> prefix + String.format(Locale.ROOT, "%03d", i)).toList();
        }
    }

    /** The user's own file or directory: a local path or a {@code file:}, {@code hdfs:} or {@code s3a:} URI. */
    record UserFiles(String location) implements DatasetRef {
        public UserFiles {
            Objects.requireNonNull(location, "location");
        }

        @Override
        public String name() {
            return location;
        }
    }

    Pattern HISTDATA = Pattern.compile("histdata-([a-z0-9]{3,10})-m1");
    Pattern SYNTHETIC = Pattern.compile("synthetic:(\\d{1,9})x(\\d{1,9}):(-?\\d{1,40})");
    int MAX_LOCATION_LENGTH = 4_096;

    /** Parses user text into a ref, or fails with a message that lists the accepted forms. */
    static DatasetRef parse(String text) {
        Objects.requireNonNull(text, "text");
        String t = text.strip();
        if (t.isEmpty()) {
            throw unknown(text, "it is empty");
        }
        if (t.equals(Bitstamp2013.NAME)) {
            return new Bitstamp2013();
        }
        Matcher h = HISTDATA.matcher(t);
        if (h.matches()) {
            return new HistData(h.group(1).toUpperCase(Locale.ROOT));
        }
        if (t.startsWith("synthetic:")) {
            Matcher s = SYNTHETIC.matcher(t);
            if (!s.matches()) {
                throw unknown(text, "a synthetic dataset is written synthetic:<symbols>x<days>:<seed>, e.g. synthetic:4x365:42");
            }
            long seed;
            try {
                seed = Long.parseLong(s.group(3));
            } catch (NumberFormatException e) {
                throw unknown(text, "the seed must fit in a 64-bit integer");
            }
            return new Synthetic(Integer.parseInt(s.group(1)), Integer.parseInt(s.group(2)), seed);
        }
        return userFiles(text, t);
    }

    private static DatasetRef userFiles(String text, String t) {
        if (t.length() > MAX_LOCATION_LENGTH || t.chars().anyMatch(Character::isISOControl)) {
            throw unknown(text, "a location must be at most " + MAX_LOCATION_LENGTH + " printable characters");
        }
        Optional<String> scheme = Locations.scheme(t);
        if (scheme.isPresent()) {
            if (!Locations.accepted(scheme.get())) {
                throw unknown(text, "scheme '" + scheme.get().toLowerCase(Locale.ROOT) + ":' is not supported; use "
                        + Locations.accepted());
            }
            return new UserFiles(t);
        }
        if (t.contains("/") || t.contains("\\") || t.matches(".*\\.(csv|txt|gz|zip)")) {
            return new UserFiles(t);
        }
        throw unknown(text, "it is neither a known dataset nor a path (a path contains '/' or ends in .csv, .gz or .zip)");
    }

    private static IllegalArgumentException unknown(String text, String why) {
        return DatasetErrors.unknownDataset(text, why, Bitstamp2013.NAME + ", histdata-<instrument>-m1 (e.g. "
                + "histdata-eurusd-m1), synthetic:<symbols>x<days>:<seed> (e.g. synthetic:4x365:42), or a path to "
                + "your files (local, " + Locations.accepted() + ")");
    }
}
