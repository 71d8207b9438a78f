package dev.veil.policy.mask;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** A compiled text mask gives, for every text, exactly what the reference masker gives for it as a STRING value. */
class TextMaskTest {

    private static final ReferenceMasker REFERENCE = ReferenceMasker.of(HashKey.of("text-mask-test-key-0001"));

    /** Pieces random texts are made of: ASCII, Latin-1, other BMP, '@', pairs, lone surrogates of either half. */
    private static final String[] PIECES = {"a", "Z", "7", "@", "@", ".", " ", "é", "Ж", "*", "😀", "𝄞",
        "\uD83D", "\uDE00", "\uD83D@", "@\uDE00"};

    private static final List<String> EDGES = List.of("", "@", "@@", "a", "a@", "@a", "a@b", "@lead@at.example",
            "ann@example.com", "😀bob@exämple.org", "😀@x", "\uD83D@x", "\uDE00@x", "x@😀", "no at sign",
            "+1 555 0101", "12", "1234", "12345", "😀😀😀😀😀", "a😀b", "😀", "\uD83D", "\uDE00", "ab\uD83D",
            "a@b@c@d", "@@x@", "é@é", "ЖЖЖ@ЖЖЖ");

    private static List<Mask> masks() {
        List<Mask> masks = new ArrayList<>(List.of(Mask.email(), Mask.redact(), Mask.nullify(), Mask.hash(),
                Mask.year(), Mask.round(BigDecimal.TEN)));
        for (String pad : List.of("*", "#", "x", "·", "Ж", "😀", "𝄞", " ")) {
            for (int first = 0; first <= 5; first++) {
                for (int last = 0; last <= 5; last++) {
                    masks.add(Mask.partial(first, last, pad));
                }
            }
        }
        masks.add(Mask.partial(Mask.MAX_KEEP, Mask.MAX_KEEP, "*"));
        masks.add(Mask.partial(0, Mask.MAX_KEEP, "😀"));
        masks.add(Mask.defaultOf(MaskKind.PARTIAL));
        return masks;
    }

    @Test
    void edgeCasesMatchTheReference() {
        for (Mask mask : masks()) {
            TextMask compiled = TextMask.of(mask, REFERENCE);
            assertThat(compiled.apply(null)).isNull();
            for (String text : EDGES) {
                assertSame(mask, compiled, text);
            }
        }
    }

    @Test
    void randomTextsMatchTheReference() {
        Random random = new Random(20261205L);
        List<Mask> masks = masks();
        List<TextMask> compiled = masks.stream().map(m -> TextMask.of(m, REFERENCE)).toList();
        for (int i = 0; i < 20_000; i++) {
            StringBuilder text = new StringBuilder();
            int pieces = random.nextInt(random.nextBoolean() ? 4 : 14);
            for (int p = 0; p < pieces; p++) {
                // mostly plain text, which takes the fast paths; surrogates and '@' often enough to matter
                text.append(random.nextInt(3) == 0 ? PIECES[random.nextInt(PIECES.length)]
                        : String.valueOf((char) ('a' + random.nextInt(26))));
            }
            int m = random.nextInt(masks.size());
            assertSame(masks.get(m), compiled.get(m), text.toString());
        }
    }

    /** The fast paths are taken for plain text and still give the reference's value (guards the test itself). */
    @Test
    void knownValues() {
        assertThat(TextMask.of(Mask.email(), REFERENCE).apply("ann@example.com")).isEqualTo("a***@example.com");
        assertThat(TextMask.of(Mask.email(), REFERENCE).apply("😀bob@x@exämple.org")).isEqualTo("😀***@exämple.org");
        assertThat(TextMask.of(Mask.email(), REFERENCE).apply("@lead@at")).isEqualTo("***@at");
        assertThat(TextMask.of(Mask.email(), REFERENCE).apply("nobody")).isEqualTo("***");
        assertThat(TextMask.of(Mask.partial(0, 4, "*"), REFERENCE).apply("+1 555 0101")).isEqualTo("*******0101");
        assertThat(TextMask.of(Mask.partial(2, 1, "#"), REFERENCE).apply("abc")).isEqualTo("###");
        assertThat(TextMask.of(Mask.partial(1, 1, "😀"), REFERENCE).apply("abcd")).isEqualTo("a😀😀d");
        assertThat(TextMask.of(Mask.partial(1, 1, "*"), REFERENCE).apply("😀bc😀")).isEqualTo("😀**😀");
    }

    private static void assertSame(Mask mask, TextMask compiled, String text) {
        assertThat(compiled.apply(text)).as("%s of %s", mask, escaped(text))
                .isEqualTo(REFERENCE.apply(mask, text, ValueType.STRING));
    }

    private static String escaped(String text) {
        StringBuilder out = new StringBuilder("\"");
        text.chars().forEach(c -> out.append(c < 0x7f && c >= 0x20 ? String.valueOf((char) c)
                : String.format("\\u%04X", c)));
        return out.append('"').toString();
    }
}
