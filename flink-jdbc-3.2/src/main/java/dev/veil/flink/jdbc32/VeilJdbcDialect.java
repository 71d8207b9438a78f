package dev.veil.flink.jdbc32;

import java.util.Optional;
import org.apache.flink.connector.jdbc.converter.JdbcRowConverter;
import org.apache.flink.connector.jdbc.dialect.JdbcDialect;
import org.apache.flink.table.api.ValidationException;
import org.apache.flink.table.types.logical.RowType;

/**
 * The connector's dialect for the wrapped URL, every method forwarded to it, but for the default driver: Veil's, so
 * that a table declared with only {@code 'url' = 'jdbc:veil:…'} connects through Veil. Serializable as the
 * connector's dialects are: it travels with the job to the task managers.
 */
public final class VeilJdbcDialect implements JdbcDialect {

    /** Named, not referenced: this module does not depend on the driver, whose self-contained jar carries it. */
    static final String VEIL_DRIVER = "dev.veil.driver.VeilDriver";

    private static final long serialVersionUID = 1L;

    private final JdbcDialect vendor;

    public VeilJdbcDialect(JdbcDialect vendor) {
        this.vendor = vendor;
    }

    /** The dialect answering for Veil. */
    public JdbcDialect vendor() {
        return vendor;
    }

    @Override
    public Optional<String> defaultDriverName() {
        return Optional.of(VEIL_DRIVER);
    }

    @Override
    public String dialectName() {
        return vendor.dialectName();
    }

    @Override
    public JdbcRowConverter getRowConverter(RowType rowType) {
        return vendor.getRowConverter(rowType);
    }

    @Override
    public String getLimitClause(long limit) {
        return vendor.getLimitClause(limit);
    }

    @Override
    public void validate(RowType rowType) throws ValidationException {
        vendor.validate(rowType);
    }

    @Override
    public String quoteIdentifier(String identifier) {
        return vendor.quoteIdentifier(identifier);
    }

    @Override
    public Optional<String> getUpsertStatement(String tableName, String[] fieldNames, String[] uniqueKeyFields) {
        return vendor.getUpsertStatement(tableName, fieldNames, uniqueKeyFields);
    }

    @Override
    public String getRowExistsStatement(String tableName, String[] conditionFields) {
        return vendor.getRowExistsStatement(tableName, conditionFields);
    }

    @Override
    public String getInsertIntoStatement(String tableName, String[] fieldNames) {
        return vendor.getInsertIntoStatement(tableName, fieldNames);
    }

    @Override
    public String getUpdateStatement(String tableName, String[] fieldNames, String[] conditionFields) {
        return vendor.getUpdateStatement(tableName, fieldNames, conditionFields);
    }

    @Override
    public String getDeleteStatement(String tableName, String[] conditionFields) {
        return vendor.getDeleteStatement(tableName, conditionFields);
    }

    @Override
    public String getSelectFromStatement(String tableName, String[] selectFields, String[] conditionFields) {
        return vendor.getSelectFromStatement(tableName, selectFields, conditionFields);
    }

    /** The vendor's own URL defaults (MySQL's batched rewrites), on the Veil URL. */
    @Override
    public String appendDefaultUrlProperties(String url) {
        return vendor.appendDefaultUrlProperties(url);
    }
}
