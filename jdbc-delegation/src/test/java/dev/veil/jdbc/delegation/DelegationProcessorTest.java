package dev.veil.jdbc.delegation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.Proxy;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Array;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DelegationProcessorTest {

    @TempDir
    Path out;

    @Test
    void delegatesEveryOpenMethodAndWrapsGuardedResults() throws Exception {
        String source = """
                package sample;
                import dev.veil.jdbc.delegation.*;
                import java.sql.*;
                @JdbcWrapper(Array.class)
                public abstract class SampleArray implements Array {
                    protected final Array delegate;
                    public int wrapped;
                    protected SampleArray(Array delegate) { this.delegate = delegate; }
                    @WrapsReturned ResultSet wrapResultSet(ResultSet rs) { wrapped++; return rs; }
                    @TranslatesErrors SQLException translate(SQLException e) {
                        return new SQLException("translated", e.getSQLState());
                    }
                    @Override public String getBaseTypeName() { return "overridden"; }
                }
                """;
        Compilation result = compile("sample.SampleArray", source);
        assertThat(result.errors()).isEmpty();

        Array vendor = (Array) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {Array.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "getBaseType" -> 4;
                    case "getResultSet" -> null;
                    case "getArray" -> throw new java.sql.SQLException("raw value", "22P02");
                    default -> null;
                });
        try (URLClassLoader loader = new URLClassLoader(new URL[] {out.toUri().toURL()}, getClass().getClassLoader())) {
            Class<?> impl = loader.loadClass("sample.SampleArrayImpl");
            Constructor<?> constructor = impl.getDeclaredConstructor(Array.class);
            constructor.setAccessible(true);
            Array wrapper = (Array) constructor.newInstance(vendor);
            assertThat(wrapper.getBaseType()).isEqualTo(4);
            assertThat(wrapper.getBaseTypeName()).isEqualTo("overridden");
            wrapper.getResultSet();
            wrapper.getResultSet(1, 2);
            assertThat(impl.getSuperclass().getField("wrapped").getInt(wrapper)).isEqualTo(2);
            assertThatThrownBy(wrapper::getArray).isInstanceOf(java.sql.SQLException.class)
                    .hasMessage("translated").hasFieldOrPropertyWithValue("SQLState", "22P02");
        }
    }

    @Test
    void guardsEveryDelegatedMethodWhoseFirstParameterIsAColumn() throws Exception {
        String source = """
                package sample;
                import dev.veil.jdbc.delegation.*;
                import java.sql.*;
                @JdbcWrapper(ResultSet.class)
                public abstract class Guarded implements ResultSet {
                    protected final ResultSet delegate;
                    public final java.util.List<String> guarded = new java.util.ArrayList<>();
                    protected Guarded(ResultSet delegate) { this.delegate = delegate; }
                    @GuardsColumns(except = {"absolute", "relative", "setFetchDirection", "setFetchSize"})
                    void column(String method, int column) throws SQLException {
                        guarded.add(method + " " + column);
                        if (column == 2) {
                            throw new SQLException("refused " + method);
                        }
                    }
                    @GuardsColumns(except = "findColumn")
                    boolean column(String method, String label) {
                        guarded.add(method + " " + label);
                        return label.equals("nothing");
                    }
                    @WrapsReturned Array array(Array a) { return a; }
                    @TranslatesErrors SQLException translate(SQLException e) {
                        return new SQLException("translated " + e.getMessage());
                    }
                    @Override public Statement getStatement() { return null; }
                    @Override public <T> T unwrap(Class<T> iface) { return null; }
                    @Override public boolean isWrapperFor(Class<?> iface) { return false; }
                }
                """;
        Compilation result = compile("sample.Guarded", source);
        assertThat(result.errors()).isEmpty();
        java.util.List<String> reached = new java.util.ArrayList<>();
        java.sql.ResultSet vendor = (java.sql.ResultSet) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {java.sql.ResultSet.class}, (proxy, method, args) -> {
                    reached.add(method.getName());
                    return method.getReturnType() == int.class ? 7
                            : method.getReturnType() == boolean.class ? Boolean.TRUE : null;
                });
        try (URLClassLoader loader = new URLClassLoader(new URL[] {out.toUri().toURL()}, getClass().getClassLoader())) {
            Class<?> impl = loader.loadClass("sample.GuardedImpl");
            Constructor<?> constructor = impl.getDeclaredConstructor(java.sql.ResultSet.class);
            constructor.setAccessible(true);
            java.sql.ResultSet wrapper = (java.sql.ResultSet) constructor.newInstance(vendor);
            assertThat(wrapper.getInt(3)).isEqualTo(7);
            wrapper.getString("email");
            wrapper.updateString(3, "x");
            wrapper.getArray(1);
            assertThat(wrapper.absolute(2)).isTrue();
            wrapper.setFetchSize(2);
            assertThat(wrapper.findColumn("email")).isEqualTo(7);
            wrapper.next();
            // a guard answering SQL NULL: the type's null, the vendor not reached
            assertThat(wrapper.getLong("nothing")).isZero();
            assertThat(wrapper.getBoolean("nothing")).isFalse();
            assertThat(wrapper.getTimestamp("nothing")).isNull();
            // the guard's refusal is not the vendor's error: it is thrown as it is, and the vendor is not reached
            assertThatThrownBy(() -> wrapper.getBytes(2)).hasMessage("refused getBytes");
            assertThatThrownBy(() -> wrapper.updateNull(2)).hasMessage("refused updateNull");
            assertThat(impl.getSuperclass().getField("guarded").get(wrapper)).isEqualTo(List.of("getInt 3",
                    "getString email", "updateString 3", "getArray 1", "getLong nothing", "getBoolean nothing",
                    "getTimestamp nothing", "getBytes 2", "updateNull 2"));
            assertThat(reached).containsExactly("getInt", "getString", "updateString", "getArray", "absolute",
                    "setFetchSize", "findColumn", "next");
        }
    }

    @Test
    void refusesAGuardThatExemptsAMethodThatDoesNotExist() throws IOException {
        String source = """
                package sample;
                import dev.veil.jdbc.delegation.*;
                import java.sql.*;
                @JdbcWrapper(Array.class)
                public abstract class Bad implements Array {
                    protected final Array delegate;
                    protected Bad(Array delegate) { this.delegate = delegate; }
                    @GuardsColumns(except = "absolute") void column(String method, int column) { }
                    @GuardsColumns void label(String method, long column) { }
                    @WrapsReturned ResultSet wrapResultSet(ResultSet rs) { return rs; }
                    @TranslatesErrors SQLException translate(SQLException e) { return e; }
                }
                """;
        Compilation result = compile("sample.Bad", source);
        assertThat(result.errors()).anyMatch(e -> e.contains("Array has no method absolute"));
        assertThat(result.errors()).anyMatch(e -> e.contains("@GuardsColumns methods are void or boolean guard("));
    }

    @Test
    void refusesToDelegateMethodsThatThrowWithoutATranslation() throws IOException {
        String source = """
                package sample;
                import dev.veil.jdbc.delegation.*;
                import java.sql.*;
                @JdbcWrapper(Array.class)
                public abstract class Bad implements Array {
                    protected final Array delegate;
                    protected Bad(Array delegate) { this.delegate = delegate; }
                    @WrapsReturned ResultSet wrapResultSet(ResultSet rs) { return rs; }
                }
                """;
        assertThat(compile("sample.Bad", source).errors()).anyMatch(e -> e.contains("getBaseType()")
                && e.contains("must declare a @TranslatesErrors method"));
    }

    @Test
    void refusesToDelegateSqlEntryPoints() throws IOException {
        Compilation result = compile("sample.Bad", statementWrapper("""
                @Override public boolean execute(String sql) { return false; }
                """));
        assertThat(result.errors()).anyMatch(e -> e.contains("executeQuery(java.lang.String)")
                && e.contains("must pass through the statement pipeline"));
    }

    @Test
    void refusesToDelegateUnwrap() throws IOException {
        Compilation result = compile("sample.Bad", statementWrapper(""));
        assertThat(result.errors()).anyMatch(e -> e.contains("must implement unwrap itself"));
        assertThat(result.errors()).anyMatch(e -> e.contains("must implement isWrapperFor itself"));
    }

    @Test
    void refusesToHandOutVendorObjectsWithoutAWrapMethod() throws IOException {
        Compilation result = compile("sample.Bad", statementWrapper(""));
        assertThat(result.errors()).anyMatch(e -> e.contains("getConnection()")
                && e.contains("the vendor object must not escape"));
        assertThat(result.errors()).anyMatch(e -> e.contains("getResultSet()"));
    }

    @Test
    void refusesToDelegateExecutionsWithoutSql() throws IOException {
        String source = """
                package sample;
                import dev.veil.jdbc.delegation.*;
                import java.sql.*;
                @JdbcWrapper(PreparedStatement.class)
                public abstract class Bad implements PreparedStatement {
                    protected final PreparedStatement delegate;
                    protected Bad(PreparedStatement delegate) { this.delegate = delegate; }
                }
                """;
        Compilation result = compile("sample.Bad", source);
        assertThat(result.errors()).anyMatch(e -> e.contains("executeUpdate()")
                && e.contains("every execution must pass through the statement pipeline"));
    }

    @Test
    void needsADelegateField() throws IOException {
        String source = """
                package sample;
                import dev.veil.jdbc.delegation.*;
                import java.sql.*;
                @JdbcWrapper(Array.class)
                public abstract class Bad implements Array {
                }
                """;
        assertThat(compile("sample.Bad", source).errors()).anyMatch(e -> e.contains("needs a field 'delegate'"));
    }

    private static String statementWrapper(String body) {
        return """
                package sample;
                import dev.veil.jdbc.delegation.*;
                import java.sql.*;
                @JdbcWrapper(Statement.class)
                public abstract class Bad implements Statement {
                    protected final Statement delegate;
                    protected Bad(Statement delegate) { this.delegate = delegate; }
                """ + body + "}\n";
    }

    private record Compilation(List<String> errors) {
    }

    private Compilation compile(String className, String source) throws IOException {
        Path file = out.resolve("src").resolve(className.replace('.', '/') + ".java");
        Files.createDirectories(file.getParent());
        Files.writeString(file, source);
        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        try (StandardJavaFileManager files = compiler.getStandardFileManager(diagnostics, Locale.ROOT, null)) {
            JavaCompiler.CompilationTask task = compiler.getTask(null, files, diagnostics,
                    List.of("-d", out.toString(), "-s", out.toString(),
                            "-classpath", System.getProperty("java.class.path"),
                            "-implicit:class"),
                    null, files.getJavaFileObjects(file));
            task.setProcessors(List.of(new DelegationProcessor()));
            task.call();
        }
        return new Compilation(diagnostics.getDiagnostics().stream()
                .filter(d -> d.getKind() == Diagnostic.Kind.ERROR)
                .map(d -> d.getMessage(Locale.ROOT))
                .collect(Collectors.toList()));
    }
}
