package dev.veil.it.fuzz;

import dev.veil.it.support.TestDatabase.Engine;

/** PostgreSQL 15. */
final class PostgresFuzzDialect implements FuzzDialect {

    @Override
    public Engine engine() {
        return Engine.POSTGRESQL;
    }

    @Override
    public String recursiveText(String e) {
        return "CAST(" + e + " AS TEXT)";
    }

    @Override
    public String reverse(String e) {
        return "REVERSE(" + e + ")";
    }

    @Override
    public String hex(String e) {
        return "ENCODE(CONVERT_TO(" + e + ", 'UTF8'), 'hex')";
    }

    @Override
    public String base64(String e) {
        return "ENCODE(CONVERT_TO(" + e + ", 'UTF8'), 'base64')";
    }

    @Override
    public String md5(String e) {
        return "MD5(" + e + ")";
    }

    @Override
    public String sha256(String e) {
        return "ENCODE(SHA256(CONVERT_TO(" + e + ", 'UTF8')), 'hex')";
    }

    @Override
    public String chr(String code) {
        return "CHR(" + code + ")";
    }

    @Override
    public String position(String needle, String haystack) {
        return "STRPOS(" + haystack + ", " + needle + ")";
    }

    @Override
    public String regexpLike(String e, String pattern) {
        return "(" + e + " ~ " + pattern + ")";
    }

    @Override
    public String jsonObject(String key, String e) {
        return "CAST(JSON_BUILD_OBJECT(" + key + ", " + e + ") AS TEXT)";
    }

    @Override
    public String jsonField(String json, String key) {
        return "(CAST(" + json + " AS JSON) ->> '" + key + "')";
    }

    @Override
    public String arrayElement(String a, String b, int index) {
        return "(ARRAY[" + a + ", " + b + "])[" + index + "]";
    }

    @Override
    public String arrayText(String a, String b) {
        return "ARRAY_TO_STRING(ARRAY[" + a + ", " + b + "], ',')";
    }

    @Override
    public String arrayAgg(String e) {
        return "ARRAY_AGG(" + e + ")";
    }

    @Override
    public String stringAgg(String e) {
        return "STRING_AGG(" + e + ", ',')";
    }

    @Override
    public String jsonArrayAgg(String e) {
        return "CAST(JSON_AGG(" + e + ") AS TEXT)";
    }

    @Override
    public boolean limitExpressions() {
        return true;
    }

    @Override
    public boolean fullJoin() {
        return true;
    }

    @Override
    public boolean lateral() {
        return true;
    }

    @Override
    public boolean returning(String kind) {
        return true;
    }

    @Override
    public String updateJoin(String target, String source, String alias, String on, String column,
                             String expression) {
        return "UPDATE " + target + " SET " + column + " = " + expression + " FROM " + source + " " + alias
                + " WHERE " + on;
    }

    @Override
    public String addGeneratedColumn(String table, String name, String expression) {
        return "ALTER TABLE " + table + " ADD COLUMN " + name + " VARCHAR(400) GENERATED ALWAYS AS (" + expression
                + ") STORED";
    }

    @Override
    public String expressionIndex(String expression) {
        return "CREATE UNIQUE INDEX fz_di ON fz_customers ((" + expression + "))";
    }

    @Override
    public String materializedView(String query) {
        return "CREATE MATERIALIZED VIEW fz_dm AS " + query;
    }

    @Override
    public java.util.List<String> moreTextFunctions() {
        String a = Sql.arg(0);
        return java.util.List.of("LEFT(" + a + ", 3)", "RIGHT(" + a + ", 5)", "SPLIT_PART(" + a + ", '@', 1)",
                "INITCAP(" + a + ")", "TRANSLATE(" + a + ", 'ghjk', 'GHJK')",
                "OVERLAY(" + a + " PLACING 'xx' FROM 2 FOR 3)",
                "REPEAT(" + a + ", 2)", "FORMAT('%s!', " + a + ")", "QUOTE_LITERAL(" + a + ")",
                "CONCAT_WS('-', " + a + ", 'x')", "NULLIF(" + a + ", 'x')", "GREATEST(" + a + ", 'a')",
                "TO_HEX(ASCII(" + a + "))", "CAST(CAST(" + a + " AS BYTEA) AS TEXT)",
                "CAST(TO_JSON(" + a + ") AS TEXT)",
                "ARRAY_TO_STRING(STRING_TO_ARRAY(" + a + ", 'x'), '|')", "REGEXP_REPLACE(" + a + ", '[g-m]', '#', 'g')",
                "SUBSTRING(" + a + " FROM 2 FOR 5)", "BTRIM(" + a + ", 'g')", "(" + a + " || '.')",
                "ARRAY_TO_STRING(ARRAY(SELECT UNNEST(STRING_TO_ARRAY(" + a + ", NULL))), ',')",
                "CAST(ARRAY[" + a + "] AS TEXT)", "CAST(ROW(" + a + ", 1) AS TEXT)", "CAST(JSONB_BUILD_ARRAY(" + a
                        + ") AS TEXT)", "ENCODE(SHA224(CONVERT_TO(" + a + ", 'UTF8')), 'hex')",
                "CAST(CAST(" + a + " AS CHAR(6)) AS TEXT)");
    }

    @Override
    public String wholeRowText(String alias) {
        return "CAST(ROW_TO_JSON(" + alias + ") AS TEXT)";
    }

    @Override
    public String upsert() {
        return "INSERT INTO fz_customers (id, full_name, email, ssn) SELECT s.id, 'x', s.email, s.ssn"
                + " FROM fz_customers s"
                + " ON CONFLICT (id) DO UPDATE SET tier = " + Sql.arg(0);
    }

    @Override
    public String incoming(String column) {
        return "EXCLUDED." + column;
    }

    @Override
    public String selectInto(String query) {
        return null;
    }
}
