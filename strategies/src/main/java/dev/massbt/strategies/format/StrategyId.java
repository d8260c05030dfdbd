package dev.massbt.strategies.format;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Objects;

/**
 * The identity of a strategy's meaning: the lowercase hex of the first 16 bytes of SHA-256
 * over the UTF-8 bytes of {@link StrategyJson#toCanonicalJson}. Key order, whitespace,
 * condition order within a group, {@code 1.0} versus {@code 1}, and risk exits given as
 * fields or as conditions do not change it; any change of meaning does.
 *
 * @param hex 32 lowercase hexadecimal characters
 */
public record StrategyId(String hex) {

    /** Bytes of the SHA-256 digest kept: 128 bits, collisions are not a concern at any realistic count. */
    private static final int BYTES = 16;
    private static final HexFormat HEX = HexFormat.of();

    public StrategyId {
        Objects.requireNonNull(hex, "hex");
        if (!hex.matches("[0-9a-f]{" + 2 * BYTES + "}")) {
            throw new IllegalArgumentException("a strategy id is " + 2 * BYTES + " lowercase hex characters, got '"
                    + hex + "'");
        }
    }

    public static StrategyId of(Strategy strategy) {
        byte[] canonical = StrategyJson.toCanonicalJson(strategy).getBytes(StandardCharsets.UTF_8);
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(canonical);
            return new StrategyId(HEX.formatHex(Arrays.copyOf(digest, BYTES)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }

    @Override
    public String toString() {
        return hex;
    }
}
