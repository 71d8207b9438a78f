package dev.veil.analyzer;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * The statement corpus: {@code corpus/*.sql} files of cases with their expected analyses.
 *
 * <pre>
 * -- dialect: postgresql          (file header; also: -- catalog: tpch)
 * -- case: a name
 * -- kind: QUERY/SELECT           (kind, optionally /type)
 * -- out: label = users.id        (= copy, ~ derived; every output in order; "-- out: none" for no outputs)
 * -- reads: users, orders         (exact set of relations read, by name)
 * -- writes: audit_log
 * -- flow: audit_log.email ~ users.email   (every write flow, any order)
 * -- use: WHERE users.ssn         (a column use with that clause reading that column)
 * -- nouse: ORDER_BY users.ssn    (no column use with that clause reads that column)
 * -- fn: lower SCALAR
 * -- hazard: EXPORT               ("-- hazards: none" for none)
 * -- whole: users                 (a whole-row reference carrying a column of users)
 * -- bound: 10
 * -- routine: my_proc             (the routine a CALL or CALL_FUNCTION calls)
 * -- unknown: text                (UNKNOWN, with the text in its reason)
 * -- statements: 2                (number of statements; expectations apply to the first)
 * SELECT …
 * </pre>
 */
final class Corpus {

    record Case(String file, String name, Dialect dialect, boolean tpch, String sql, List<String[]> expectations) {
        @Override
        public String toString() {
            return file + ": " + name;
        }

        Catalog catalog() {
            return tpch ? TestCatalogs.tpch(dialect) : TestCatalogs.of(dialect);
        }
    }

    private Corpus() { }

    static Stream<Case> cases() {
        List<Case> all = new ArrayList<>();
        try {
            URL dir = Corpus.class.getResource("/corpus");
            if (dir == null) throw new IllegalStateException("no corpus directory");
            try (Stream<Path> files = Files.list(Path.of(dir.toURI()))) {
                for (Path p : files.sorted().toList()) {
                    if (p.toString().endsWith(".sql")) all.addAll(read(p.getFileName().toString(),
                            Files.readString(p)));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
        return all.stream();
    }

    static String resource(String name) {
        try (InputStream in = Corpus.class.getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<Case> read(String file, String text) {
        List<Case> out = new ArrayList<>();
        Dialect dialect = null;
        boolean tpch = false;
        String name = null;
        List<String[]> exp = new ArrayList<>();
        StringBuilder sql = new StringBuilder();
        for (String line : text.split("\n", -1)) {
            String t = line.strip();
            if (t.startsWith("-- dialect:")) {
                dialect = Dialect.valueOf(t.substring(11).strip().toUpperCase(Locale.ROOT));
            } else if (t.startsWith("-- catalog:")) {
                tpch = t.substring(11).strip().equals("tpch");
            } else if (t.startsWith("-- case:")) {
                if (name != null) out.add(new Case(file, name, dialect, tpch, sql.toString().strip(), exp));
                name = t.substring(8).strip();
                exp = new ArrayList<>();
                sql = new StringBuilder();
            } else if (name != null && sql.length() == 0 && t.matches("-- [a-z+]+:.*")) {
                int colon = t.indexOf(':');
                exp.add(new String[] {t.substring(3, colon), t.substring(colon + 1).strip()});
            } else if (name != null) {
                sql.append(line).append('\n');
            }
        }
        if (name != null) out.add(new Case(file, name, dialect, tpch, sql.toString().strip(), exp));
        for (Case c : out) {
            if (c.dialect() == null) throw new IllegalStateException(file + " has no dialect header");
            if (c.sql().isEmpty()) throw new IllegalStateException(file + ": case " + c.name() + " has no SQL");
        }
        return out;
    }
}
