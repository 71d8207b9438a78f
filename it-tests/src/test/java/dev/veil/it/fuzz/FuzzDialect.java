package dev.veil.it.fuzz;

import dev.veil.it.support.TestDatabase.Engine;

/**
 * How one engine spells what the grammar generates. A method returns null where the engine has no such construct;
 * generators then pick something else. One implementation per engine ({@link PostgresFuzzDialect},
 * {@link MariaDbFuzzDialect}, {@link H2FuzzDialect}).
 */
interface FuzzDialect {

    Engine engine();

    static FuzzDialect of(Engine engine) {
        return switch (engine) {
            case POSTGRESQL -> new PostgresFuzzDialect();
            case MARIADB -> new MariaDbFuzzDialect();
            case H2 -> new H2FuzzDialect();
        };
    }

    // ---- casts -------------------------------------------------------------------------------------------------

    default String castText(String e) {
        return "CAST(" + e + " AS VARCHAR(300))";
    }

    default String castInt(String e) {
        return "CAST(" + e + " AS INTEGER)";
    }

    default String castDecimal(String e) {
        return "CAST(" + e + " AS DECIMAL(12,2))";
    }

    default String castDate(String e) {
        return "CAST(" + e + " AS DATE)";
    }

    /** The text type both terms of a recursive CTE are cast to, so that their types agree. */
    default String recursiveText(String e) {
        return "CAST(" + e + " AS VARCHAR(400))";
    }

    // ---- strings -----------------------------------------------------------------------------------------------

    default String concat(String a, String b) {
        return "CONCAT(" + a + ", " + b + ")";
    }

    default String substr(String e, String start, String length) {
        return "SUBSTR(" + e + ", " + start + ", " + length + ")";
    }

    String reverse(String e);

    String hex(String e);

    String base64(String e);

    String md5(String e);

    String sha256(String e);

    default String ascii(String e) {
        return "ASCII(" + e + ")";
    }

    String chr(String code);

    /** 1-based position of {@code needle} in {@code haystack}, 0 when absent. */
    String position(String needle, String haystack);

    default String charLength(String e) {
        return "CHAR_LENGTH(" + e + ")";
    }

    /** A boolean: {@code e} matches the regular expression. */
    String regexpLike(String e, String pattern);

    /**
     * More text-to-text functions the engine has (templates with {@link Sql#arg} 0 as the argument): slicing,
     * padding, splitting, quoting, phonetic codes, byte conversions…
     */
    java.util.List<String> moreTextFunctions();

    /** A whole-row reference to {@code alias} as text (e.g. {@code row_to_json(t)}), or null. */
    default String wholeRowText(String alias) {
        return null;
    }

    // ---- JSON and arrays ---------------------------------------------------------------------------------------

    /** A JSON object {@code {key: e}} as text. */
    String jsonObject(String key, String e);

    /** The text of member {@code key} (a plain name) of the JSON text {@code json}. */
    String jsonField(String json, String key);

    /** Element {@code index} (1-based) of an array built of {@code a} and {@code b}, as text. */
    String arrayElement(String a, String b, int index);

    /** An array of {@code a} and {@code b}, rendered as text. */
    String arrayText(String a, String b);

    /** An aggregate returning a {@link java.sql.Array} (null where the engine has no arrays). */
    String arrayAgg(String e);

    /** An aggregate concatenating text with commas. */
    String stringAgg(String e);

    /** An aggregate building a JSON array, as text. */
    String jsonArrayAgg(String e);

    // ---- clauses and statements --------------------------------------------------------------------------------

    /** Whether LIMIT and OFFSET take expressions (subqueries) rather than literals only. */
    boolean limitExpressions();

    boolean fullJoin();

    boolean lateral();

    /** Whether {@code kind} ("insert", "update", "delete") takes a RETURNING clause. */
    boolean returning(String kind);

    /** Whether data-change delta tables exist ({@code SELECT … FROM FINAL TABLE (INSERT …)}). */
    default boolean deltaTables() {
        return false;
    }

    /**
     * An UPDATE of {@code target} joined to {@code source alias} on {@code on}, setting {@code column} (of the target)
     * to {@code expression}; null where the engine has no joined UPDATE.
     */
    String updateJoin(String target, String source, String alias, String on, String column, String expression);

    /** ALTER TABLE … ADD a stored generated column {@code name} computed as {@code expression}. */
    String addGeneratedColumn(String table, String name, String expression);

    /** CREATE UNIQUE INDEX fz_di on an expression of fz_customers; null where there are no expression indexes. */
    String expressionIndex(String expression);

    /**
     * An upsert that copies rows of fz_customers onto themselves (ids collide) and, on the collision, sets
     * {@code tier} to the expression {@link Sql#arg} 0 — PostgreSQL ON CONFLICT, MariaDB ON DUPLICATE KEY; null where
     * the engine has none.
     */
    String upsert();

    /** How an upsert's SET names a column of the incoming row. */
    String incoming(String column);

    /** Standard MERGE into fz_scratch from {@code source alias} (null where the engine has none). */
    default String merge(String source, String alias, String on, String setExpression, String insertExpression) {
        return "MERGE INTO fz_scratch USING " + source + " " + alias + " ON " + on
                + " WHEN MATCHED THEN UPDATE SET a = " + setExpression
                + " WHEN NOT MATCHED THEN INSERT (id, a, b, n) VALUES (" + alias + ".id + 100, " + insertExpression
                + ", 'new', 0)";
    }

    /** A statement that creates fz_d1 from a query without CREATE TABLE AS (SELECT INTO, CREATE … SELECT), or null. */
    String selectInto(String query);

    /** A materialized view statement, or null. */
    default String materializedView(String query) {
        return null;
    }
}
