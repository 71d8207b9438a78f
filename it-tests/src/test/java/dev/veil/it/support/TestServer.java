package dev.veil.it.support;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * One kind of database server the integration tests run on, and how they get a database of their own there: created
 * by an account that may create databases, used through a plain user of its own where that account may create users,
 * and dropped at the end of the run.
 */
interface TestServer {

    TestDatabase.Engine engine();

    /** Names the environment variables of this server: {@code VEIL_IT_<prefix>_…}. */
    String variablePrefix();

    /** The account used when no variable names another: the local server's administrator. */
    ServerAccount localAdministrator();

    /** How to start the local server, for the message that says it cannot be reached. */
    String howToStart();

    /**
     * Creates database {@code name} and, when {@code admin}'s account may create users, a plain user {@code name}
     * that owns or may use only that database.
     */
    Created create(Connection admin, ServerAccount account, String name) throws SQLException;

    /** Drops database {@code name}, ending the sessions still using it, and the user {@code name} if it was created. */
    void drop(Connection admin, Created created) throws SQLException;

    /**
     * A database the tests created.
     *
     * @param name     the database's name, and the user's when {@code ownUser}
     * @param database how the tests reach it
     * @param ownUser  whether a user of the same name was created for it (otherwise the tests use the account that
     *                 created it)
     */
    record Created(String name, TestDatabase database, boolean ownUser) {
    }
}
