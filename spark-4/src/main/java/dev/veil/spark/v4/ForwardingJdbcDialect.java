package dev.veil.spark.v4;

import java.sql.Connection;
import java.sql.Date;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import org.apache.spark.sql.AnalysisException;
import org.apache.spark.sql.connector.catalog.Identifier;
import org.apache.spark.sql.connector.catalog.TableChange;
import org.apache.spark.sql.connector.catalog.functions.UnboundFunction;
import org.apache.spark.sql.connector.catalog.index.TableIndex;
import org.apache.spark.sql.connector.expressions.Expression;
import org.apache.spark.sql.connector.expressions.NamedReference;
import org.apache.spark.sql.connector.expressions.aggregate.AggregateFunc;
import org.apache.spark.sql.execution.datasources.jdbc.JDBCOptions;
import org.apache.spark.sql.execution.datasources.jdbc.JdbcOptionsInWrite;
import org.apache.spark.sql.execution.datasources.v2.TableSampleInfo;
import org.apache.spark.sql.jdbc.JdbcDialect;
import org.apache.spark.sql.jdbc.JdbcSQLQueryBuilder;
import org.apache.spark.sql.jdbc.JdbcType;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.MetadataBuilder;
import org.apache.spark.sql.types.StructField;
import scala.Function1;
import scala.Option;
import scala.Tuple2;
import scala.collection.immutable.Map;
import scala.collection.immutable.Seq;

/**
 * A {@link JdbcDialect} that forwards every method JdbcDialect declares (its logging aside) to {@link #delegate()}.
 * Generated from Spark 4.2.0 by reflection; {@code ForwardingJdbcDialectTest} proves that no method is
 * left out. {@code canHandle} is the subclass's own.
 */
@SuppressWarnings({"checkstyle:ParameterNumber", "deprecation"})
abstract class ForwardingJdbcDialect extends JdbcDialect {

    private static final long serialVersionUID = 1L;

    /** The dialect every call goes to. */
    protected abstract JdbcDialect delegate();

    @Override
    public String[] alterTable(String a0, Seq<TableChange> a1, int a2) {
        return delegate().alterTable(a0, a1, a2);
    }

    @Override
    public void beforeFetch(Connection a0, JDBCOptions a1) {
        delegate().beforeFetch(a0, a1);
    }

    @Override
    public void beforeFetch(Connection a0, Map<String, String> a1) {
        delegate().beforeFetch(a0, a1);
    }

    @Override
    public AnalysisException classifyException(String a0, Throwable a1) {
        return delegate().classifyException(a0, a1);
    }

    @Override
    public Throwable classifyException(Throwable a0, String a1, Map<String, String> a2, String a3, boolean a4) {
        return delegate().classifyException(a0, a1, a2, a3, a4);
    }

    @Override
    public Option<String> compileAggregate(AggregateFunc a0) {
        return delegate().compileAggregate(a0);
    }

    @Override
    public Option<String> compileExpression(Expression a0) {
        return delegate().compileExpression(a0);
    }

    @Override
    public Option<String> compileTableSample(TableSampleInfo a0) {
        return delegate().compileTableSample(a0);
    }

    @Override
    public Object compileValue(Object a0) {
        return delegate().compileValue(a0);
    }

    @Override
    public Date convertJavaDateToDate(Date a0) {
        return delegate().convertJavaDateToDate(a0);
    }

    @Override
    public LocalDateTime convertJavaTimestampToTimestampNTZ(Timestamp a0) {
        return delegate().convertJavaTimestampToTimestampNTZ(a0);
    }

    @Override
    public Timestamp convertJavaTimestampToTimestamp(Timestamp a0) {
        return delegate().convertJavaTimestampToTimestamp(a0);
    }

    @Override
    public Timestamp convertTimestampNTZToJavaTimestamp(LocalDateTime a0) {
        return delegate().convertTimestampNTZToJavaTimestamp(a0);
    }

    @Override
    public Function1<Object, Connection> createConnectionFactory(JDBCOptions a0) {
        return delegate().createConnectionFactory(a0);
    }

    @Override
    public String createIndex(
            String a0,
            Identifier a1,
            NamedReference[] a2,
            java.util.Map<NamedReference, java.util.Map<String, String>> a3,
            java.util.Map<String, String> a4) {
        return delegate().createIndex(a0, a1, a2, a3, a4);
    }

    @Override
    public void createSchema(Statement a0, String a1, String a2) {
        delegate().createSchema(a0, a1, a2);
    }

    @Override
    public void createTable(Statement a0, String a1, String a2, JdbcOptionsInWrite a3) {
        delegate().createTable(a0, a1, a2, a3);
    }

    @Override
    public String dropIndex(String a0, Identifier a1) {
        return delegate().dropIndex(a0, a1);
    }

    @Override
    public String dropSchema(String a0, boolean a1) {
        return delegate().dropSchema(a0, a1);
    }

    @Override
    public String dropTable(String a0) {
        return delegate().dropTable(a0);
    }

    @Override
    public String escapeSql(String a0) {
        return delegate().escapeSql(a0);
    }

    @Override
    public Seq<Tuple2<String, UnboundFunction>> functions() {
        return delegate().functions();
    }

    @Override
    public String getAddColumnQuery(String a0, String a1, String a2) {
        return delegate().getAddColumnQuery(a0, a1, a2);
    }

    @Override
    public Option<DataType> getCatalystType(int a0, String a1, int a2, MetadataBuilder a3) {
        return delegate().getCatalystType(a0, a1, a2, a3);
    }

    @Override
    public long getDayTimeIntervalAsMicros(String a0) {
        return delegate().getDayTimeIntervalAsMicros(a0);
    }

    @Override
    public String getDeleteColumnQuery(String a0, String a1) {
        return delegate().getDeleteColumnQuery(a0, a1);
    }

    @Override
    public int getFetchSize(JDBCOptions a0) {
        return delegate().getFetchSize(a0);
    }

    @Override
    public String getFullyQualifiedQuotedTableName(Identifier a0) {
        return delegate().getFullyQualifiedQuotedTableName(a0);
    }

    @Override
    public Option<JdbcType> getJDBCType(DataType a0) {
        return delegate().getJDBCType(a0);
    }

    @Override
    public JdbcSQLQueryBuilder getJdbcSQLQueryBuilder(JDBCOptions a0) {
        return delegate().getJdbcSQLQueryBuilder(a0);
    }

    @Override
    public String getLimitClause(Integer a0) {
        return delegate().getLimitClause(a0);
    }

    @Override
    public String getOffsetClause(Integer a0) {
        return delegate().getOffsetClause(a0);
    }

    @Override
    public String getRenameColumnQuery(String a0, String a1, String a2, int a3) {
        return delegate().getRenameColumnQuery(a0, a1, a2, a3);
    }

    @Override
    public String getSchemaCommentQuery(String a0, String a1) {
        return delegate().getSchemaCommentQuery(a0, a1);
    }

    @Override
    public String getSchemaQuery(String a0) {
        return delegate().getSchemaQuery(a0);
    }

    @Override
    public String getTableCommentQuery(String a0, String a1) {
        return delegate().getTableCommentQuery(a0, a1);
    }

    @Override
    public String getTableExistsQuery(String a0) {
        return delegate().getTableExistsQuery(a0);
    }

    @Override
    public String getTableSample(TableSampleInfo a0) {
        return delegate().getTableSample(a0);
    }

    @Override
    public Option<Object> getTruncateQuery$default$2() {
        return delegate().getTruncateQuery$default$2();
    }

    @Override
    public String getTruncateQuery(String a0, Option<Object> a1) {
        return delegate().getTruncateQuery(a0, a1);
    }

    @Override
    public String getTruncateQuery(String a0) {
        return delegate().getTruncateQuery(a0);
    }

    @Override
    public String getUpdateColumnNullabilityQuery(String a0, String a1, boolean a2) {
        return delegate().getUpdateColumnNullabilityQuery(a0, a1, a2);
    }

    @Override
    public String getUpdateColumnTypeQuery(String a0, String a1, String a2) {
        return delegate().getUpdateColumnTypeQuery(a0, a1, a2);
    }

    @Override
    public int getYearMonthIntervalAsMonths(String a0) {
        return delegate().getYearMonthIntervalAsMonths(a0);
    }

    @Override
    public boolean indexExists(Connection a0, String a1, Identifier a2, JDBCOptions a3) {
        return delegate().indexExists(a0, a1, a2, a3);
    }

    @Override
    public String insertIntoTable(String a0, StructField[] a1) {
        return delegate().insertIntoTable(a0, a1);
    }

    @Override
    public Option<Object> isCascadingTruncateTable() {
        return delegate().isCascadingTruncateTable();
    }

    @Override
    public boolean isObjectNotFoundException(SQLException a0) {
        return delegate().isObjectNotFoundException(a0);
    }

    @Override
    public boolean isSupportedFunction(String a0) {
        return delegate().isSupportedFunction(a0);
    }

    @Override
    public boolean isSyntaxErrorBestEffort(SQLException a0) {
        return delegate().isSyntaxErrorBestEffort(a0);
    }

    @Override
    public TableIndex[] listIndexes(Connection a0, Identifier a1, JDBCOptions a2) {
        return delegate().listIndexes(a0, a1, a2);
    }

    @Override
    public String[][] listSchemas(Connection a0, JDBCOptions a1) {
        return delegate().listSchemas(a0, a1);
    }

    @Override
    public String quoteIdentifier(String a0) {
        return delegate().quoteIdentifier(a0);
    }

    @Override
    public String removeSchemaCommentQuery(String a0) {
        return delegate().removeSchemaCommentQuery(a0);
    }

    @Override
    public String renameTable(String a0, String a1) {
        return delegate().renameTable(a0, a1);
    }

    @Override
    public String renameTable(Identifier a0, Identifier a1) {
        return delegate().renameTable(a0, a1);
    }

    @Override
    public boolean schemasExists(Connection a0, JDBCOptions a1, String a2) {
        return delegate().schemasExists(a0, a1, a2);
    }

    @Override
    public boolean supportsHint() {
        return delegate().supportsHint();
    }

    @Override
    public boolean supportsJoin() {
        return delegate().supportsJoin();
    }

    @Override
    public boolean supportsLimit() {
        return delegate().supportsLimit();
    }

    @Override
    public boolean supportsOffset() {
        return delegate().supportsOffset();
    }

    @Override
    public boolean supportsTableSample() {
        return delegate().supportsTableSample();
    }

    @Override
    public void updateExtraColumnMeta(Connection a0, ResultSetMetaData a1, int a2, MetadataBuilder a3) {
        delegate().updateExtraColumnMeta(a0, a1, a2, a3);
    }
}
