package dev.veil.policy.mask;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class MaskRendererTest {

    private static final List<Mask> MASKS = List.of(Mask.redact(), Mask.nullify(), Mask.partial(1, 2, "\\"),
            Mask.partial(0, 4, "'"), Mask.partial(0, 1, "•"), Mask.email(), Mask.hash(), Mask.year(),
            Mask.round(new BigDecimal("0.5")), Mask.round(BigDecimal.TEN));
    private static final HashKey KEY = HashKey.of("mask-renderer-test-key");

    @ParameterizedTest
    @MethodSource("dev.veil.policy.mask.MaskDialects#all")
    void everyExpressionIsParenthesizedAndBalanced(MaskDialect dialect) {
        MaskRenderer renderer = MaskRenderer.of(dialect, KEY);
        for (Mask mask : MASKS) {
            for (ValueType type : ValueType.values()) {
                String sql = renderer.render(mask, "t.c", type);
                assertThat(sql).startsWith("(").endsWith(")").contains("(t.c)");
                int depth = 0;
                boolean quoted = false;
                for (int i = 0; i < sql.length(); i++) {
                    char ch = sql.charAt(i);
                    if (ch == '\'') {
                        quoted = !quoted;
                    } else if (!quoted && ch == '(') {
                        depth++;
                    } else if (!quoted && ch == ')') {
                        depth--;
                        assertThat(depth).as("closing parenthesis at %d of %s", i, sql)
                                .isGreaterThanOrEqualTo(i == sql.length() - 1 ? 0 : 1);
                    }
                }
                assertThat(depth).as(sql).isZero();
                assertThat(quoted).as(sql).isFalse();
            }
        }
    }

    @Test
    void mariadbSqlAvoidsEverythingSqlModeChanges() {
        MaskRenderer renderer = MaskRenderer.of(MaskDialects.MARIADB, KEY);
        for (Mask mask : MASKS) {
            for (ValueType type : ValueType.values()) {
                String sql = renderer.render(mask, "c", type);
                // NO_BACKSLASH_ESCAPES, ANSI_QUOTES and PIPES_AS_CONCAT change these.
                assertThat(sql).doesNotContain("\\").doesNotContain("\"").doesNotContain("||");
            }
        }
    }

    @Test
    void postgresqlBackslashesAreInEscapeStringsOnly() {
        String sql = MaskRenderer.of(MaskDialects.POSTGRESQL, KEY)
                .render(Mask.partial(1, 2, "\\"), "c", ValueType.STRING);
        // standard_conforming_strings does not change the meaning of E'' strings.
        assertThat(sql).contains("E'\\\\'").doesNotContain(" '\\'");
    }

    @ParameterizedTest
    @MethodSource("dev.veil.policy.mask.MaskDialects#all")
    void hashWithoutAKeyIsAConfigurationError(MaskDialect dialect) {
        assertThatThrownBy(() -> MaskRenderer.of(dialect, null).render(Mask.hash(), "c", ValueType.STRING))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("veil: the hash mask needs a hash key (veil.hashKey or VEIL_HASH_KEY)");
        assertThat(MaskRenderer.of(dialect, null).render(Mask.hash(), "c", ValueType.DATE))
                .isEqualTo(MaskRenderer.of(dialect, null).render(Mask.redact(), "c", ValueType.DATE));
    }

    @ParameterizedTest
    @MethodSource("dev.veil.policy.mask.MaskDialects#all")
    void masksThatDoNotApplyRenderAsRedact(MaskDialect dialect) {
        MaskRenderer renderer = MaskRenderer.of(dialect, KEY);
        assertThat(renderer.render(Mask.email(), "c", ValueType.INTEGER))
                .isEqualTo(renderer.render(Mask.redact(), "c", ValueType.INTEGER));
        assertThat(renderer.render(Mask.year(), "c", ValueType.STRING))
                .isEqualTo(renderer.render(Mask.redact(), "c", ValueType.STRING));
    }

    @ParameterizedTest
    @MethodSource("dev.veil.policy.mask.MaskDialects#all")
    void redactOfUnknownTypesIsNull(MaskDialect dialect) {
        MaskRenderer renderer = MaskRenderer.of(dialect, KEY);
        assertThat(renderer.render(Mask.redact(), "c", ValueType.OTHER))
                .isEqualTo(renderer.render(Mask.nullify(), "c", ValueType.OTHER))
                .isEqualTo("(CASE WHEN (c) IS NULL THEN (c) END)");
    }
}
