package dev.veil.driver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.SQLException;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;

/** The target data source is reached through unwrap only when veil.allowUnwrap says so. */
class VeilDataSourceTest {

    @Test
    void unwrapToTheTargetIsRefusedByDefault() throws SQLException {
        VeilDataSource veil = new VeilDataSource(new JdbcDataSource());
        assertThat(veil.unwrap(DataSource.class)).isSameAs(veil);
        assertThat(veil.isWrapperFor(JdbcDataSource.class)).isFalse();
        assertThatThrownBy(() -> veil.unwrap(JdbcDataSource.class))
                .isInstanceOf(SQLException.class)
                .hasMessage("veil: unwrap to org.h2.jdbcx.JdbcDataSource is refused: the target data source would"
                        + " bypass Veil (rule: veil.allowUnwrap is false)");
    }

    @Test
    void unwrapToTheTargetWhenAllowed() throws SQLException {
        JdbcDataSource target = new JdbcDataSource();
        VeilDataSource veil = new VeilDataSource(target);
        veil.setSetting("veil.allowUnwrap", "true");
        assertThat(veil.isWrapperFor(JdbcDataSource.class)).isTrue();
        assertThat(veil.unwrap(JdbcDataSource.class)).isSameAs(target);
    }

    @Test
    void itAnswersForItselfBeforeItsSettingsOrTargetAreRead() throws SQLException {
        VeilDataSource veil = new VeilDataSource();
        veil.setSetting("user", "not a veil key");
        assertThat(veil.unwrap(VeilDataSource.class)).isSameAs(veil);
        assertThat(veil.isWrapperFor(VeilDataSource.class)).isTrue();
        assertThatThrownBy(() -> veil.unwrap(JdbcDataSource.class)).hasMessageContaining("not a veil.* key");
    }
}
