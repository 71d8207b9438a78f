package dev.veil.policy.mask;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.EnumSet;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class ReferenceMaskerTest {

    private static final HashKey KEY = HashKey.of("reference-masker-test-key");
    private final ReferenceMasker masker = ReferenceMasker.of(KEY);

    @ParameterizedTest
    @EnumSource(MaskKind.class)
    void nullStaysNullForEveryMaskAndType(MaskKind kind) {
        for (ValueType type : ValueType.values()) {
            assertThat(masker.apply(Mask.defaultOf(kind), null, type)).as("%s on %s", kind, type).isNull();
        }
    }

    @Test
    void redactGivesAConstantOfTheFamily() {
        assertThat(masker.apply(Mask.redact(), "x", ValueType.STRING)).isEqualTo("***");
        assertThat(masker.apply(Mask.redact(), 7, ValueType.INTEGER)).isEqualTo(0L);
        assertThat(masker.apply(Mask.redact(), new BigDecimal("1.50"), ValueType.DECIMAL)).isEqualTo(BigDecimal.ZERO);
        assertThat(masker.apply(Mask.redact(), 2.5f, ValueType.FLOATING)).isEqualTo(0.0);
        assertThat(masker.apply(Mask.redact(), true, ValueType.BOOLEAN)).isEqualTo(false);
        assertThat(masker.apply(Mask.redact(), LocalDate.of(2020, 5, 5), ValueType.DATE))
                .isEqualTo(LocalDate.of(1970, 1, 1));
        assertThat(masker.apply(Mask.redact(), LocalDateTime.of(2020, 5, 5, 1, 2), ValueType.TIMESTAMP))
                .isEqualTo(LocalDateTime.of(1970, 1, 1, 0, 0));
        assertThat(masker.apply(Mask.redact(), LocalTime.NOON, ValueType.TIME)).isEqualTo(LocalTime.MIDNIGHT);
        assertThat((byte[]) masker.apply(Mask.redact(), new byte[] {1, 2}, ValueType.BINARY)).isEmpty();
        assertThat(masker.apply(Mask.redact(), "{\"a\":1}", ValueType.JSON)).isEqualTo("{}");
        assertThat(masker.apply(Mask.redact(), new Object(), ValueType.OTHER)).isNull();
    }

    @Test
    void nullMaskHidesEverything() {
        assertThat(masker.apply(Mask.nullify(), "secret", ValueType.STRING)).isNull();
        assertThat(masker.apply(Mask.nullify(), 1L, ValueType.INTEGER)).isNull();
    }

    @Test
    void partialCountsCodePointsAndHidesShortValuesEntirely() {
        assertThat(masker.apply(Mask.partial(1, 2, "*"), "abcdef", ValueType.STRING)).isEqualTo("a***ef");
        assertThat(masker.apply(Mask.partial(1, 2, "*"), "abc", ValueType.STRING)).isEqualTo("***");
        assertThat(masker.apply(Mask.partial(1, 1, "•"), "😀中😀", ValueType.STRING)).isEqualTo("😀•😀");
        assertThat(masker.apply(Mask.partial(0, 0, "😀"), "ab", ValueType.STRING)).isEqualTo("😀😀");
        assertThat(masker.apply(Mask.partial(2, 0, "#"), "e\u0301te", ValueType.STRING)).isEqualTo("e\u0301##");
    }

    @Test
    void emailKeepsTheFirstCharacterAndTheDomainAfterTheLastAt() {
        assertThat(masker.apply(Mask.email(), "a.b@x.org", ValueType.STRING)).isEqualTo("a***@x.org");
        assertThat(masker.apply(Mask.email(), "\"a@b\"@x.org", ValueType.STRING)).isEqualTo("\"***@x.org");
        assertThat(masker.apply(Mask.email(), "😀@x", ValueType.STRING)).isEqualTo("😀***@x");
        assertThat(masker.apply(Mask.email(), "@@x", ValueType.STRING)).isEqualTo("***@x");
        assertThat(masker.apply(Mask.email(), "a@", ValueType.STRING)).isEqualTo("a***@");
        assertThat(masker.apply(Mask.email(), "", ValueType.STRING)).isEqualTo("***");
    }

    @Test
    void hashIsHmacSha256UnderTheDerivedKeyAndDeterministic() throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec("reference-masker-test-key".getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        byte[] derived = mac.doFinal("veil mask hash v1".getBytes(StandardCharsets.US_ASCII));
        mac.init(new SecretKeySpec(derived, "HmacSHA256"));
        byte[] expected = mac.doFinal("héllo".getBytes(StandardCharsets.UTF_8));

        assertThat(masker.apply(Mask.hash(), "héllo", ValueType.STRING)).isEqualTo(HashKey.hex(expected))
                .isEqualTo(masker.apply(Mask.hash(), "héllo", ValueType.STRING));
        assertThat(masker.apply(Mask.hash(), "héllo", ValueType.STRING))
                .isNotEqualTo(ReferenceMasker.of(HashKey.of("another-key-of-16-bytes")).apply(Mask.hash(), "héllo",
                        ValueType.STRING));
    }

    @Test
    void hashOfAnIntegerIsTheLow60BitsOfTheHmacOfItsDecimalText() {
        byte[] mac = KEY.hmac("-42".getBytes(StandardCharsets.US_ASCII));
        long expected = ByteBuffer.wrap(mac).getLong() & 0x0FFF_FFFF_FFFF_FFFFL;
        assertThat(masker.apply(Mask.hash(), -42L, ValueType.INTEGER)).isEqualTo(expected);
        assertThat(masker.apply(Mask.hash(), -42, ValueType.INTEGER)).isEqualTo(expected);
        assertThat(masker.apply(Mask.hash(), BigInteger.valueOf(-42), ValueType.INTEGER)).isEqualTo(expected);
        assertThat((long) masker.apply(Mask.hash(), Long.MIN_VALUE, ValueType.INTEGER)).isNotNegative();
    }

    @Test
    void hashOfBytesIsTheRawHmac() {
        assertThat((byte[]) masker.apply(Mask.hash(), new byte[] {0, 1}, ValueType.BINARY))
                .isEqualTo(KEY.hmac(new byte[] {0, 1}));
    }

    @Test
    void hashWithoutAKeyIsAConfigurationError() {
        assertThatThrownBy(() -> ReferenceMasker.of(null).apply(Mask.hash(), "x", ValueType.STRING))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("veil: the hash mask needs a hash key (veil.hashKey or VEIL_HASH_KEY)");
    }

    @Test
    void yearTruncatesToTheFirstDayOfTheYear() {
        assertThat(masker.apply(Mask.year(), LocalDate.of(1, 12, 31), ValueType.DATE)).isEqualTo(LocalDate.of(1, 1, 1));
        assertThat(masker.apply(Mask.year(), LocalDate.of(9999, 12, 31), ValueType.DATE))
                .isEqualTo(LocalDate.of(9999, 1, 1));
        assertThat(masker.apply(Mask.year(), LocalDateTime.of(2024, 2, 29, 23, 59, 59, 999_999_000),
                ValueType.TIMESTAMP)).isEqualTo(LocalDateTime.of(2024, 1, 1, 0, 0));
        OffsetDateTime odt = OffsetDateTime.of(2024, 6, 1, 3, 0, 0, 0, ZoneOffset.ofHours(2));
        assertThat(masker.apply(Mask.year(), odt, ValueType.TIMESTAMP))
                .isEqualTo(OffsetDateTime.of(2024, 1, 1, 0, 0, 0, 0, ZoneOffset.ofHours(2)));
    }

    @Test
    void roundIntegersTiesAwayFromZeroWithoutOverflow() {
        assertThat(ReferenceMasker.roundInteger(14, 10)).isEqualTo(10);
        assertThat(ReferenceMasker.roundInteger(15, 10)).isEqualTo(20);
        assertThat(ReferenceMasker.roundInteger(-15, 10)).isEqualTo(-20);
        assertThat(ReferenceMasker.roundInteger(-14, 10)).isEqualTo(-10);
        assertThat(ReferenceMasker.roundInteger(0, 7)).isZero();
        assertThat(ReferenceMasker.roundInteger(Long.MAX_VALUE, 10)).isEqualTo(9_223_372_036_854_775_800L);
        assertThat(ReferenceMasker.roundInteger(Long.MIN_VALUE, 10)).isEqualTo(-9_223_372_036_854_775_800L);
        assertThat(ReferenceMasker.roundInteger(Long.MAX_VALUE, 1_000_000_000_000_000_000L))
                .isEqualTo(9_000_000_000_000_000_000L);
        assertThat(ReferenceMasker.roundInteger(Long.MAX_VALUE - 2, 4)).isEqualTo(Long.MAX_VALUE - 3);
    }

    @Test
    void roundDecimalsIsExactAndKeepsTheLargerScale() {
        assertThat(ReferenceMasker.roundDecimal(new BigDecimal("2.50"), new BigDecimal("5"))).isEqualTo("5.00");
        assertThat(ReferenceMasker.roundDecimal(new BigDecimal("-2.5"), new BigDecimal("5"))).isEqualTo("-5.0");
        assertThat(ReferenceMasker.roundDecimal(new BigDecimal("2.4999999"), new BigDecimal("5")))
                .isEqualTo("0E-7");
        assertThat(ReferenceMasker.roundDecimal(new BigDecimal("7"), new BigDecimal("0.25"))).isEqualTo("7.00");
        assertThat(ReferenceMasker.roundDecimal(new BigDecimal("1.1"), new BigDecimal("3"))).isEqualTo("0.0");
        assertThat(masker.apply(Mask.round(new BigDecimal("0.5")), 3L, ValueType.INTEGER))
                .isEqualTo(new BigDecimal("3.0"));
    }

    @Test
    void roundDoublesFollowsIeeeArithmeticAndAvoidsNegativeZero() {
        assertThat(ReferenceMasker.roundFloating(14.9, 10)).isEqualTo(10.0);
        assertThat(ReferenceMasker.roundFloating(-15.0, 10)).isEqualTo(-20.0);
        assertThat(Double.doubleToRawLongBits(ReferenceMasker.roundFloating(-0.3, 10))).isZero();
        assertThat(Double.doubleToRawLongBits(ReferenceMasker.roundFloating(-0.0, 10))).isZero();
        assertThat(ReferenceMasker.roundFloating(Double.MAX_VALUE, 0.25)).isEqualTo(Double.MAX_VALUE);
        assertThat(ReferenceMasker.roundFloating(Double.MIN_VALUE, 1e18)).isEqualTo(0.0);
        assertThat(ReferenceMasker.roundFloating(Double.NaN, 10)).isNaN();
    }

    @Test
    void masksThatDoNotApplyDegradeToRedact() {
        for (MaskKind kind : MaskKind.values()) {
            for (ValueType type : ValueType.values()) {
                Mask mask = Mask.defaultOf(kind);
                if (!kind.appliesTo(type)) {
                    assertThat(mask.effectiveFor(type)).isEqualTo(Mask.redact());
                }
            }
        }
        assertThat(EnumSet.allOf(ValueType.class).stream().filter(MaskKind.PARTIAL::appliesTo))
                .containsExactly(ValueType.STRING);
    }

    @Test
    void valuesOfTheWrongJavaTypeAreRejected() {
        assertThatThrownBy(() -> masker.apply(Mask.partial(0, 1, "*"), 12, ValueType.STRING))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not a string");
        assertThatThrownBy(() -> masker.apply(Mask.round(BigDecimal.TEN), "12", ValueType.INTEGER))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not an integer");
    }
}
