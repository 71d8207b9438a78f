package dev.veil.it.support;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * PostgreSQL: the database is owned by a login role of the same name, neither superuser nor allowed to create
 * databases or roles, as an application's role would be; an account that may not create roles (it has CREATEDB
 * alone) uses the database it created itself.
 */
final class PostgresTestServer implements TestServer {

    @Override
    public TestDatabase.Engine engine() {
        return TestDatabase.Engine.POSTGRESQL;
    }

    @Override
    public String variablePrefix() {
        return "PG";
    }

    @Override
    public ServerAccount localAdministrator() {
        return new ServerAccount("jdbc:postgresql://127.0.0.1:5432/postgres", "postgres", "");
    }

    @Override
    public String howToStart() {
        return "`sudo pg_ctlcluster 15 main start` (or `bash .ci/databases.sh` as root on a machine set up like CI),"
                + " or `docker run -d -p 5432:5432 -e POSTGRES_HOST_AUTH_METHOD=trust postgres:15`";
    }

    @Override
    public Created create(Connection admin, ServerAccount account, String name) throws SQLException {
        try (Statement s = admin.createStatement()) {
            boolean superuser;
            boolean createRole;
            try (ResultSet rs = s.executeQuery("SELECT rolsuper, rolcreaterole FROM pg_roles"
                    + " WHERE rolname = current_user")) {
                rs.next();
                superuser = rs.getBoolean(1);
                createRole = rs.getBoolean(2);
            }
            boolean ownUser = superuser || createRole;
            String password = OwnDatabases.password();
            if (ownUser) {
                s.execute("CREATE ROLE " + name + " LOGIN PASSWORD '" + password + "'"
                        + " NOSUPERUSER NOCREATEDB NOCREATEROLE");
                if (!superuser) {
                    // CREATE DATABASE … OWNER needs the creator to be a member of the owner
                    s.execute("GRANT " + name + " TO CURRENT_USER");
                }
            }
            try {
                s.execute("CREATE DATABASE " + name + (ownUser ? " OWNER " + name : ""));
                s.execute("COMMENT ON DATABASE " + name + " IS 'Veil integration tests: dropped when their run"
                        + " ends'");
            } catch (SQLException e) {
                drop(admin, new Created(name, null, ownUser));
                throw e;
            }
            TestDatabase db = new TestDatabase(engine(), account.urlOf(name), ownUser ? name : account.user(),
                    ownUser ? password : account.password());
            return new Created(name, db, ownUser);
        }
    }

    @Override
    public void drop(Connection admin, Created created) throws SQLException {
        try (Statement s = admin.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS " + created.name() + " WITH (FORCE)");
            if (created.ownUser()) {
                s.execute("DROP ROLE IF EXISTS " + created.name());
            }
        }
    }
}
