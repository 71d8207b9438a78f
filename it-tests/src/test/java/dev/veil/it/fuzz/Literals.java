package dev.veil.it.fuzz;

import dev.veil.it.fuzz.FuzzSchema.Type;
import java.util.List;

/**
 * Literals the grammar uses. None contains four canary letters in a row, so a literal echoed in an error message
 * can never look like a canary fragment.
 */
final class Literals {

    private Literals() {
    }

    static final List<String> TEXT = List.of("'gold'", "'silver'", "'Oslo'", "'a'", "'x'", "'-'", "' '", "''",
            "'mail1.example'", "'paid'", "'{\"pin\":\"aa\"}'", "'SKU-0001'", "'Blue mug'", "'12'");
    static final List<String> LIKE_PATTERNS = List.of("'%a%'", "'g%'", "'%x'", "'_h%'", "'%'", "'%@%'", "'%o%'",
            "'S%'", "'%1'");
    static final List<String> REGEXPS = List.of("'^[a-m]'", "'o'", "'[0-9]$'", "'^.h'", "'^[A-Z]'", "'@'");

    static Sql of(GenContext c, Type t) {
        return Sql.of(switch (t) {
            case TEXT -> c.pick(TEXT);
            case INT -> String.valueOf(c.between(-2, 70));
            case NUM -> c.pick(List.of("9.50", "19.99", "0.5", "35.00", "100.25"));
            case DATE -> "DATE '" + c.pick(List.of("2021-03-15", "2020-01-01", "2023-11-05", "1999-12-31")) + "'";
        });
    }

    static String smallInt(GenContext c) {
        return String.valueOf(c.between(0, 9));
    }
}
