package dev.massbt.strategies.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MetricsTest {

    @Test
    void emptyIsAllZero() throws ReflectiveOperationException {
        for (RecordComponent c : Metrics.class.getRecordComponents()) {
            assertThat(((Number) c.getAccessor().invoke(Metrics.EMPTY)).doubleValue())
                    .as(c.getName()).isZero();
        }
    }

    @Test
    void constantsAreTheDocumentedValues() {
        assertThat(Metrics.PROFIT_FACTOR_NO_LOSS).isEqualTo(1000.0);
        assertThat(Metrics.MAX_MAGNITUDE).isEqualTo(1e9);
    }

    /** Every double component, in turn, set to a non-finite value: the message names it. */
    @ParameterizedTest
    @ValueSource(doubles = {Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY})
    void rejectsNonFiniteValuesNamingTheField(double bad) {
        RecordComponent[] components = Metrics.class.getRecordComponents();
        for (int i = 0; i < components.length; i++) {
            if (components[i].getType() != double.class) {
                continue;
            }
            Object[] args = zeros(components);
            args[i] = bad;
            String name = components[i].getName();
            assertThatThrownBy(() -> construct(components, args))
                    .as(name)
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining(name + " is " + bad)
                    .hasMessageContaining("must be a finite number");
        }
    }

    @Test
    void rejectsANegativeTradeCount() {
        assertThatThrownBy(() -> new Metrics(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, -1, 0, 0, 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("tradeCount is -1");
    }

    private static Object[] zeros(RecordComponent[] components) {
        return Arrays.stream(components)
                .map(c -> c.getType() == int.class ? (Object) 0 : (Object) 0.0)
                .toArray();
    }

    private static Metrics construct(RecordComponent[] components, Object[] args) throws Throwable {
        Class<?>[] types = Arrays.stream(components).map(RecordComponent::getType).toArray(Class<?>[]::new);
        try {
            return Metrics.class.getDeclaredConstructor(types).newInstance(args);
        } catch (java.lang.reflect.InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
