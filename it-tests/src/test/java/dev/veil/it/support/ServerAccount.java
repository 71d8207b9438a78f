package dev.veil.it.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An account on a database server, as a JDBC URL, a user and a password (user and password may be empty).
 *
 * @param url      a vendor JDBC URL, e.g. {@code jdbc:postgresql://127.0.0.1:5432/postgres}
 * @param user     user name, may be empty
 * @param password password, may be empty
 */
record ServerAccount(String url, String user, String password) {

    /** {@code jdbc:<vendor>://<hosts>} · {@code /<database>} (optional) · parameters (optional). */
    private static final Pattern URL = Pattern.compile("(jdbc:[a-z0-9]+://[^/?;]*)(/[^?;]*)?(.*)", Pattern.DOTALL);

    /**
     * The account named by {@code VEIL_IT_<prefix>_ADMIN_URL}, {@code _ADMIN_USER} and {@code _ADMIN_PASSWORD}; each
     * one not set keeps its value in {@code defaults}.
     */
    static ServerAccount fromEnvironment(String prefix, ServerAccount defaults) {
        String base = "VEIL_IT_" + prefix + "_ADMIN_";
        return new ServerAccount(env(base + "URL", defaults.url()), env(base + "USER", defaults.user()),
                env(base + "PASSWORD", defaults.password()));
    }

    Connection open() throws SQLException {
        Properties props = new Properties();
        if (!user.isEmpty()) {
            props.setProperty("user", user);
        }
        if (!password.isEmpty()) {
            props.setProperty("password", password);
        }
        return DriverManager.getConnection(url, props);
    }

    /** The same server's database {@code database}: the URL with its database replaced, parameters kept. */
    String urlOf(String database) {
        Matcher m = URL.matcher(url);
        if (!m.matches()) {
            throw new IllegalStateException("cannot tell the database part of " + withoutParameters(url)
                    + ": expected jdbc:<vendor>://<host>[:<port>]/[<database>][?<parameters>]");
        }
        return m.group(1) + "/" + database + m.group(3);
    }

    /** For messages: the user and the URL without its parameters (which may hold a password). */
    String describe() {
        return (user.isEmpty() ? "" : user + " at ") + withoutParameters(url);
    }

    static String withoutParameters(String url) {
        int cut = url.length();
        for (char c : new char[] {'?', ';'}) {
            int at = url.indexOf(c);
            if (at >= 0) {
                cut = Math.min(cut, at);
            }
        }
        return url.substring(0, cut);
    }

    private static String env(String name, String otherwise) {
        String value = System.getenv(name);
        return value == null ? otherwise : value;
    }
}
