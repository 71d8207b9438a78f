package dev.veil.it.fuzz;

import dev.veil.it.fuzz.FuzzSchema.Type;
import dev.veil.it.support.TestDatabase.Engine;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;

/**
 * What the generators share while building one unit: the seeded random source, the engine's dialect, the relations
 * in scope (with parents, for correlated subqueries), the CTEs visible, and what the statement turned out to touch —
 * its feature tags (for statistics and {@link KnownGaps}) and whether any sensitive column is referenced anywhere
 * (such statements are searched for canaries; the others are compared with the vendor driver).
 */
final class GenContext {

    /** A column of a relation in scope. */
    record RelColumn(String name, Type type, boolean sensitive) {
    }

    /** A table, derived table or CTE in scope; {@code alias} null means columns are referenced unqualified. */
    record Relation(String alias, List<RelColumn> columns) {
        String ref(RelColumn c) {
            return alias == null ? c.name() : alias + "." + c.name();
        }
    }

    /** The relations of one query level. */
    static final class Scope {
        final Scope parent;
        final List<Relation> relations = new ArrayList<>();

        Scope(Scope parent) {
            this.parent = parent;
        }
    }

    final Random random;
    final FuzzDialect dialect;
    final Set<String> features = new TreeSet<>();
    /** When set, generators reference no sensitive column: the unit is checked for transparency. */
    final boolean avoidSensitive;
    boolean sensitive;
    /** The clause being generated, for the {@code sens@clause} feature tags. */
    String clause = "select";
    Scope scope = new Scope(null);
    final List<Relation> ctes = new ArrayList<>();
    int depth;
    private int aliases;

    GenContext(long seed, FuzzDialect dialect, boolean avoidSensitive) {
        this.random = new Random(seed);
        this.dialect = dialect;
        this.avoidSensitive = avoidSensitive;
    }

    Engine engine() {
        return dialect.engine();
    }

    boolean is(Engine e) {
        return dialect.engine() == e;
    }

    String alias(String prefix) {
        return prefix + (++aliases);
    }

    boolean chance(double p) {
        return random.nextDouble() < p;
    }

    int between(int from, int to) {
        return from + random.nextInt(to - from + 1);
    }

    <T> T pick(List<T> items) {
        return items.get(random.nextInt(items.size()));
    }

    Type anyType() {
        double r = random.nextDouble();
        return r < 0.5 ? Type.TEXT : r < 0.75 ? Type.INT : r < 0.88 ? Type.NUM : Type.DATE;
    }

    void feature(String f) {
        features.add(f);
    }

    /** Runs {@code body} with {@link #clause} set, restoring it afterwards. */
    <T> T in(String clauseName, java.util.function.Supplier<T> body) {
        String saved = clause;
        clause = clauseName;
        try {
            return body.get();
        } finally {
            clause = saved;
        }
    }

    /** Opens a nested query level that may reference the enclosing ones; close it with {@link #pop}. */
    Scope push() {
        return push(false);
    }

    /**
     * Opens a nested query level; {@code opaque} for derived tables and CTEs, which cannot reference the enclosing
     * query.
     */
    Scope push(boolean opaque) {
        Scope saved = scope;
        scope = new Scope(opaque ? null : saved);
        depth++;
        return saved;
    }

    /** A node and whether generating it referenced a sensitive column. */
    record Tracked(Sql sql, boolean sensitive) {
    }

    /** Generates with sensitivity tracked separately (and still added to the unit's). */
    Tracked track(java.util.function.Supplier<Sql> body) {
        boolean saved = sensitive;
        sensitive = false;
        Sql out = body.get();
        boolean touched = sensitive;
        sensitive = saved || touched;
        return new Tracked(out, touched);
    }

    void pop(Scope saved) {
        scope = saved;
        depth--;
    }

    /** A reference to a column of the wanted type in scope (sometimes of an outer level), or null if none fits. */
    String columnRef(Type type) {
        List<String> refs = new ArrayList<>();
        List<Boolean> sens = new ArrayList<>();
        List<Boolean> outer = new ArrayList<>();
        int level = 0;
        for (Scope s = scope; s != null; s = s.parent, level++) {
            if (level > 0 && !chance(0.25)) {
                continue; // correlated references now and then
            }
            for (Relation r : s.relations) {
                for (RelColumn c : r.columns()) {
                    if (c.type() == type && !(avoidSensitive && c.sensitive())) {
                        refs.add(r.ref(c));
                        sens.add(c.sensitive());
                        outer.add(level > 0);
                    }
                }
            }
        }
        if (refs.isEmpty()) {
            return null;
        }
        // aim at sensitive columns half of the time
        List<Integer> sensitiveIdx = new ArrayList<>();
        for (int i = 0; i < refs.size(); i++) {
            if (sens.get(i)) {
                sensitiveIdx.add(i);
            }
        }
        int i = !sensitiveIdx.isEmpty() && chance(0.5) ? pick(sensitiveIdx) : random.nextInt(refs.size());
        if (sens.get(i)) {
            sensitive = true;
            features.add("sens@" + clause);
        }
        if (outer.get(i)) {
            features.add("correlated");
        }
        return refs.get(i);
    }

    /** Marks that a sensitive column is used (e.g. by {@code *} over a table that has one). */
    void touch(boolean sensitiveColumn) {
        if (sensitiveColumn) {
            sensitive = true;
            features.add("sens@" + clause);
        }
    }

    /** Relation columns of a base table. */
    static List<RelColumn> columnsOf(FuzzSchema.Table t) {
        List<RelColumn> out = new ArrayList<>();
        for (FuzzSchema.Column c : t.columns()) {
            out.add(new RelColumn(c.name(), c.type(), c.sensitive()));
        }
        return out;
    }
}
