package dev.massbt.strategies.format;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

/** The canonical number text that strategy ids hash. */
class NumbersTest {

    @Test
    void ordinaryValues() {
        assertThat(Numbers.json(14)).isEqualTo("14");
        assertThat(Numbers.json(14.0)).isEqualTo("14");
        assertThat(Numbers.json(-3)).isEqualTo("-3");
        assertThat(Numbers.json(-0.0)).isEqualTo("0");
        assertThat(Numbers.json(2.5)).isEqualTo("2.5");
        assertThat(Numbers.json(0.1)).isEqualTo("0.1");
        assertThat(Numbers.json(1.0 / 3)).isEqualTo("0.3333333333333333");
        assertThat(Numbers.json(0.000123)).isEqualTo("0.000123");
        assertThat(Numbers.json(123456789.125)).isEqualTo("123456789.125");
        assertThat(Numbers.json(999999999999999.0)).isEqualTo("999999999999999");
    }

    @Test
    void extremeValuesUseAnExponent() {
        assertThat(Numbers.json(1e-7)).isEqualTo("1.0E-7");
        assertThat(Numbers.json(1e15)).isEqualTo("1.0E15");
        assertThat(Numbers.json(1e20)).isEqualTo("1.0E20");
        assertThat(Numbers.json(-2.5e300)).isEqualTo("-2.5E300");
        // Shortest: one digit identifies it (JDK 19+ Double.toString prints two, 4.9E-324).
        assertThat(Numbers.json(Double.MIN_VALUE)).isEqualTo("5.0E-324");
        assertThat(Numbers.json(Double.MAX_VALUE)).isEqualTo("1.7976931348623157E308");
    }

    @Test
    void shortestEvenWhereJava17DoubleToStringIsNot() {
        // JDK-4511638: before JDK 19 Double.toString printed some values with superfluous digits;
        // on Java 17 the three below come out as 9.999999999999999E22, 1.9999999999999998E23 and
        // 2.82879384806159008E17. Ids must not depend on the JVM, so the digits come from BigDecimal.
        assertThat(Numbers.json(1.0E23)).isEqualTo("1.0E23");
        assertThat(Numbers.json(2.0E23)).isEqualTo("2.0E23");
        assertThat(Numbers.json(2.82879384806159E17)).isEqualTo("2.82879384806159E17");
        assertThat(Numbers.json(2.0E-3)).isEqualTo("0.002");
    }

    @Property(tries = 5000)
    void readsBackToTheSameDouble(@ForAll double v) {
        if (!Double.isFinite(v)) {
            return;
        }
        String text = Numbers.json(v);

        assertThat(Double.parseDouble(text)).isEqualTo(v + 0.0);
        assertThat(new BigDecimal(text).doubleValue()).isEqualTo(v + 0.0);
    }

    @Property(tries = 5000)
    void isNeverLongerThanDoubleToString(@ForAll double v) {
        if (!Double.isFinite(v) || v == Math.rint(v) && Math.abs(v) < 1e15) {
            return;
        }
        String digits = Numbers.json(v).replaceAll("E.*", "").replaceAll("[-.]", "").replaceAll("^0+", "");
        String javas = Double.toString(v).replaceAll("E.*", "").replaceAll("[-.]", "").replaceAll("^0+", "");

        assertThat(digits.replaceAll("0+$", "").length()).isLessThanOrEqualTo(javas.replaceAll("0+$", "").length());
    }
}
