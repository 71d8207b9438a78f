package dev.veil.benchmarks.peers;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Before anything is timed: each contender returns row 1's e-mail and phone masked if it is meant to mask them and
 * as stored if not. A mask rule that silently did not apply would make its contender look cheaper than it is.
 */
final class MaskCheck {

    static final String STORED_EMAIL = "user1@example.com";
    static final String STORED_PHONE = "+1 650-555-0001";

    private MaskCheck() {
    }

    static void verify(Contender contender) throws SQLException {
        String sql = contender.sql().text("SELECT email, phone FROM bench_customers WHERE id = 1");
        contender.call(() -> {
            try (Connection connection = contender.connect();
                 Statement s = connection.createStatement();
                 ResultSet rs = s.executeQuery(sql)) {
                if (!rs.next()) {
                    throw new IllegalStateException(contender.label() + " finds no row 1 in bench_customers");
                }
                check(contender, "email", STORED_EMAIL, rs.getString(1));
                check(contender, "phone", STORED_PHONE, rs.getString(2));
            }
            return null;
        });
    }

    private static void check(Contender contender, String column, String stored, String returned) {
        if (contender.masks() == stored.equals(returned)) {
            throw new IllegalStateException(contender.label() + (contender.masks() ? " does not mask " : " masks ")
                    + column + ": the comparison would not measure what it claims");
        }
    }
}
