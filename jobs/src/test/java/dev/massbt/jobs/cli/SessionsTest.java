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

    @Test
    void withAuthenticationOnTheSecretComesFromTheEnvironment() {
        assertThat(Sessions.authSecret(props("spark.authenticate", "true"), Map.of(Sessions.SECRET_ENV, "s3cr3t")))
                .contains("s3cr3t");
    }

    @Test
    void aConfiguredSecretIsLeftAlone() {
        assertThat(Sessions.authSecret(props("spark.authenticate", "true", "spark.authenticate.secret", "given"),
                Map.of(Sessions.SECRET_ENV, "other"))).isEmpty();
    }

    @Test
    void withoutAuthenticationNoSecretIsAdded() {
        assertThat(Sessions.authSecret(props(), Map.of(Sessions.SECRET_ENV, "s3cr3t"))).isEmpty();
        assertThat(Sessions.authSecret(props("spark.authenticate", "false"), Map.of())).isEmpty();
    }

    @Test
    void authenticationWithoutASecretNamesTheVariableToSet() {
        assertThatThrownBy(() -> Sessions.authSecret(props("spark.authenticate", "true"), Map.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(Sessions.SECRET_ENV);
        assertThatThrownBy(() -> Sessions.authSecret(props("spark.authenticate", "true"),
                Map.of(Sessions.SECRET_ENV, " "))).isInstanceOf(IllegalArgumentException.class);
    }
}
