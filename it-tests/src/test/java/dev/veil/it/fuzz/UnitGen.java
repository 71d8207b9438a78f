package dev.veil.it.fuzz;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Picks a construct family for each unit (by weight) and has its generator build it. A third of the queries and
 * writes are generated without any sensitive column, for the transparency oracle. Deterministic: the same seed gives
 * the same unit on the same engine.
 */
final class UnitGen {

    private UnitGen() {
    }

    private record Family(int weight, Function<GenContext, Unit> generator) {
    }

    private static final Map<String, Family> FAMILIES = new LinkedHashMap<>();

    static {
        FAMILIES.put("query.select", new Family(30, c -> query(c, "query.select",
                QueryGen.select(c, null, QueryGen.Position.TOP))));
        FAMILIES.put("query.setop", new Family(8, c -> query(c, "query.setop",
                SetOpGen.query(c, QueryGen.Position.TOP))));
        FAMILIES.put("query.cte", new Family(7, c -> query(c, "query.cte", CteGen.query(c))));
        FAMILIES.put("query.cte-recursive", new Family(4, c -> query(c, "query.cte-recursive", CteGen.recursive(c))));
        FAMILIES.put("dml.insert-select", new Family(4, c -> dml(c, DmlGen.insertSelect(c))));
        FAMILIES.put("dml.insert-values", new Family(2, c -> dml(c, DmlGen.insertValues(c))));
        FAMILIES.put("dml.update-scratch", new Family(3, c -> dml(c, DmlGen.updateScratch(c))));
        FAMILIES.put("dml.update-join", new Family(2, c -> dml(c, DmlGen.updateJoin(c))));
        FAMILIES.put("dml.update-table", new Family(3, c -> dml(c, DmlGen.updateTable(c))));
        FAMILIES.put("dml.insert-copies", new Family(2, c -> dml(c, DmlGen.insertCopies(c))));
        FAMILIES.put("dml.delete", new Family(3, c -> dml(c, DmlGen.delete(c))));
        FAMILIES.put("dml.upsert", new Family(2, c -> dml(c, WriteVariantsGen.upsert(c))));
        FAMILIES.put("dml.merge", new Family(2, c -> dml(c, WriteVariantsGen.merge(c))));
        FAMILIES.put("dml.modifying-cte", new Family(2, c -> dml(c, WriteVariantsGen.modifyingCte(c))));
        FAMILIES.put("query.explain", new Family(2, c -> query(c, "query.explain", WriteVariantsGen.explain(c))));
        FAMILIES.put("ddl.create-select", new Family(1, c -> ddl(c, WriteVariantsGen.createSelect(c))));
        FAMILIES.put("ddl.create-table-as", new Family(2, c -> ddl(c, DdlGen.createTableAs(c))));
        FAMILIES.put("ddl.create-view", new Family(2, c -> ddl(c, DdlGen.createView(c))));
        FAMILIES.put("ddl.materialized-view", new Family(1, c -> ddl(c, DdlGen.materializedView(c))));
        FAMILIES.put("ddl.generated-column", new Family(1, c -> ddl(c, DdlGen.generatedColumn(c))));
        FAMILIES.put("ddl.rename-column", new Family(1, c -> ddl(c, DdlGen.renameColumn(c))));
        FAMILIES.put("ddl.check", new Family(1, c -> ddl(c, DdlGen.checkConstraint(c))));
        FAMILIES.put("ddl.index", new Family(1, c -> ddl(c, DdlGen.index(c))));
        FAMILIES.put("ddl.default-copy", new Family(1, c -> ddl(c, DdlGen.defaultAndCopy(c))));
        FAMILIES.put("probe", new Family(20, ProbeGen::probe));
    }

    /** The unit number {@code index} of the run with {@code seed} on the dialect's engine. */
    static Unit generate(long seed, long index, FuzzDialect dialect) {
        long unitSeed = mix(seed, index, dialect.engine().ordinal());
        java.util.Random pick = new java.util.Random(unitSeed);
        boolean avoidSensitive = pick.nextDouble() < 0.33;
        for (int attempt = 0; ; attempt++) {
            String name = choose(pick);
            GenContext c = new GenContext(unitSeed + attempt, dialect, avoidSensitive && !name.startsWith("probe")
                    && !name.equals("ddl.rename-column"));
            Unit u = FAMILIES.get(name).generator().apply(c);
            if (u != null) {
                return u;
            }
        }
    }

    static List<String> families() {
        return List.copyOf(FAMILIES.keySet());
    }

    private static String choose(java.util.Random r) {
        int total = FAMILIES.values().stream().mapToInt(Family::weight).sum();
        int x = r.nextInt(total);
        for (Map.Entry<String, Family> e : FAMILIES.entrySet()) {
            x -= e.getValue().weight();
            if (x < 0) {
                return e.getKey();
            }
        }
        throw new IllegalStateException();
    }

    private static long mix(long seed, long index, int engine) {
        long z = seed * 0x9E3779B97F4A7C15L + index * 0xBF58476D1CE4E5B9L + engine * 0x94D049BB133111EBL;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    private static Unit query(GenContext c, String family, QueryGen.Query q) {
        return new Unit(family, Unit.Kind.QUERY, q.sql(), List.of(), c.features, c.sensitive, q.fullyOrdered(), false,
                false, null);
    }

    private static Unit dml(GenContext c, DmlGen.Dml d) {
        if (d == null) {
            return null;
        }
        return new Unit(d.family(), Unit.Kind.DML, d.statement(), d.readbacks(), c.features, c.sensitive, false,
                d.generatedKeys(), false, null);
    }

    private static Unit ddl(GenContext c, DdlGen.Ddl d) {
        if (d == null) {
            return null;
        }
        return new Unit(d.family(), Unit.Kind.DDL, d.statement(), d.readbacks(), c.features, c.sensitive, false,
                false, d.restoreSchema(), null);
    }
}
