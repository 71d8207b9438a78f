package dev.veil.it.support;

import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * The databases this test run created on the servers: one per server, named {@code veil_it_<12 hex digits>} like the
 * user created with it, and dropped with that user when the JVM exits. A run never drops or changes a database it did
 * not create. A run killed before it exits leaves its {@code veil_it_…} database and user behind, to drop by hand.
 */
final class OwnDatabases {

    private static final SecureRandom RANDOM = new SecureRandom();

    /** Lower-case letters, digits and '_': the same name unquoted on every engine. */
    static final String NAME = "veil_it_" + hex(6);

    private record Owned(TestServer server, ServerAccount account, TestServer.Created created) {
    }

    private static final List<Owned> OWNED = new ArrayList<>();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(OwnDatabases::dropAll, "veil-it-drop-databases"));
    }

    private OwnDatabases() {
    }

    /** Creates this run's database on {@code server} through {@code account}; fails loudly when it cannot. */
    static TestDatabase create(TestServer server, ServerAccount account) {
        Connection admin;
        try {
            admin = account.open();
        } catch (SQLException e) {
            throw new IllegalStateException(server.engine() + " for the integration tests cannot be reached: "
                    + account.describe() + ": " + e.getMessage() + "\nThe integration tests create a database of"
                    + " their own on a running server. Start the local one — " + server.howToStart() + " — or name"
                    + " another through VEIL_IT_" + server.variablePrefix() + "_ADMIN_URL, _ADMIN_USER and"
                    + " _ADMIN_PASSWORD (an account that may create databases), or name a database to use as it is"
                    + " through VEIL_IT_" + server.variablePrefix() + "_URL, _USER and _PASSWORD. See the README,"
                    + " \"Test databases\".", e);
        }
        try (admin) {
            TestServer.Created created = server.create(admin, account, NAME);
            synchronized (OWNED) {
                OWNED.add(new Owned(server, account, created));
            }
            System.err.println("Integration tests: created " + server.engine() + " database " + NAME
                    + (created.ownUser() ? " and its user " + NAME : "") + " through " + account.describe()
                    + (created.ownUser() ? "; both are" : "; it is") + " dropped when the tests end.");
            return created.database();
        } catch (SQLException e) {
            throw new IllegalStateException(server.engine() + ": " + account.describe() + " could not create the"
                    + " database " + NAME + " for the integration tests: " + e.getMessage() + "\nThe account needs"
                    + " the right to create databases (PostgreSQL: CREATEDB; MariaDB: CREATE); with the right to"
                    + " create users too (PostgreSQL: CREATEROLE; MariaDB: CREATE USER and GRANT OPTION) the tests"
                    + " run as a plain user of their own.", e);
        }
    }

    static String password() {
        return hex(16);
    }

    private static void dropAll() {
        List<Owned> owned;
        synchronized (OWNED) {
            owned = List.copyOf(OWNED);
            OWNED.clear();
        }
        for (Owned o : owned) {
            try (Connection admin = o.account().open()) {
                o.server().drop(admin, o.created());
            } catch (SQLException | RuntimeException e) {
                System.err.println("Integration tests: could not drop " + o.server().engine() + " database "
                        + o.created().name() + (o.created().ownUser() ? " and its user" : "") + " ("
                        + e.getMessage() + "); drop them by hand.");
            }
        }
    }

    private static String hex(int bytes) {
        byte[] b = new byte[bytes];
        RANDOM.nextBytes(b);
        return HexFormat.of().formatHex(b);
    }
}
