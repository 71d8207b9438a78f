package dev.veil.it.redteam;

import dev.veil.policy.mask.HashKey;
import dev.veil.policy.mask.MaskDialects;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Array;
import java.sql.Blob;
import java.sql.Clob;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.SQLWarning;
import java.sql.SQLXML;
import java.sql.Struct;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Searches everything an attempt got back for the fragments the masks must hide, and for Veil's hash secrets, as
 * they are and in simple encodings: upper/lower case, hex, base64 (every alignment within the value), reversed,
 * with separators removed, as lists of character codes, and MD5/SHA-1/SHA-256 digests of whole values.
 */
final class LeakOracle {

    /** One needle: a label naming what it is (never the value) and the lower-case text to find. */
    record Needle(String label, String text, boolean alnumOnly) {
        /** Whether this needle is one of Veil's hash secrets (not a seeded value). */
        boolean secret() {
            return label.startsWith("hash secret") || label.startsWith("configured hash key");
        }
    }

    /** A leak: what was found, and where. */
    record Finding(String what, String where) {
        @Override
        public String toString() {
            return what + " found in " + where;
        }
    }

    private static final List<Needle> NEEDLES = needles();

    private final List<Finding> findings = new ArrayList<>();
    /** For exempt principals, who see raw values by design: only Veil's own secrets count. */
    private boolean secretsOnly;

    void secretsOnly() {
        secretsOnly = true;
    }

    static List<Needle> needles() {
        List<Needle> out = new ArrayList<>();
        Set<String> wholes = new LinkedHashSet<>();
        for (Secrets.Fragment f : Secrets.fragments()) {
            addEncodings(out, f.label(), f.value(), f.whole());
            wholes.add(f.label().replaceAll(" \\(.*", "") + "|" + f.whole());
        }
        for (String entry : wholes) {
            String label = entry.substring(0, entry.indexOf('|'));
            String whole = entry.substring(entry.indexOf('|') + 1);
            for (String algorithm : List.of("MD5", "SHA-1", "SHA-256")) {
                out.add(new Needle(algorithm + " of a whole " + label, hex(digest(algorithm, whole)), false));
            }
            out.add(new Needle("base64 of a whole " + label, b64(whole), false));
        }
        // the hash mask's session secrets and the configured key
        HashKey key = HashKey.of(Secrets.HASH_KEY);
        List<Object> pads = key.sessionSetup(MaskDialects.POSTGRESQL).statements().get(0).parameters();
        for (int i = 0; i < pads.size(); i++) {
            String hex = ((String) pads.get(i)).toLowerCase(Locale.ROOT);
            String which = i == 0 ? "inner" : "outer";
            out.add(new Needle("hash secret (" + which + " pad, hex)", hex.substring(0, 24), false));
            out.add(new Needle("hash secret (" + which + " pad, hex)", hex.substring(hex.length() - 24), false));
            byte[] bytes = HexFormat.of().parseHex(hex);
            out.add(new Needle("hash secret (" + which + " pad, base64)", Base64.getEncoder().encodeToString(bytes)
                    .substring(0, 20).toLowerCase(Locale.ROOT), false));
        }
        out.add(new Needle("configured hash key", Secrets.HASH_KEY.toLowerCase(Locale.ROOT), false));
        out.add(new Needle("configured hash key (hex)", hex(Secrets.HASH_KEY.getBytes(StandardCharsets.UTF_8)), false));
        return List.copyOf(out);
    }

    private static void addEncodings(List<Needle> out, String label, String fragment, String whole) {
        String f = fragment.toLowerCase(Locale.ROOT);
        out.add(new Needle(label, f, false));
        out.add(new Needle(label + " reversed", new StringBuilder(f).reverse().toString(), false));
        out.add(new Needle(label + " as hex", hex(fragment.getBytes(StandardCharsets.UTF_8)), false));
        out.add(new Needle(label + " as UTF-16 hex", hex(fragment.getBytes(StandardCharsets.UTF_16BE)), false));
        String alnum = f.replaceAll("[^a-z0-9]", "");
        if (alnum.length() >= 8) {
            out.add(new Needle(label + " without separators", alnum, true));
        }
        out.add(new Needle(label + " as character codes", fragment.chars().mapToObj(Integer::toString)
                .collect(Collectors.joining(",")), false));
        out.add(new Needle(label + " as character codes", fragment.chars().mapToObj(Integer::toString)
                .collect(Collectors.joining(" ")), false));
        // base64 of the fragment on its own, and the part of base64(whole) that encodes only fragment bytes
        String alone = b64(fragment);
        int fullGroups = (fragment.getBytes(StandardCharsets.UTF_8).length / 3) * 4;
        if (fullGroups >= 8) {
            out.add(new Needle(label + " as base64", alone.substring(0, fullGroups), false));
        }
        byte[] w = whole.getBytes(StandardCharsets.UTF_8);
        int at = indexOf(w, fragment.getBytes(StandardCharsets.UTF_8));
        if (at >= 0) {
            int end = at + fragment.getBytes(StandardCharsets.UTF_8).length;
            int firstGroup = (at + 2) / 3;
            int lastGroup = end / 3; // exclusive
            if (lastGroup - firstGroup >= 2) {
                String enc = Base64.getEncoder().encodeToString(w).toLowerCase(Locale.ROOT);
                String part = enc.substring(firstGroup * 4, Math.min(enc.length(), lastGroup * 4));
                out.add(new Needle(label + " as base64 within the whole value", part, false));
            }
        }
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    private static String b64(String s) {
        return Base64.getEncoder().withoutPadding().encodeToString(s.getBytes(StandardCharsets.UTF_8))
                .toLowerCase(Locale.ROOT);
    }

    private static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }

    private static byte[] digest(String algorithm, String value) {
        try {
            return MessageDigest.getInstance(algorithm).digest(value.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    // ---- searching ---------------------------------------------------------------------------------------------

    /** Searches one piece of text. */
    void check(String where, String text) {
        if (text == null || text.isEmpty()) {
            return;
        }
        String lower = text.toLowerCase(Locale.ROOT);
        String alnum = lower.replaceAll("[^a-z0-9]", "");
        for (Needle n : NEEDLES) {
            if (secretsOnly && !n.secret()) {
                continue;
            }
            if ((n.alnumOnly() ? alnum : lower).contains(n.text())) {
                findings.add(new Finding(n.label(), where));
                return; // one finding per piece of text is enough
            }
        }
    }

    List<Finding> findings() {
        return List.copyOf(findings);
    }

    boolean leaked() {
        return !findings.isEmpty();
    }

    /** Searches a value as every accessor would show it: strings, bytes (as text and hex), arrays, nested results. */
    void checkValue(String where, Object value) throws SQLException {
        checkValue(where, value, 0);
    }

    private void checkValue(String where, Object value, int depth) throws SQLException {
        if (value == null || depth > 4) {
            return;
        }
        if (value instanceof byte[] bytes) {
            check(where + " (bytes as text)", new String(bytes, StandardCharsets.UTF_8));
            check(where + " (bytes as ISO-8859-1)", new String(bytes, StandardCharsets.ISO_8859_1));
            check(where + " (bytes as hex)", hex(bytes));
            return;
        }
        if (value instanceof Array array) {
            checkValue(where + " (array)", array.getArray(), depth + 1);
            try (ResultSet rs = array.getResultSet()) {
                checkResultSet(where + " (array result set)", rs, depth + 1);
            } catch (SQLException | UnsupportedOperationException e) {
                checkException(where + " (array result set error)", e);
            }
            return;
        }
        if (value instanceof Object[] objects) {
            for (int i = 0; i < objects.length; i++) {
                checkValue(where + "[" + i + "]", objects[i], depth + 1);
            }
            return;
        }
        if (value.getClass().isArray()) {
            check(where, java.util.Arrays.toString(toObjects(value)));
            return;
        }
        if (value instanceof ResultSet rs) {
            checkResultSet(where + " (nested result set)", rs, depth + 1);
            return;
        }
        if (value instanceof Clob clob) {
            check(where + " (clob)", clob.getSubString(1, (int) Math.min(clob.length(), 1_000_000)));
            return;
        }
        if (value instanceof Blob blob) {
            checkValue(where + " (blob)", blob.getBytes(1, (int) Math.min(blob.length(), 1_000_000)), depth + 1);
            return;
        }
        if (value instanceof SQLXML xml) {
            check(where + " (xml)", xml.getString());
            return;
        }
        if (value instanceof Struct struct) {
            checkValue(where + " (struct)", struct.getAttributes(), depth + 1);
            return;
        }
        if (value instanceof Map<?, ?> map) {
            check(where + " (map)", map.toString());
            return;
        }
        check(where, String.valueOf(value));
    }

    private static Object[] toObjects(Object primitiveArray) {
        int n = java.lang.reflect.Array.getLength(primitiveArray);
        Object[] out = new Object[n];
        for (int i = 0; i < n; i++) {
            out[i] = java.lang.reflect.Array.get(primitiveArray, i);
        }
        return out;
    }

    /** Every label, name and value of a result set, read three ways; returns the rows as strings. */
    List<List<String>> checkResultSet(String where, ResultSet rs) throws SQLException {
        return checkResultSet(where, rs, 0);
    }

    private List<List<String>> checkResultSet(String where, ResultSet rs, int depth) throws SQLException {
        List<List<String>> rows = new ArrayList<>();
        if (rs == null) {
            return rows;
        }
        ResultSetMetaData md = rs.getMetaData();
        int n = md.getColumnCount();
        for (int i = 1; i <= n; i++) {
            check(where + " label " + i, md.getColumnLabel(i));
            check(where + " column name " + i, md.getColumnName(i));
            check(where + " type name " + i, md.getColumnTypeName(i));
            try {
                check(where + " table name " + i, md.getTableName(i));
                check(where + " schema name " + i, md.getSchemaName(i));
            } catch (SQLException ignored) {
                // not every driver answers
            }
        }
        int r = 0;
        while (rs.next()) {
            r++;
            List<String> row = new ArrayList<>();
            for (int i = 1; i <= n; i++) {
                String cell = where + " row " + r + " column " + i;
                String s;
                try {
                    s = rs.getString(i);
                } catch (SQLException e) {
                    checkException(cell + " getString error", e);
                    s = null;
                }
                check(cell + " getString", s);
                row.add(s);
                try {
                    checkValue(cell + " getObject", rs.getObject(i), depth);
                } catch (SQLException e) {
                    checkException(cell + " getObject error", e);
                }
                try {
                    byte[] bytes = rs.getBytes(i);
                    if (bytes != null) {
                        checkValue(cell + " getBytes", bytes, depth);
                    }
                } catch (SQLException | RuntimeException e) {
                    // many types have no bytes
                }
            }
            rows.add(row);
            if (r > 10_000) {
                break;
            }
        }
        checkWarnings(where + " result set warnings", rs.getWarnings());
        return rows;
    }

    /** The whole chain of an exception: messages, SQLStates, next exceptions and causes. */
    void checkException(String where, Throwable e) {
        Set<Throwable> seen = new java.util.HashSet<>();
        checkThrowable(where, e, seen, 0);
    }

    private void checkThrowable(String where, Throwable e, Set<Throwable> seen, int depth) {
        if (e == null || !seen.add(e) || depth > 20) {
            return;
        }
        check(where + " message", e.getMessage());
        check(where + " toString", e.toString());
        if (e instanceof SQLException s) {
            check(where + " SQLState", s.getSQLState());
            checkThrowable(where + " → next", s.getNextException(), seen, depth + 1);
        }
        for (Throwable suppressed : e.getSuppressed()) {
            checkThrowable(where + " → suppressed", suppressed, seen, depth + 1);
        }
        checkThrowable(where + " → cause", e.getCause(), seen, depth + 1);
    }

    void checkWarnings(String where, SQLWarning warning) {
        int i = 0;
        for (SQLWarning w = warning; w != null && i < 1000; w = w.getNextWarning(), i++) {
            checkException(where + " #" + i, w);
        }
    }
}
