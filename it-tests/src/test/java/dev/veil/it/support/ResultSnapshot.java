package dev.veil.it.support;

import java.sql.Array;
import java.sql.Blob;
import java.sql.Clob;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.SQLXML;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;

/**
 * Everything a caller can observe of a result set — column metadata and every value through {@code getObject} and
 * {@code getString} — in a form that compares with {@code equals}, so Veil and the vendor driver can be compared
 * side by side.
 */
public record ResultSnapshot(List<String> columns, List<List<String>> rows) {

    /** Runs a query on a plain statement and takes its snapshot. */
    public static ResultSnapshot query(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            return of(rs);
        }
    }

    public static ResultSnapshot of(ResultSet rs) throws SQLException {
        ResultSetMetaData md = rs.getMetaData();
        int n = md.getColumnCount();
        List<String> columns = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
            columns.add(String.join("|", md.getColumnLabel(i), md.getColumnName(i),
                    String.valueOf(md.getColumnType(i)), md.getColumnTypeName(i), md.getColumnClassName(i),
                    String.valueOf(md.getPrecision(i)), String.valueOf(md.getScale(i)),
                    String.valueOf(md.isNullable(i)), String.valueOf(md.isAutoIncrement(i)),
                    String.valueOf(md.isSigned(i)), String.valueOf(md.getColumnDisplaySize(i))));
        }
        List<List<String>> rows = new ArrayList<>();
        while (rs.next()) {
            List<String> row = new ArrayList<>();
            for (int i = 1; i <= n; i++) {
                row.add(describe(rs.getObject(i)));
                row.add("null=" + rs.wasNull());
                row.add(describe(rs.getString(i)));
            }
            rows.add(row);
        }
        return new ResultSnapshot(columns, rows);
    }

    /** A value with its class, so that a change of type shows as a difference. */
    public static String describe(Object value) throws SQLException {
        if (value == null) {
            return "NULL";
        }
        if (value instanceof byte[] bytes) {
            return "bytes:" + HexFormat.of().formatHex(bytes);
        }
        if (value instanceof Array array) {
            Object elements = array.getArray();
            return "array:" + array.getBaseTypeName() + ":" + (elements instanceof Object[] objects
                    ? Arrays.deepToString(objects) : String.valueOf(elements));
        }
        if (value instanceof Clob clob) {
            return "clob:" + clob.getSubString(1, (int) clob.length());
        }
        if (value instanceof Blob blob) {
            return "blob:" + HexFormat.of().formatHex(blob.getBytes(1, (int) blob.length()));
        }
        if (value instanceof SQLXML xml) {
            return "xml:" + xml.getString();
        }
        return value.getClass().getName() + ":" + value;
    }
}
