package dev.veil.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.StreamWriteFeature;
import java.io.IOException;
import java.io.PrintWriter;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;

/**
 * Results as JSON, one value per line: each result set an array of objects keyed by column label (numbers and
 * booleans as such, other values as the driver renders them as text, NULL as null), each update count
 * {@code {"updateCount": n}}.
 */
final class JsonResultWriter implements ResultWriter {

    private static final JsonFactory JSON = JsonFactory.builder()
            .disable(StreamWriteFeature.AUTO_CLOSE_TARGET)
            .build();

    private final PrintWriter out;

    JsonResultWriter(PrintWriter out) {
        this.out = out;
    }

    @Override
    public void rows(ResultSet rs) throws SQLException, IOException {
        ResultSetMetaData md = rs.getMetaData();
        String[] labels = new String[md.getColumnCount()];
        for (int i = 0; i < labels.length; i++) {
            labels[i] = md.getColumnLabel(i + 1);
        }
        try (JsonGenerator json = JSON.createGenerator(out)) {
            json.writeStartArray();
            while (rs.next()) {
                json.writeStartObject();
                for (int i = 0; i < labels.length; i++) {
                    json.writeFieldName(labels[i]);
                    value(json, rs, i + 1);
                }
                json.writeEndObject();
            }
            json.writeEndArray();
        }
        out.println();
        out.flush();
    }

    private static void value(JsonGenerator json, ResultSet rs, int column) throws SQLException, IOException {
        Object value = rs.getObject(column);
        if (value == null) {
            json.writeNull();
        } else if (value instanceof Boolean b) {
            json.writeBoolean(b);
        } else if (value instanceof Integer || value instanceof Long || value instanceof Short
                || value instanceof Byte) {
            json.writeNumber(((Number) value).longValue());
        } else if (value instanceof BigInteger n) {
            json.writeNumber(n);
        } else if (value instanceof BigDecimal n) {
            json.writeNumber(n);
        } else if (value instanceof Double n) {
            json.writeNumber(n);
        } else if (value instanceof Float n) {
            json.writeNumber(n);
        } else if (value instanceof String text) {
            json.writeString(text);
        } else {
            json.writeString(rs.getString(column));
        }
    }

    /** A report as one JSON array of objects keyed by the report's column names. */
    static void write(Report report, PrintWriter out) {
        try (JsonGenerator json = JSON.createGenerator(out)) {
            json.writeStartArray();
            for (java.util.List<Object> row : report.rows()) {
                json.writeStartObject();
                for (int i = 0; i < row.size(); i++) {
                    json.writeFieldName(report.header().get(i));
                    value(json, row.get(i));
                }
                json.writeEndObject();
            }
            json.writeEndArray();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        out.println();
        out.flush();
    }

    private static void value(JsonGenerator json, Object value) throws IOException {
        if (value == null) {
            json.writeNull();
        } else if (value instanceof Boolean b) {
            json.writeBoolean(b);
        } else if (value instanceof Integer || value instanceof Long) {
            json.writeNumber(((Number) value).longValue());
        } else if (value instanceof Double d) {
            json.writeNumber(d);
        } else {
            json.writeString(value.toString());
        }
    }

    @Override
    public void updateCount(long count) throws IOException {
        try (JsonGenerator json = JSON.createGenerator(out)) {
            json.writeStartObject();
            json.writeNumberField("updateCount", count);
            json.writeEndObject();
        }
        out.println();
        out.flush();
    }
}
