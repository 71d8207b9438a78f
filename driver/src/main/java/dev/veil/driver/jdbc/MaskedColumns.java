package dev.veil.driver.jdbc;

import dev.veil.driver.errors.VeilErrors;
import dev.veil.driver.pipeline.ColumnMasks;
import dev.veil.jdbc.delegation.GuardsColumns;
import dev.veil.jdbc.delegation.JdbcWrapper;
import dev.veil.jdbc.delegation.TranslatesErrors;
import dev.veil.jdbc.delegation.WrapsReturned;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.sql.Array;
import java.sql.Clob;
import java.sql.NClob;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;

/**
 * The vendor's rows with the columns the driver masks ({@code veil.masking=driver}) replaced by their masked text.
 * The text getters below serve a masked column its masked value (string, characters, bytes, streams, Clob); every
 * other method that takes a column is written by the delegation processor and calls {@link #column(String, int)} or
 * {@link #column(String, String)} first, which refuses a masked column, so that a getter or updater added to
 * {@link ResultSet} later never reaches a masked column raw. The raw value never leaves this class: not in a value,
 * an error, the metadata or {@code unwrap}. Sits under a {@link VeilResultSet}, which translates errors and wraps
 * what leads back to the vendor.
 */
@JdbcWrapper(ResultSet.class)
abstract class MaskedColumns implements ResultSet {

    /** What {@link #wasNull} answers from: the vendor's last read, or the last masked value. */
    private static final byte VENDOR = 0;
    private static final byte MASKED_VALUE = 1;
    private static final byte MASKED_NULL = 2;

    /** The vendor's rows, raw. */
    final ResultSet delegate;
    private final ColumnMasks masks;
    private final Map<String, Integer> columnsByLabel = new HashMap<>();
    private byte lastRead = VENDOR;

    MaskedColumns(ResultSet delegate, ColumnMasks masks) {
        this.delegate = delegate;
        this.masks = masks;
    }

    /**
     * The vendor's result set with {@code masks} applied, once its shape is the one they were decided for: a result
     * whose columns differ (the schema changed under the plan) is refused rather than masking the wrong column.
     */
    static ResultSet wrap(ResultSet vendor, ColumnMasks masks) throws SQLException {
        ResultSetMetaData metaData = vendor.getMetaData();
        boolean sameShape = metaData != null && metaData.getColumnCount() == masks.expectedColumns();
        for (int column : masks.columns()) {
            sameShape = sameShape && metaData.getColumnLabel(column).equalsIgnoreCase(masks.expectedLabel(column));
        }
        if (!sameShape) {
            throw VeilErrors.refused("the result's columns are not the ones Veil's analysis expected: the schema"
                    + " changed since Veil read it; run the statement again (rule: result-shape)");
        }
        return new MaskedColumnsImpl(vendor, masks);
    }

    /** The vendor's result set behind {@code rows} when they are masked here, else null. */
    static ResultSet vendorOf(ResultSet rows) {
        return rows instanceof MaskedColumns masked ? masked.delegate : null;
    }

    // ---- the guard of every generated method that takes a column ---------------------------------------------

    /**
     * A masked column is refused to any method but the text getters below — unless its value is NULL, which a getter
     * of any type reads as NULL (true: the generated method returns null, zero or false), as the SQL masks give it.
     * Updates of a masked column are always refused.
     */
    @GuardsColumns(except = {"absolute", "relative", "setFetchDirection", "setFetchSize"})
    boolean column(String method, int column) throws SQLException {
        return masks.masks(column) ? maskedNull(method, column, column) : vendorRead();
    }

    @GuardsColumns(except = "findColumn")
    boolean column(String method, String label) throws SQLException {
        int column = index(label);
        return masks.masks(column) ? maskedNull(method, column, label) : vendorRead();
    }

    private boolean vendorRead() {
        lastRead = VENDOR;
        return false;
    }

    /** @param named the column as the caller named it, for the refusal */
    private boolean maskedNull(String method, int column, Object named) throws SQLException {
        if (!method.startsWith("update") && masked(column) == null) {
            return true;
        }
        throw refused(method, named);
    }

    /** Errors pass unchanged: the {@link VeilResultSet} above translates them. */
    @TranslatesErrors
    SQLException unchanged(SQLException error) {
        return error;
    }

    /** Arrays pass unchanged: the {@link VeilResultSet} above wraps them. */
    @WrapsReturned
    Array unchanged(Array array) {
        return array;
    }

    // ---- the text getters: the masked value of a masked column, the vendor's of any other ---------------------

    @Override
    public String getString(int columnIndex) throws SQLException {
        return masks.masks(columnIndex) ? masked(columnIndex) : vendor().getString(columnIndex);
    }

    @Override
    public String getString(String columnLabel) throws SQLException {
        int column = index(columnLabel);
        return masks.masks(column) ? masked(column) : vendor().getString(columnLabel);
    }

    @Override
    public String getNString(int columnIndex) throws SQLException {
        return masks.masks(columnIndex) ? masked(columnIndex) : vendor().getNString(columnIndex);
    }

    @Override
    public String getNString(String columnLabel) throws SQLException {
        int column = index(columnLabel);
        return masks.masks(column) ? masked(column) : vendor().getNString(columnLabel);
    }

    @Override
    public Object getObject(int columnIndex) throws SQLException {
        return masks.masks(columnIndex) ? masked(columnIndex) : vendor().getObject(columnIndex);
    }

    @Override
    public Object getObject(String columnLabel) throws SQLException {
        int column = index(columnLabel);
        return masks.masks(column) ? masked(column) : vendor().getObject(columnLabel);
    }

    @Override
    public Object getObject(int columnIndex, Map<String, Class<?>> map) throws SQLException {
        return masks.masks(columnIndex) ? masked(columnIndex) : vendor().getObject(columnIndex, map);
    }

    @Override
    public Object getObject(String columnLabel, Map<String, Class<?>> map) throws SQLException {
        int column = index(columnLabel);
        return masks.masks(column) ? masked(column) : vendor().getObject(columnLabel, map);
    }

    @Override
    public <T> T getObject(int columnIndex, Class<T> type) throws SQLException {
        return masks.masks(columnIndex) ? maskedAs(type, columnIndex, columnIndex)
                : vendor().getObject(columnIndex, type);
    }

    @Override
    public <T> T getObject(String columnLabel, Class<T> type) throws SQLException {
        int column = index(columnLabel);
        return masks.masks(column) ? maskedAs(type, column, columnLabel) : vendor().getObject(columnLabel, type);
    }

    @Override
    public byte[] getBytes(int columnIndex) throws SQLException {
        return masks.masks(columnIndex) ? bytes(masked(columnIndex), StandardCharsets.UTF_8)
                : vendor().getBytes(columnIndex);
    }

    @Override
    public byte[] getBytes(String columnLabel) throws SQLException {
        int column = index(columnLabel);
        return masks.masks(column) ? bytes(masked(column), StandardCharsets.UTF_8) : vendor().getBytes(columnLabel);
    }

    @Override
    public Reader getCharacterStream(int columnIndex) throws SQLException {
        return masks.masks(columnIndex) ? reader(masked(columnIndex)) : vendor().getCharacterStream(columnIndex);
    }

    @Override
    public Reader getCharacterStream(String columnLabel) throws SQLException {
        int column = index(columnLabel);
        return masks.masks(column) ? reader(masked(column)) : vendor().getCharacterStream(columnLabel);
    }

    @Override
    public Reader getNCharacterStream(int columnIndex) throws SQLException {
        return masks.masks(columnIndex) ? reader(masked(columnIndex)) : vendor().getNCharacterStream(columnIndex);
    }

    @Override
    public Reader getNCharacterStream(String columnLabel) throws SQLException {
        int column = index(columnLabel);
        return masks.masks(column) ? reader(masked(column)) : vendor().getNCharacterStream(columnLabel);
    }

    @Override
    public InputStream getAsciiStream(int columnIndex) throws SQLException {
        return masks.masks(columnIndex) ? stream(masked(columnIndex), StandardCharsets.US_ASCII)
                : vendor().getAsciiStream(columnIndex);
    }

    @Override
    public InputStream getAsciiStream(String columnLabel) throws SQLException {
        int column = index(columnLabel);
        return masks.masks(column) ? stream(masked(column), StandardCharsets.US_ASCII)
                : vendor().getAsciiStream(columnLabel);
    }

    @Override
    public InputStream getBinaryStream(int columnIndex) throws SQLException {
        return masks.masks(columnIndex) ? stream(masked(columnIndex), StandardCharsets.UTF_8)
                : vendor().getBinaryStream(columnIndex);
    }

    @Override
    public InputStream getBinaryStream(String columnLabel) throws SQLException {
        int column = index(columnLabel);
        return masks.masks(column) ? stream(masked(column), StandardCharsets.UTF_8)
                : vendor().getBinaryStream(columnLabel);
    }

    @Override
    @Deprecated
    public InputStream getUnicodeStream(int columnIndex) throws SQLException {
        return masks.masks(columnIndex) ? stream(masked(columnIndex), StandardCharsets.UTF_8)
                : vendor().getUnicodeStream(columnIndex);
    }

    @Override
    @Deprecated
    public InputStream getUnicodeStream(String columnLabel) throws SQLException {
        int column = index(columnLabel);
        return masks.masks(column) ? stream(masked(column), StandardCharsets.UTF_8)
                : vendor().getUnicodeStream(columnLabel);
    }

    @Override
    public Clob getClob(int columnIndex) throws SQLException {
        return masks.masks(columnIndex) ? clob(masked(columnIndex)) : vendor().getClob(columnIndex);
    }

    @Override
    public Clob getClob(String columnLabel) throws SQLException {
        int column = index(columnLabel);
        return masks.masks(column) ? clob(masked(column)) : vendor().getClob(columnLabel);
    }

    @Override
    public NClob getNClob(int columnIndex) throws SQLException {
        return masks.masks(columnIndex) ? clob(masked(columnIndex)) : vendor().getNClob(columnIndex);
    }

    @Override
    public NClob getNClob(String columnLabel) throws SQLException {
        int column = index(columnLabel);
        return masks.masks(column) ? clob(masked(column)) : vendor().getNClob(columnLabel);
    }

    @Override
    public boolean wasNull() throws SQLException {
        return lastRead == VENDOR ? delegate.wasNull() : lastRead == MASKED_NULL;
    }

    @Override
    public ResultSetMetaData getMetaData() throws SQLException {
        ResultSetMetaData metaData = delegate.getMetaData();
        return metaData == null ? null : MaskedMetaData.wrap(metaData, masks);
    }

    /** The vendor's statement: the {@link VeilResultSet} above hands out its own. */
    @Override
    public Statement getStatement() throws SQLException {
        return delegate.getStatement();
    }

    /** Only to this object itself, even where {@code veil.allowUnwrap} permits more: the vendor's rows are raw. */
    @Override
    public <T> T unwrap(Class<T> iface) throws SQLException {
        if (iface.isInstance(this)) {
            return iface.cast(this);
        }
        throw VeilErrors.refused("unwrap to " + iface.getName() + " is refused: the driver masks columns of this"
                + " result as rows are read (rule: masking: driver)");
    }

    @Override
    public boolean isWrapperFor(Class<?> iface) {
        return iface.isInstance(this);
    }

    @Override
    public String toString() {
        return "veil result set with columns masked in the driver";
    }

    // ---- helpers ----------------------------------------------------------------------------------------------

    /** The vendor's rows, for a read of a column the driver does not mask. */
    private ResultSet vendor() {
        lastRead = VENDOR;
        return delegate;
    }

    /** The masked text of a masked column in the current row (NULL stays NULL). */
    private String masked(int column) throws SQLException {
        String masked = masks.apply(column, delegate.getString(column));
        lastRead = masked == null ? MASKED_NULL : MASKED_VALUE;
        return masked;
    }

    /** {@code getObject(column, type)} of a masked column: its text, when {@code type} can hold a string. */
    private <T> T maskedAs(Class<T> type, int column, Object named) throws SQLException {
        if (!type.isAssignableFrom(String.class)) {
            throw refused("getObject", named);
        }
        return type.cast(masked(column));
    }

    /** The 1-based column of a label, looked up once per label. */
    private int index(String label) throws SQLException {
        Integer index = columnsByLabel.get(label);
        if (index == null) {
            index = delegate.findColumn(label);
            columnsByLabel.put(label, index);
        }
        return index;
    }

    private static byte[] bytes(String masked, Charset charset) {
        return masked == null ? null : masked.getBytes(charset);
    }

    private static InputStream stream(String masked, Charset charset) {
        return masked == null ? null : new ByteArrayInputStream(masked.getBytes(charset));
    }

    private static Reader reader(String masked) {
        return masked == null ? null : new StringReader(masked);
    }

    private static MaskedClob clob(String masked) {
        return masked == null ? null : new MaskedClob(masked);
    }

    /** @param column the column as the caller named it (index or label); never its value */
    private static SQLException refused(String method, Object column) {
        if (method.startsWith("update")) {
            return VeilErrors.refused(method + " of column " + column + " is refused: the driver masks that column"
                    + " as rows are read, and a masked column cannot be written through its rows (rule: masking:"
                    + " driver)");
        }
        return VeilErrors.refused(method + " of column " + column + " is refused: the driver masks that column as"
                + " rows are read, and its masked value is text; read it with getString, getObject,"
                + " getCharacterStream or getClob (rule: masking: driver)");
    }
}
