package dev.veil.analyzer;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every corpus statement is analyzed and compared with its expected analysis. */
class CorpusTest {

    private static final SqlAnalyzer ANALYZER = new SqlAnalyzer(SqlAnalyzer.Options.defaults().withCrossCheck(false));

    static Stream<Corpus.Case> cases() {
        return Corpus.cases();
    }

    @Test
    void corpusIsLargeAndCoversEveryDialect() {
        List<Corpus.Case> all = Corpus.cases().toList();
        assertThat(all).hasSizeGreaterThanOrEqualTo(300);
        for (Dialect d : Dialect.values()) {
            assertThat(all).filteredOn(c -> c.dialect() == d).hasSizeGreaterThanOrEqualTo(50);
        }
        assertThat(all).filteredOn(c -> c.name().startsWith("tpch q")).hasSizeGreaterThanOrEqualTo(22);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void analysisMatches(Corpus.Case c) {
        Analysis a = ANALYZER.analyze(c.sql(), c.dialect(), c.catalog());
        StatementAnalysis s = a.statements().get(0);
        String ctx = c + "\n" + s;
        boolean expectUnknown = false;
        List<String> outs = new ArrayList<>();
        List<String> flows = new ArrayList<>();
        for (String[] e : c.expectations()) {
            String key = e[0];
            String v = e[1];
            switch (key) {
                case "kind" -> {
                    String[] kt = v.split("/");
                    assertThat(s.kind().name()).as(ctx).isEqualTo(kt[0]);
                    if (kt.length > 1) assertThat(s.statementType().label()).as(ctx).isEqualTo(kt[1]);
                }
                case "unknown" -> {
                    expectUnknown = true;
                    assertThat(s.isUnknown()).as(ctx).isTrue();
                    assertThat(s.unknownReason().orElse("")).as(ctx).contains(v);
                }
                case "out" -> outs.add(v);
                case "flow" -> flows.add(v);
                case "reads" -> assertThat(names(s.tablesRead())).as(ctx).isEqualTo(list(v));
                case "writes" -> assertThat(names(s.tablesWritten())).as(ctx).isEqualTo(list(v));
                case "use" -> {
                    String[] p = v.split("\\s+");
                    assertThat(s.columnUses()).as(ctx).anySatisfy(u -> {
                        assertThat(u.clause().name()).isEqualTo(p[0]);
                        assertThat(columns(u.sources())).contains(p[1]);
                    });
                }
                case "nouse" -> {
                    String[] p = v.split("\\s+");
                    assertThat(s.columnUses()).as(ctx).noneSatisfy(u -> {
                        assertThat(u.clause().name()).isEqualTo(p[0]);
                        assertThat(columns(u.sources())).contains(p[1]);
                    });
                }
                case "fn" -> {
                    String[] p = v.split("\\s+");
                    assertThat(s.functions()).as(ctx).contains(new FunctionUse(p[0], FunctionCategory.valueOf(p[1])));
                }
                case "hazard" -> {
                    String[] p = v.split("\\s+", 2);
                    assertThat(s.hazards()).as(ctx).anySatisfy(h -> assertThat(h.kind().name()).isEqualTo(p[0]));
                }
                case "hazards" -> {
                    assertThat(v).isEqualTo("none");
                    assertThat(s.hazards()).as(ctx).isEmpty();
                }
                case "whole" -> assertThat(s.wholeRowReferences()).as(ctx)
                        .anySatisfy(w -> assertThat(names(tables(w.sources()))).contains(v));
                case "routine" -> assertThat(s.routine()).as(ctx).contains(v);
                case "bound" -> assertThat(s.rowBound().orElse(-1)).as(ctx).isEqualTo(Long.parseLong(v));
                case "statements" -> assertThat(a.statements()).as(ctx).hasSize(Integer.parseInt(v));
                default -> throw new IllegalStateException("unknown expectation " + key + " in " + c);
            }
        }
        if (!expectUnknown) {
            assertThat(s.unknownReason()).as(ctx).isEmpty();
        }
        if (!outs.isEmpty()) {
            List<String> actual = s.outputColumns().stream().map(CorpusTest::render).toList();
            List<String> expected = outs.equals(List.of("none")) ? List.of()
                    : outs.stream().map(CorpusTest::normalize).toList();
            assertThat(actual).as(ctx).isEqualTo(expected);
        }
        if (!flows.isEmpty()) {
            Set<String> actual = s.writeFlows().stream().map(f -> f.target().table().name() + "." + f.target().column()
                    + (f.derived() ? " ~" : " =") + (f.sources().isEmpty() ? "" : " " + String.join(", ",
                            columns(f.sources()))))
                    .collect(Collectors.toCollection(TreeSet::new));
            Set<String> expected =
                    flows.stream().map(CorpusTest::normalize).collect(Collectors.toCollection(TreeSet::new));
            assertThat(actual).as(ctx).isEqualTo(expected);
        }
        if (s.outputColumns().stream().anyMatch(o -> o.sources().isEmpty()) && !s.tablesRead().isEmpty()) {
            // allowed only for values computed from no column (constants, count(*)): they are marked derived
            assertThat(s.outputColumns()).filteredOn(o -> o.sources().isEmpty()).allMatch(OutputColumn::derived);
        }
    }

    static String render(OutputColumn o) {
        return o.label() + (o.derived() ? " ~" : " =") + (o.sources().isEmpty() ? "" : " " + String.join(", ",
                columns(o.sources())));
    }

    /** "label = a.x, b.y" with sources sorted, single spaces. */
    static String normalize(String spec) {
        int op = Math.max(spec.lastIndexOf(" = "), spec.lastIndexOf(" ~"));
        String head = spec.substring(0, op + 2).strip();
        String rest = spec.substring(op + 2).strip();
        if (rest.isEmpty()) return head;
        TreeSet<String> src = new TreeSet<>();
        for (String p : rest.split(",")) src.add(p.strip());
        return head + " " + String.join(", ", src);
    }

    static List<String> columns(Set<BaseColumn> cols) {
        return cols.stream().map(b -> b.table().name() + "." + b.column()).sorted().toList();
    }

    static Set<TableName> tables(Set<BaseColumn> cols) {
        return cols.stream().map(BaseColumn::table).collect(Collectors.toSet());
    }

    static Set<String> names(Set<TableName> t) {
        return t.stream().map(TableName::name).collect(Collectors.toCollection(TreeSet::new));
    }

    static Set<String> list(String v) {
        if (v.equals("none")) return new TreeSet<>();
        TreeSet<String> s = new TreeSet<>();
        for (String p : v.split(",")) s.add(p.strip());
        return s;
    }
}
