package dev.veil.policy.mask;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The SQL of every mask × value type × engine, the hash-secret installation and the literals, held to a golden file
 * per engine. The golden files were captured from the code before the engines became strategy objects; a change in
 * them is a change in what runs on the database, to be proven on real engines by the cross-database property test
 * ({@code MaskEquivalenceIT}) before the golden file is rewritten.
 *
 * <p>To rewrite the golden files after such a change: run this test with {@code -Dveil.updateGolden=true}; it
 * writes them to {@code src/test/resources} and fails, so that the diff is reviewed before the next run passes.
 */
class RenderedSqlGoldenTest {

    private static final String GOLDEN_DIR = "dev/veil/policy/mask/golden/";
    private static final HashKey KEY = HashKey.of("golden-file-hash-key-0001");

    /** Every mask kind with its defaults, and parameters whose rendering differs: quotes, backslashes, wide pads. */
    private static final List<Mask> MASKS = List.of(
            Mask.redact(), Mask.nullify(), Mask.email(), Mask.hash(), Mask.year(),
            Mask.defaultOf(MaskKind.PARTIAL), Mask.partial(1, 2, "\\"), Mask.partial(0, 4, "'"),
            Mask.partial(0, 1, "•"), Mask.partial(2, 0, "#"), Mask.partial(0, 0, "x"), Mask.partial(3, 3, " "),
            Mask.partial(1, 1, "😀"), Mask.partial(Mask.MAX_KEEP, Mask.MAX_KEEP, "*"),
            Mask.defaultOf(MaskKind.ROUND), Mask.round(new BigDecimal("0.5")), Mask.round(BigDecimal.ONE),
            Mask.round(new BigDecimal("0.25")), Mask.round(new BigDecimal("2.5")), Mask.round(new BigDecimal("3")),
            Mask.round(new BigDecimal("1E+2")), Mask.round(Mask.MIN_STEP), Mask.round(Mask.MAX_STEP));

    private static final List<String> STRINGS = List.of("", "***", "***@", "@", "it's", "a\\'b", "\\", "•", "😀",
            "*#@._-: ", "\"", "||");
    private static final List<Double> DOUBLES = List.of(0.0, 0.5, 0.1, 10.0, 1e-5, 1e-12, 5e-13, 2.5,
            1e18 * 0x1p52, 0x1p52, 0.3 * 0x1p52);
    private static final List<BigDecimal> EXACTS = List.of(BigDecimal.ZERO, new BigDecimal("-0.25"),
            new BigDecimal("1E+3"), new BigDecimal("123.4500"));
    private static final List<Long> LONGS = List.of(0L, 10L, -10L, Long.MAX_VALUE - 10, Long.MIN_VALUE + 10);

    @ParameterizedTest
    @MethodSource("dev.veil.policy.mask.MaskDialects#all")
    void renderedSqlIsUnchanged(MaskDialect dialect) throws IOException {
        String file = dialect.name().toLowerCase(Locale.ROOT) + ".txt";
        String actual = render(dialect);
        if (Boolean.getBoolean("veil.updateGolden")) {
            Path target = Path.of("src/test/resources", GOLDEN_DIR, file);
            Files.writeString(target, actual, StandardCharsets.UTF_8);
            fail("rewrote " + target + ": review the diff, then run again without veil.updateGolden");
        }
        String expected;
        try (InputStream in = RenderedSqlGoldenTest.class.getResourceAsStream("/" + GOLDEN_DIR + file)) {
            assertThat(in).as("golden file %s (create it with -Dveil.updateGolden=true)", file).isNotNull();
            expected = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        Map<String, String> golden = entries(expected);
        assertThat(golden).as("entries of %s", file)
                .hasSize((int) expected.lines().filter(line -> line.startsWith("## ")).count())
                .hasSizeGreaterThan(MASKS.size() * ValueType.values().length);
        assertThat(differences(golden, entries(actual))).as("%s rendered SQL against %s", dialect, file).isEmpty();
    }

    /**
     * The entries of a golden text by name: each is a {@code ## name} line and the lines up to the next blank one. A
     * name that repeats (one setup statement after another) is numbered from its second occurrence on.
     */
    private static Map<String, String> entries(String text) {
        Map<String, String> entries = new LinkedHashMap<>();
        String name = null;
        StringBuilder body = new StringBuilder();
        for (String line : (text + "\n").lines().toList()) {
            if (line.startsWith("## ")) {
                name = line.substring(3);
                for (int n = 2; entries.containsKey(name); n++) {
                    name = line.substring(3) + " #" + n;
                }
            } else if (line.isEmpty() && name != null) {
                entries.put(name, body.toString());
                name = null;
                body.setLength(0);
            } else if (name != null) {
                body.append(body.length() == 0 ? "" : "\n").append(line);
            }
        }
        return entries;
    }

    private static List<String> differences(Map<String, String> expected, Map<String, String> actual) {
        List<String> differences = new ArrayList<>();
        for (Map.Entry<String, String> e : expected.entrySet()) {
            String now = actual.get(e.getKey());
            if (now == null) {
                differences.add(e.getKey() + ": no longer rendered");
            } else if (!now.equals(e.getValue())) {
                differences.add(e.getKey() + ":\n  expected " + e.getValue() + "\n  but was  " + now);
            }
        }
        for (String name : actual.keySet()) {
            if (!expected.containsKey(name)) {
                differences.add(name + ": not in the golden file");
            }
        }
        return differences;
    }

    private static String render(MaskDialect dialect) {
        List<String> out = new ArrayList<>();
        out.add("# Rendered SQL for " + dialect + ". Golden file of RenderedSqlGoldenTest: do not edit by hand.");
        MaskRenderer renderer = MaskRenderer.of(dialect, KEY);
        for (Mask mask : MASKS) {
            for (ValueType type : ValueType.values()) {
                entry(out, "mask " + mask + " on " + type, renderer.render(mask, "t.c", type));
            }
        }
        SessionSetup setup = KEY.sessionSetup(dialect);
        for (SessionSetup.Statement statement : setup.statements()) {
            List<String> parameters = new ArrayList<>();
            for (Object parameter : statement.parameters()) {
                parameters.add(parameter instanceof byte[] bytes
                        ? "bytes " + HexFormat.of().formatHex(bytes) : "string " + parameter);
            }
            entry(out, "hash secrets setup", statement.sql() + "\n" + String.join("\n", parameters));
        }
        entry(out, "hash secret names", String.join("\n", HashKey.reservedNames(dialect)));
        for (String value : STRINGS) {
            entry(out, "string literal " + value, dialect.stringLiteral(value));
        }
        for (double value : DOUBLES) {
            entry(out, "double literal " + value, dialect.doubleLiteral(value));
        }
        for (BigDecimal value : EXACTS) {
            entry(out, "exact literal " + value, MaskDialect.exact(value));
        }
        for (long value : LONGS) {
            entry(out, "exact literal " + value, MaskDialect.exact(value));
        }
        return String.join("\n", out) + "\n";
    }

    private static void entry(List<String> out, String name, String sql) {
        out.add("");
        out.add("## " + name);
        out.add(sql);
    }
}
