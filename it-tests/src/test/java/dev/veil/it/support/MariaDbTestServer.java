package dev.veil.it.support;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * MariaDB (or MySQL): the database is used by a user of the same name with every privilege on it and none beyond;
 * an account that may not create users uses the database it created itself.
 */
final class MariaDbTestServer implements TestServer {

    /** A user is matched by host: '%' for TCP connections, 'localhost' so that an anonymous local user cannot win. */
    private static final List<String> HOSTS = List.of("%", "localhost");

    @Override
    public TestDatabase.Engine engine() {
        return TestDatabase.Engine.MARIADB;
    }

    @Override
    public String variablePrefix() {
        return "MARIADB";
    }

    @Override
    public ServerAccount localAdministrator() {
        return new ServerAccount("jdbc:mariadb://127.0.0.1:3306/", "root", "");
    }

    @Override
    public String howToStart() {
        return "`sudo service mariadb start` (or `bash .ci/databases.sh` as root on a machine set up like CI),"
                + " or `docker run -d -p 3306:3306 -e MARIADB_ALLOW_EMPTY_ROOT_PASSWORD=1 mariadb:10.11`";
    }

    @Override
    public Created create(Connection admin, ServerAccount account, String name) throws SQLException {
        String password = OwnDatabases.password();
        try (Statement s = admin.createStatement()) {
            // binary collation: comparisons and ordering as the tests expect, whatever the server's default
            s.execute("CREATE DATABASE `" + name + "` CHARACTER SET utf8mb4 COLLATE utf8mb4_bin");
            List<String> usersCreated = new ArrayList<>();
            boolean ownUser = true;
            try {
                for (String host : HOSTS) {
                    s.execute("CREATE USER '" + name + "'@'" + host + "' IDENTIFIED BY '" + password + "'");
                    usersCreated.add(host);
                    s.execute("GRANT ALL PRIVILEGES ON `" + name + "`.* TO '" + name + "'@'" + host + "'");
                }
            } catch (SQLException e) {
                for (String host : usersCreated) {
                    s.execute("DROP USER '" + name + "'@'" + host + "'");
                }
                if (!accessDenied(e)) {
                    s.execute("DROP DATABASE `" + name + "`");
                    throw e;
                }
                // the account may not create users or grant privileges: the tests use the account itself
                ownUser = false;
            }
            TestDatabase db = new TestDatabase(engine(), account.urlOf(name), ownUser ? name : account.user(),
                    ownUser ? password : account.password());
            return new Created(name, db, ownUser);
        }
    }

    @Override
    public void drop(Connection admin, Created created) throws SQLException {
        try (Statement s = admin.createStatement()) {
            // an open transaction of a session still using the database would make DROP DATABASE wait
            for (long id : sessionsUsing(admin, created)) {
                try {
                    s.execute("KILL CONNECTION " + id);
                } catch (SQLException e) {
                    // ended meanwhile, or not ours to end: DROP DATABASE then waits at most lock_wait_timeout
                }
            }
            s.execute("SET SESSION lock_wait_timeout = 30");
            s.execute("DROP DATABASE IF EXISTS `" + created.name() + "`");
            if (created.ownUser()) {
                for (String host : HOSTS) {
                    s.execute("DROP USER IF EXISTS '" + created.name() + "'@'" + host + "'");
                }
            }
        }
    }

    private static List<Long> sessionsUsing(Connection admin, Created created) throws SQLException {
        List<Long> ids = new ArrayList<>();
        try (PreparedStatement p = admin.prepareStatement("SELECT ID FROM information_schema.PROCESSLIST"
                + " WHERE ID <> CONNECTION_ID() AND (DB = ? OR (? AND USER = ?))")) {
            p.setString(1, created.name());
            p.setBoolean(2, created.ownUser());
            p.setString(3, created.name());
            try (ResultSet rs = p.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getLong(1));
                }
            }
        }
        return ids;
    }

    /** Access denied (SQLState class 42 or 28): the account lacks CREATE USER or GRANT OPTION. */
    private static boolean accessDenied(SQLException e) {
        String state = e.getSQLState();
        return state != null && (state.startsWith("42") || state.startsWith("28"));
    }
}
