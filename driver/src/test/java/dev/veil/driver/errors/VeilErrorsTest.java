package dev.veil.driver.errors;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import org.junit.jupiter.api.Test;

class VeilErrorsTest {

    @Test
    void theRuleIsReadFromTheLastMarkToItsClosingParenthesis() {
        assertThat(VeilErrors.rule(VeilErrors.refused("it reads x (rule: predicates: deny)")))
                .isEqualTo("predicates: deny");
        assertThat(VeilErrors.rule(VeilErrors.refused("cannot sample t to classify its columns"
                + " (rule: detect.sample); the statement was not run"))).isEqualTo("detect.sample");
        assertThat(VeilErrors.rule(VeilErrors.refused("statement 1: it exports data (a (rule: b)) (rule: exports)")))
                .isEqualTo("exports");
        assertThat(VeilErrors.rule(VeilErrors.refused("no rule named"))).isNull();
        assertThat(VeilErrors.rule(new SQLException())).isNull();
    }

    @Test
    void onlyVeilsOwnErrorsReadAsRaisedByVeil() {
        assertThat(VeilErrors.raisedByVeil(VeilErrors.refused("x (rule: test)"))).isTrue();
        assertThat(VeilErrors.raisedByVeil(VeilErrors.configuration("x"))).isTrue();
        assertThat(VeilErrors.raisedByVeil(new SQLException("duplicate key value 'secret'"))).isFalse();
        assertThat(VeilErrors.raisedByVeil(new SQLException())).isFalse();
    }
}
