package dev.veil.benchmarks;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import dev.veil.analyzer.Analysis;
import dev.veil.analyzer.Catalog;
import dev.veil.analyzer.Dialect;
import dev.veil.analyzer.InMemoryCatalog;
import dev.veil.analyzer.SqlAnalyzer;

/**
 * Analysis time on the 22 TPC-H queries: uncached (lexing, parsing, resolution and, when on, the Calcite
 * cross-check) and a cache hit. Sample-time mode reports the median (p0.50) over all queries.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class AnalyzerBenchmark {

    /**
     * The Calcite cross-check: {@code off}; {@code eager}, run with every new statement shape; {@code deferred}, as the
     * driver uses it — left for the caller to ask for where a query reads a sensitive column it does not already
     * touch (none of the TPC-H catalog's, so the driver never asks here).
     */
    @Param({"off", "eager", "deferred"})
    public String crossCheck;

    private SqlAnalyzer analyzer;
    private Catalog catalog;
    private List<String> queries;
    private List<char[]> chars;
    private int next;

    @Setup(Level.Trial)
    public void setUp() {
        analyzer = new SqlAnalyzer(SqlAnalyzer.Options.defaults().withCrossCheck(!crossCheck.equals("off"))
                .withDeferredCrossCheck(crossCheck.equals("deferred")));
        catalog = tpchCatalog();
        queries = tpchQueries();
        chars = queries.stream().map(String::toCharArray).toList();
        for (String q : queries) {
            if (analyzer.analyze(q, Dialect.POSTGRESQL, catalog).isUnknown()) {
                throw new IllegalStateException("benchmark query not understood: " + q);
            }
        }
    }

    /** The queries in turn, so that no single query's cost dominates. */
    private int nextIndex() {
        int index = next;
        next = (index + 1) % queries.size();
        return index;
    }

    /** One TPC-H query per call, in turn, with nothing cached: lexing, parsing, resolution, Calcite when on. */
    @Benchmark
    public Analysis uncached() {
        String q = queries.get(nextIndex());
        return new SqlAnalyzer(analyzer.options()).analyzeUncached(q, Dialect.POSTGRESQL, catalog);
    }

    /**
     * The analysis is computed again but Calcite's answer is reused: what a statement differing from an earlier one
     * only in literals costs (Spark partition reads).
     */
    @Benchmark
    public Analysis uncachedSameShape() {
        String q = queries.get(nextIndex());
        return analyzer.analyzeUncached(q, Dialect.POSTGRESQL, catalog);
    }

    /** A cache hit: the key is the SQL text, dialect, catalog identity and version. */
    @Benchmark
    @OutputTimeUnit(TimeUnit.NANOSECONDS)
    public Analysis cached() {
        String q = queries.get(nextIndex());
        return analyzer.analyze(q, Dialect.POSTGRESQL, catalog);
    }

    /** A cache hit for a new but equal String (its hash not yet computed), copy included. */
    @Benchmark
    @OutputTimeUnit(TimeUnit.NANOSECONDS)
    public Analysis cachedNewString() {
        String q = new String(chars.get(nextIndex()));
        return analyzer.analyze(q, Dialect.POSTGRESQL, catalog);
    }

    static List<String> tpchQueries() {
        try (InputStream in = AnalyzerBenchmark.class.getResourceAsStream("/tpch-queries.sql")) {
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            List<String> out = new ArrayList<>();
            for (String part : text.split(";\\s*\\n")) {
                String q = part.lines().filter(l -> !l.startsWith("--")).reduce("", (a, b) -> a + b + "\n").strip();
                if (!q.isEmpty()) out.add(q);
            }
            if (out.size() != 22) throw new IllegalStateException("expected 22 TPC-H queries, found " + out.size());
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Catalog tpchCatalog() {
        return InMemoryCatalog.builder("tpch").version(1).currentCatalog("bench").searchPath("public")
                .table("public", "region", "r_regionkey integer", "r_name char", "r_comment varchar")
                .table("public", "nation", "n_nationkey integer", "n_name char", "n_regionkey integer",
                        "n_comment varchar")
                .table("public", "part", "p_partkey integer", "p_name varchar", "p_mfgr char", "p_brand char",
                        "p_type varchar", "p_size integer", "p_container char", "p_retailprice decimal",
                                "p_comment varchar")
                .table("public", "supplier", "s_suppkey integer", "s_name char", "s_address varchar",
                        "s_nationkey integer", "s_phone char", "s_acctbal decimal", "s_comment varchar")
                .table("public", "partsupp", "ps_partkey integer", "ps_suppkey integer", "ps_availqty integer",
                        "ps_supplycost decimal", "ps_comment varchar")
                .table("public", "customer", "c_custkey integer", "c_name varchar", "c_address varchar",
                        "c_nationkey integer", "c_phone char", "c_acctbal decimal", "c_mktsegment char",
                                "c_comment varchar")
                .table("public", "orders", "o_orderkey integer", "o_custkey integer", "o_orderstatus char",
                        "o_totalprice decimal", "o_orderdate date", "o_orderpriority char", "o_clerk char",
                        "o_shippriority integer", "o_comment varchar")
                .table("public", "lineitem", "l_orderkey integer", "l_partkey integer", "l_suppkey integer",
                        "l_linenumber integer", "l_quantity decimal", "l_extendedprice decimal", "l_discount decimal",
                        "l_tax decimal", "l_returnflag char", "l_linestatus char", "l_shipdate date",
                        "l_commitdate date", "l_receiptdate date", "l_shipinstruct char", "l_shipmode char",
                        "l_comment varchar")
                .build();
    }
}
