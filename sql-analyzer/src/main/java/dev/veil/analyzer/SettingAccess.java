package dev.veil.analyzer;

/**
 * A session setting a SET, RESET or SHOW statement names.
 *
 * @param action        what the statement does with it
 * @param name          the name as the statement spells it, words lower-cased and separated by one space, literals
 *                      as {@code ?}, quoted parts as written; scope words ({@code SESSION}, {@code LOCAL},
 *                      {@code GLOBAL}, {@code PERSIST}) and {@code @@scope.} prefixes dropped. {@code SET TRANSACTION
 * …}
 *                      names {@code transaction}, {@code SET CONSTRAINTS …} {@code constraints},
 *                      {@code SET SESSION CHARACTERISTICS …} {@code session characteristics}, {@code SET TIME ZONE …}
 *                      {@code time zone}. For SHOW it is every word after SHOW ({@code tables},
 *                      {@code full columns from t}, {@code all}). Empty when the statement names nothing.
 * @param spelledQuoted whether the name is written with quotes, backticks or a {@code U&} escape, which can spell any
 *                      setting
 */
public record SettingAccess(Action action, String name, boolean spelledQuoted) {

    public enum Action { SET, RESET, SHOW }
}
