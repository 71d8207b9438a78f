package dev.veil.cli;

import dev.veil.driver.events.UsageEvent;
import java.time.ZoneOffset;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** What {@code veil usage report} groups usage by. An event touching several tables or classes counts in each. */
enum UsageDimension {
    /** Who asked: the declared requester, else the database user. */
    REQUESTER {
        @Override
        List<String> values(UsageEvent e) {
            return List.of(e.requester() != null ? e.requester() : orNone(e.principal()));
        }
    },
    /** The database user. */
    PRINCIPAL {
        @Override
        List<String> values(UsageEvent e) {
            return List.of(orNone(e.principal()));
        }
    },
    /** The client application, when the vendor reports one. */
    APPLICATION {
        @Override
        List<String> values(UsageEvent e) {
            return List.of(orNone(e.application()));
        }
    },
    /** Each table the statement read or wrote. */
    TABLE {
        @Override
        List<String> values(UsageEvent e) {
            return e.tables() == null || e.tables().isEmpty() ? List.of(NONE)
                    : List.copyOf(new LinkedHashSet<>(e.tables()));
        }
    },
    /** Each class of sensitive column the statement touched ({@code -}: none). */
    CLASS {
        @Override
        List<String> values(UsageEvent e) {
            Set<String> classes = new LinkedHashSet<>();
            if (e.columns() != null) {
                e.columns().forEach(c -> classes.add(c.sensitivityClass()));
            }
            return classes.isEmpty() ? List.of(NONE) : List.copyOf(classes);
        }
    },
    /** The day (UTC) it ran. */
    DAY {
        @Override
        List<String> values(UsageEvent e) {
            return List.of(e.time().atOffset(ZoneOffset.UTC).toLocalDate().toString());
        }
    },
    /** How Veil let it through: allowed, masked, exempt, refused, held, approved. */
    DECISION {
        @Override
        List<String> values(UsageEvent e) {
            return List.of(e.decision().toLowerCase(Locale.ROOT));
        }
    },
    /** The rule behind a refusal or an approval. */
    RULE {
        @Override
        List<String> values(UsageEvent e) {
            return List.of(orNone(e.rule()));
        }
    };

    static final String NONE = "-";

    abstract List<String> values(UsageEvent e);

    private static String orNone(String value) {
        return value == null || value.isEmpty() ? NONE : value;
    }

    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }
}
