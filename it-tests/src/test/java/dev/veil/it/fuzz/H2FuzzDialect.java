package dev.veil.it.fuzz;

import dev.veil.it.support.TestDatabase.Engine;

/** H2 2.3 in its regular mode. */
final class H2FuzzDialect implements FuzzDialect {

    @Override
    public Engine engine() {
        return Engine.H2;
    }

    @Override
    public String reverse(String e) {
        return null;
    }

    @Override
    public String hex(String e) {
        return "RAWTOHEX(" + e + ")";
    }

    @Override
    public String base64(String e) {
        return null;
    }

    @Override
    public String md5(String e) {
        return "RAWTOHEX(HASH('MD5', " + e + "))";
    }

    @Override
    public String sha256(String e) {
        return "RAWTOHEX(HASH('SHA-256', " + e + "))";
    }

    @Override
    public String chr(String code) {
        return "CHAR(" + code + ")";
    }

    @Override
    public String position(String needle, String haystack) {
        return "LOCATE(" + needle + ", " + haystack + ")";
    }

    @Override
    public String regexpLike(String e, String pattern) {
        return "REGEXP_LIKE(" + e + ", " + pattern + ")";
    }

    @Override
    public String jsonObject(String key, String e) {
        return "CAST(JSON_OBJECT(" + key + ": " + e + ") AS VARCHAR(400))";
    }

    @Override
    public String jsonField(String json, String key) {
        return null;
    }

    @Override
    public String arrayElement(String a, String b, int index) {
        return "ARRAY[" + a + ", " + b + "][" + index + "]";
    }

    @Override
    public String arrayText(String a, String b) {
        return "CAST(ARRAY[" + a + ", " + b + "] AS VARCHAR(400))";
    }

    @Override
    public String arrayAgg(String e) {
        return "ARRAY_AGG(" + e + ")";
    }

    @Override
    public String stringAgg(String e) {
        return "LISTAGG(" + e + ", ',')";
    }

    @Override
    public String jsonArrayAgg(String e) {
        return "CAST(JSON_ARRAYAGG(" + e + ") AS VARCHAR(4000))";
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
        return false;
    }

    @Override
    public boolean returning(String kind) {
        return false;
    }

    @Override
    public boolean deltaTables() {
        return true;
    }

    @Override
    public String updateJoin(String target, String source, String alias, String on, String column,
                             String expression) {
        return null;
    }

    @Override
    public String addGeneratedColumn(String table, String name, String expression) {
        return "ALTER TABLE " + table + " ADD COLUMN " + name + " VARCHAR(400) GENERATED ALWAYS AS (" + expression
                + ")";
    }

    @Override
    public String expressionIndex(String expression) {
        return null;
    }

    @Override
    public java.util.List<String> moreTextFunctions() {
        String a = Sql.arg(0);
        return java.util.List.of("LEFT(" + a + ", 3)", "RIGHT(" + a + ", 5)", "INSERT(" + a + ", 2, 3, 'xx')",
                "SOUNDEX(" + a + ")", "CONCAT_WS('-', " + a + ", 'x')", "NULLIF(" + a + ", 'x')",
                "GREATEST(" + a + ", 'a')", "REPEAT(" + a + ", 2)", "TRANSLATE(" + a + ", 'ghjk', 'GHJK')",
                "REGEXP_REPLACE(" + a + ", '[g-m]', '#')", "REGEXP_SUBSTR(" + a + ", '[n-z]+')",
                "UTF8TOSTRING(STRINGTOUTF8(" + a + "))", "RAWTOHEX(STRINGTOUTF8(" + a + "))", "STRINGENCODE(" + a + ")",
                "INITCAP(" + a + ")", "(" + a + " || '.')", "CAST(" + a + " AS CHAR(6))",
                "CAST(ARRAY[" + a + "] AS VARCHAR(400))", "CAST(ROW(" + a + ", 1) AS VARCHAR(400))",
                "XMLTEXT(" + a + ")", "CAST(STRINGTOUTF8(" + a + ") AS VARCHAR(400))");
    }

    @Override
    public String upsert() {
        return null;
    }

    @Override
    public String incoming(String column) {
        return null;
    }

    @Override
    public String selectInto(String query) {
        return null;
    }
}
