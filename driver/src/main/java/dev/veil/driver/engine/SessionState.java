package dev.veil.driver.engine;

import java.util.List;

/**
 * What Veil reads from a session once when it opens, and again after statements that may change it: the user, the
 * current database and the name search path, which resolve unqualified names. The engine reads it
 * ({@link Engine#readSessionState}), and refuses a session whose settings decide differently how SQL text is read.
 *
 * @param user           the database user the session authenticated as
 * @param currentCatalog the current database (null for MariaDB, whose databases are schemas)
 * @param searchPath     schemas searched for unqualified names, in order
 */
public record SessionState(String user, String currentCatalog, List<String> searchPath) {
}
