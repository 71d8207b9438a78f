package dev.veil.it.redteam;

import static dev.veil.it.redteam.RedTeam.MARIADB;
import static dev.veil.it.redteam.RedTeam.sql;

import dev.veil.it.redteam.RedTeam.Attempt;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.TestFactory;

/**
 * MariaDB runs the content of {@code /*!NNNNN … *}{@code /} only when the server's version is at least NNNNN; a newer
 * version makes it a plain comment, which ends at the first {@code *}{@code /} — also one inside what the content
 * would read as a string. Text a string hides from the analyzer must not be code the server runs (Veil sends the
 * content with the markers removed, as analyzed).
 */
class VersionedCommentsRedTeamIT {

    static List<Attempt> attempts() {
        return List.of(
                sql("VCOM-01", "a string spanning two future-version comments hides the code between them", MARIADB,
                        "SELECT id, /*!99999 'a */ ssn /*!99999 ' */ AS x FROM rt_customers"),
                sql("VCOM-02", "the same with MariaDB's own /*M!NNNNNN", MARIADB,
                        "SELECT id, /*M!999999 'a */ full_name /*M!999999 ' */ AS x FROM rt_customers"),
                sql("VCOM-03", "a quoted name and a comment hiding the end", MARIADB,
                        "SELECT id, /*!99999 `a */ ssn /*!99999 ` */ AS x FROM rt_customers"),
                sql("VCOM-04", "a line comment hiding the end", MARIADB,
                        "SELECT id, 1 /*!99999 -- */ , ssn /*!99999 \n */ FROM rt_customers"));
    }

    @TestFactory
    Stream<DynamicNode> versionedComments() {
        return RedTeam.tests(attempts());
    }
}
