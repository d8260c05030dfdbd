package dev.massbt.jobs.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class SessionsTest {

    private static Properties props(String... keyValues) {
        Properties p = new Properties();
        for (int i = 0; i < keyValues.length; i += 2) {
            p.setProperty(keyValues[i], keyValues[i + 1]);
        }
        return p;
    }

    private static final String STANDALONE = "spark://127.0.0.1:7077";

    @Test
    void withAuthenticationOnTheSecretComesFromTheEnvironment() {
        assertThat(Sessions.authSecret(props("spark.authenticate", "true", "spark.master", STANDALONE),
                Map.of(Sessions.SECRET_ENV, "s3cr3t"))).contains("s3cr3t");
    }

    @Test
    void aConfiguredSecretOrSecretFileIsLeftAlone() {
        for (String key : new String[] {"spark.authenticate.secret", "spark.authenticate.secret.file",
                "spark.authenticate.secret.driver.file", "spark.authenticate.secret.executor.file"}) {
            assertThat(Sessions.authSecret(props("spark.authenticate", "true", "spark.master", STANDALONE, key, "x"),
                    Map.of(Sessions.SECRET_ENV, "other"))).as(key).isEmpty();
        }
    }

    @Test
    void yarnAndKubernetesMakeTheirOwnSecretWhenNoneIsGiven() {
        assertThat(Sessions.authSecret(props("spark.authenticate", "true", "spark.master", "yarn"), Map.of())).isEmpty();
        assertThat(Sessions.authSecret(props("spark.authenticate", "true", "spark.master", "k8s://https://k:6443"),
                Map.of())).isEmpty();
    }

    @Test
    void withoutAuthenticationNoSecretIsAdded() {
        assertThat(Sessions.authSecret(props(), Map.of(Sessions.SECRET_ENV, "s3cr3t"))).isEmpty();
        assertThat(Sessions.authSecret(props("spark.authenticate", "false"), Map.of())).isEmpty();
    }

    @Test
    void aStandaloneClusterWithoutASecretNamesTheVariableToSet() {
        assertThatThrownBy(() -> Sessions.authSecret(props("spark.authenticate", "true", "spark.master", STANDALONE),
                Map.of())).isInstanceOf(IllegalArgumentException.class).hasMessageContaining(Sessions.SECRET_ENV);
        assertThatThrownBy(() -> Sessions.authSecret(props("spark.authenticate", "true", "spark.master", STANDALONE),
                Map.of(Sessions.SECRET_ENV, " "))).isInstanceOf(IllegalArgumentException.class);
    }
}
