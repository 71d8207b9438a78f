package dev.veil.cli;

import dev.veil.analyzer.Analysis;
import dev.veil.analyzer.Catalog;
import dev.veil.analyzer.Dialect;
import dev.veil.analyzer.Relation;
import dev.veil.analyzer.SqlAnalyzer;
import dev.veil.analyzer.StatementAnalysis;
import dev.veil.driver.VeilUrl;
import dev.veil.driver.session.Engine;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/** SQL read from a file or standard input, and split into statements where Veil's analyzer splits them. */
final class SqlScript {

    /** The file name that stands for standard input. */
    static final String STDIN = "-";

    /** Splitting needs the lexer's boundaries only: no cross-check, no cache, no length limit. */
    private static final SqlAnalyzer SPLITTER = new SqlAnalyzer(new SqlAnalyzer.Options(
            SqlAnalyzer.Options.defaults().parseTimeout(), SqlAnalyzer.Options.defaults().maxNestingDepth(),
            false, 0, Integer.MAX_VALUE));

    private SqlScript() {
    }

    /** The text of {@code file}, or of standard input when it is {@code -}. */
    static String read(Path file, InputStream stdin) throws Unreadable {
        try {
            if (file.toString().equals(STDIN)) {
                return new String(stdin.readAllBytes(), StandardCharsets.UTF_8);
            }
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new Unreadable("veil: cannot read " + file.toAbsolutePath() + ": no such file");
        } catch (IOException e) {
            throw new Unreadable("veil: cannot read " + (file.toString().equals(STDIN) ? "standard input"
                    : file.toAbsolutePath()) + ": " + e.getMessage());
        }
    }

    /** SQL that could not be read; the message names the file and why. */
    static final class Unreadable extends Exception {
        private static final long serialVersionUID = 1L;

        Unreadable(String message) {
            super(message);
        }
    }

    /**
     * The statements of {@code script}, in order, split at the semicolons that end statements as the database of
     * {@code url} reads them (not those in strings, comments or dollar-quoted bodies). Text the analyzer cannot lex,
     * or a URL of an engine Veil does not know, stays one piece: Veil then refuses it with the reason.
     */
    static List<String> statements(String script, String url) throws SQLException {
        if (script.isBlank()) {
            return List.of();
        }
        Optional<Dialect> dialect = Engine.ofUrl(VeilUrl.parse(VeilUrl.wrapping(url)).targetUrl())
                .map(Engine::sqlDialect);
        if (dialect.isEmpty()) {
            return List.of(script);
        }
        Analysis analysis = SPLITTER.analyze(script, dialect.get(), NO_TABLES);
        return analysis.statements().stream().map(StatementAnalysis::text).map(String::strip).toList();
    }

    /** Boundaries do not depend on the catalog. */
    private static final Catalog NO_TABLES = new Catalog() {
        @Override
        public String identity() {
            return "veil-cli-script";
        }

        @Override
        public long version() {
            return 0;
        }

        @Override
        public String currentCatalog() {
            return null;
        }

        @Override
        public List<String> searchPath() {
            return List.of();
        }

        @Override
        public Optional<Relation> relation(String catalog, String schema, String name) {
            return Optional.empty();
        }

        @Override
        public boolean isUserDefinedFunction(String schema, String name) {
            return false;
        }
    };
}
