package dev.massbt.strategies.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StrategyIdTest {

    private static final String SPEC = StrategyJsonTest.SPEC_EXAMPLE;

    @Test
    void isTheFirstHalfOfSha256OverTheCanonicalUtf8() throws Exception {
        byte[] digest = MessageDigest.getInstance("SHA-256")
                .digest(StrategyJsonTest.SPEC_CANONICAL.getBytes(StandardCharsets.UTF_8));

        StrategyId id = StrategyId.of(StrategyJson.parse(SPEC));

        assertThat(id.hex()).isEqualTo(HexFormat.of().formatHex(digest).substring(0, 32)).hasSize(32);
        assertThat(id).hasToString(id.hex());
    }

    @Test
    void spellingDoesNotChangeIt() {
        StrategyId id = StrategyId.of(StrategyJson.parse(SPEC));
        List<String> respellings = List.of(
                SPEC.replace("\n", "").replace("  ", ""),
                SPEC.replace("\"version\": 1,", ""),
                SPEC.replace("\"fast\": 10, \"slow\": 30", "\"slow\": 30.0, \"fast\": 1.0e1"),
                SPEC.replace("\"value\": 50}", "\"value\": 50.000}"),
                SPEC.replace("\"comparison\": \"crosses_above\"}", "\"comparison\": \"crosses_above\", \"value\": 0, \"output\": \"value\"}"),
                SPEC.replace("\"operator\": \"OR\",", "\"operator\": \"and\","),
                StrategyJsonTest.specWithRiskFields());

        for (String respelled : respellings) {
            assertThat(StrategyId.of(StrategyJson.parse(respelled))).as(respelled).isEqualTo(id);
        }
    }

    @Test
    void everyChangeOfMeaningChangesIt() {
        Map<String, String> changes = new LinkedHashMap<>();
        changes.put("spec", SPEC);
        changes.put("name", SPEC.replace("sma-rsi-trend", "sma-rsi-trend2"));
        changes.put("version", SPEC.replace("\"version\": 1", "\"version\": 2"));
        changes.put("primary", SPEC.replace("\"primary\": \"1h\"", "\"primary\": \"30m\""));
        changes.put("extra secondary", SPEC.replace("[\"4h\"]", "[\"4h\", \"1d\"]"));
        changes.put("param", SPEC.replace("\"period\": 14", "\"period\": 15"));
        changes.put("timeframe", SPEC.replace("\"timeframe\": \"4h\", ", ""));
        changes.put("comparison", SPEC.replace("\"crosses_above\"", "\"greater_than\""));
        changes.put("value", SPEC.replace("\"value\": 50}", "\"value\": 50.5}"));
        changes.put("operator", SPEC.replace("\"operator\": \"AND\"", "\"operator\": \"OR\""));
        changes.put("output", SPEC.replace("\"sma_cross\"", "\"ema_cross\""));
        changes.put("stop loss", SPEC.replace("\"value\": 2.0", "\"value\": 2.5"));
        changes.put("side", SPEC.replace("\"long\"", "\"short\""));
        changes.put("risk kind", SPEC.replace("\"take_profit\"", "\"max_bars\""));

        Map<StrategyId, String> seen = new LinkedHashMap<>();
        changes.forEach((what, json) -> {
            String before = seen.put(StrategyId.of(StrategyJson.parse(json)), what);
            assertThat(before).as("'%s' has the id of '%s'", what, before).isNull();
        });
    }

    @Test
    void onlyWellFormedHex() {
        assertThat(new StrategyId("0123456789abcdef0123456789abcdef").hex()).hasSize(32);
        assertThatThrownBy(() -> new StrategyId("0123456789ABCDEF0123456789ABCDEF"))
                .hasMessageContaining("32 lowercase hex characters");
        assertThatThrownBy(() -> new StrategyId("abc")).hasMessageContaining("32 lowercase hex characters");
    }
}
