package dev.veil.driver.decide;

import dev.veil.analyzer.SettingAccess;
import dev.veil.analyzer.StatementAnalysis;
import dev.veil.driver.engine.AllowedSettings;
import java.sql.SQLException;
import java.util.Locale;

/**
 * SET, RESET and SHOW may name only the settings the engine lists as harmless ({@link AllowedSettings}): Veil reads SQL
 * as the server's defaults do, installs its hash secrets in session state and resolves names with the session's search
 * path, so a setting that changes how text is read, who runs statements, or that clears session state could make Veil
 * misread a later statement. A quoted or escaped name could spell any setting, user variables carry values between
 * statements and {@code veil…} is Veil's: all refused, exempt or not (rule: {@code session-settings}).
 */
final class SessionSettingsRule implements DecisionRule {

    @Override
    public void checkStatement(RuleContext context, StatementAnalysis s) throws SQLException {
        AllowedSettings allowed = context.engine().settings();
        for (SettingAccess access : s.settings()) {
            String name = access.name();
            boolean show = access.action() == SettingAccess.Action.SHOW;
            boolean forbidden = access.spelledQuoted() || name.contains("veil")
                    || (show ? !allowed.showable(name) : name.startsWith("@") || !allowed.settable(name));
            if (forbidden) {
                String type = s.statementType().label();
                String named = show || !name.isEmpty() ? name : type.toLowerCase(Locale.ROOT);
                throw context.refusal(s, type + " " + named + " is not allowed: it could change how Veil reads"
                        + " statements or clear its session state (rule: session-settings)");
            }
        }
    }
}
