package dev.veil.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.veil.policy.mask.ValueType;
import org.junit.jupiter.api.Test;

class ColumnPatternTest {

    private static ColumnInfo col(String schema, String table, String name) {
        return ColumnInfo.of(schema, table, name, ValueType.STRING);
    }

    @Test
    void twoPartsMatchTheTableInAnySchemaCaseInsensitively() {
        ColumnPattern p = ColumnPattern.parse("Customers.EMAIL");
        assertThat(p.matches(col("app", "customers", "email"))).isTrue();
        assertThat(p.matches(col(null, "CUSTOMERS", "Email"))).isTrue();
        assertThat(p.matches(col("app", "customers", "email2"))).isFalse();
    }

    @Test
    void threePartsNeedTheSchema() {
        ColumnPattern p = ColumnPattern.parse("hr.*.salary");
        assertThat(p.matches(col("hr", "employees", "salary"))).isTrue();
        assertThat(p.matches(col("sales", "employees", "salary"))).isFalse();
        assertThat(p.matches(col(null, "employees", "salary"))).isFalse();
        assertThat(p.mayMatchTable("HR", "anything")).isTrue();
        assertThat(p.mayMatchTable("sales", "anything")).isFalse();
    }

    @Test
    void starMatchesWithinOneNameOnly() {
        ColumnPattern p = ColumnPattern.parse("*.*ssn*");
        assertThat(p.matches(col("a", "t", "cust_ssn_hash"))).isTrue();
        assertThat(p.matches(col("a", "t", "ssn"))).isTrue();
        assertThat(p.matches(col("a", "t", "sn"))).isFalse();
        ColumnPattern literal = ColumnPattern.parse("t.a+b");
        assertThat(literal.matches(col("s", "t", "a+b"))).isTrue();
        assertThat(literal.matches(col("s", "t", "aab"))).isFalse();
    }

    @Test
    void badPatternsSayWhatIsWrong() {
        assertThatThrownBy(() -> ColumnPattern.parse("")).hasMessage("empty pattern (expected [schema.]table.column)");
        assertThatThrownBy(() -> ColumnPattern.parse("a.b c")).hasMessage("bad pattern 'a.b c': character ' ' is not"
                + " allowed (only names and '*')");
        assertThatThrownBy(() -> ColumnPattern.parse("a.b?")).hasMessageContaining("character '?'");
        assertThatThrownBy(() -> ColumnPattern.parse(".b")).hasMessageContaining("empty name between dots");
    }
}
