package dev.veil.driver.jdbc;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.Reader;
import java.io.StringReader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.sql.Clob;
import java.sql.NClob;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;

/** A masked value read as a {@link Clob} or {@link NClob}: read only, held in memory. */
final class MaskedClob implements NClob {

    private String text;

    MaskedClob(String text) {
        this.text = text;
    }

    private String text() throws SQLException {
        if (text == null) {
            throw new SQLException("veil: the Clob was freed");
        }
        return text;
    }

    @Override
    public long length() throws SQLException {
        return text().length();
    }

    @Override
    public String getSubString(long pos, int length) throws SQLException {
        String t = text();
        if (pos < 1 || pos > t.length() + 1L || length < 0) {
            throw new SQLException("veil: position or length out of range");
        }
        int start = (int) pos - 1;
        return t.substring(start, Math.min(t.length(), start + length));
    }

    @Override
    public Reader getCharacterStream() throws SQLException {
        return new StringReader(text());
    }

    @Override
    public Reader getCharacterStream(long pos, long length) throws SQLException {
        return new StringReader(getSubString(pos, (int) Math.min(Integer.MAX_VALUE, length)));
    }

    @Override
    public InputStream getAsciiStream() throws SQLException {
        return new ByteArrayInputStream(text().getBytes(StandardCharsets.US_ASCII));
    }

    @Override
    public long position(String searchstr, long start) throws SQLException {
        int found = start < 1 ? -1 : text().indexOf(searchstr, (int) Math.min(Integer.MAX_VALUE, start - 1));
        return found < 0 ? -1 : found + 1L;
    }

    @Override
    public long position(Clob searchstr, long start) throws SQLException {
        return position(searchstr.getSubString(1, (int) searchstr.length()), start);
    }

    @Override
    public int setString(long pos, String str) throws SQLException {
        throw readOnly();
    }

    @Override
    public int setString(long pos, String str, int offset, int len) throws SQLException {
        throw readOnly();
    }

    @Override
    public OutputStream setAsciiStream(long pos) throws SQLException {
        throw readOnly();
    }

    @Override
    public Writer setCharacterStream(long pos) throws SQLException {
        throw readOnly();
    }

    @Override
    public void truncate(long len) throws SQLException {
        throw readOnly();
    }

    @Override
    public void free() {
        text = null;
    }

    private static SQLException readOnly() {
        return new SQLFeatureNotSupportedException("veil: a masked value is read only");
    }
}
