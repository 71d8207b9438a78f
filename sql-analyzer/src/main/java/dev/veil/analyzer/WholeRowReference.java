package dev.veil.analyzer;

import java.util.Set;

/**
 * A reference to a whole row as one value: PostgreSQL {@code SELECT t FROM t}, {@code row_to_json(t)},
 * {@code to_jsonb(t.*)}, {@code (t).col}.
 *
 * @param text    the reference as written
 * @param clause  where it sits
 * @param sources every base column the row carries
 */
public record WholeRowReference(String text, Clause clause, Set<BaseColumn> sources) {
    public WholeRowReference {
        sources = Set.copyOf(sources);
    }
}
