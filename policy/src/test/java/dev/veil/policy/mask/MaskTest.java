package dev.veil.policy.mask;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class MaskTest {

    @Test
    void padIsOnePrintableCharacter() {
        assertThat(Mask.isValidPad("*")).isTrue();
        assertThat(Mask.isValidPad(" ")).isTrue();
        assertThat(Mask.isValidPad("•")).isTrue();
        assertThat(Mask.isValidPad("😀")).isTrue();
        assertThat(Mask.isValidPad("")).isFalse();
        assertThat(Mask.isValidPad("**")).isFalse();
        assertThat(Mask.isValidPad("\n")).isFalse();
        assertThat(Mask.isValidPad("\t")).isFalse();
        assertThat(Mask.isValidPad("\u200B")).isFalse(); // zero-width space (format)
        assertThat(Mask.isValidPad("\uD83D")).isFalse(); // lone surrogate
        assertThat(Mask.isValidPad("\uE000")).isFalse(); // private use
    }

    @Test
    void parametersAreValidatedAndBelongToTheirMask() {
        assertThatThrownBy(() -> Mask.partial(-1, 0, "*")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Mask.partial(0, 1001, "*")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Mask.partial(0, 1, "ab")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Mask.round(BigDecimal.ZERO)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Mask.round(new BigDecimal("1E19"))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Mask(MaskKind.EMAIL, 1, 0, null, null))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Mask(MaskKind.HASH, 0, 0, null, BigDecimal.ONE))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void stepsAreNormalizedSoEqualStepsAreEqualMasks() {
        assertThat(Mask.round(new BigDecimal("10.00"))).isEqualTo(Mask.round(BigDecimal.TEN));
        assertThat(Mask.round(new BigDecimal("1E+3")).step()).isEqualTo(new BigDecimal("1000"));
        assertThat(Mask.round(new BigDecimal("1E+3")).integralStep()).isTrue();
        assertThat(Mask.round(new BigDecimal("0.50")).step()).isEqualTo(new BigDecimal("0.5"));
        assertThat(Mask.round(new BigDecimal("0.50")).integralStep()).isFalse();
    }

    @Test
    void kindsHaveTheirPolicyNames() {
        assertThat(MaskKind.fromId("null")).isEqualTo(MaskKind.NULL);
        assertThat(MaskKind.fromId("NULL")).isNull();
        assertThat(Mask.defaultOf(MaskKind.PARTIAL)).isEqualTo(Mask.partial(0, 4, "*"));
        assertThat(Mask.defaultOf(MaskKind.ROUND)).isEqualTo(Mask.round(BigDecimal.TEN));
        assertThat(Mask.partial(1, 2, "#")).hasToString("partial(keepFirst=1, keepLast=2, pad='#')");
    }
}
