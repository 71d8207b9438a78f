package dev.veil.it.fuzz;

import dev.veil.it.support.TestDatabase.Engine;

/** MariaDB 10.11. */
final class MariaDbFuzzDialect implements FuzzDialect {

    @Override
    public Engine engine() {
        return Engine.MARIADB;
    }

    @Override
    public String castText(String e) {
        return "CAST(" + e + " AS CHAR(300))";
    }

    @Override
    public String castInt(String e) {
        return "CAST(" + e + " AS SIGNED)";
    }

    @Override
    public String recursiveText(String e) {
        return "CAST(" + e + " AS CHAR(400))";
    }

    @Override
    public String reverse(String e) {
        return "REVERSE(" + e + ")";
    }

    @Override
    public String hex(String e) {
        return "HEX(" + e + ")";
    }

    @Override
    public String base64(String e) {
        return "TO_BASE64(" + e + ")";
    }

    @Override
    public String md5(String e) {
        return "MD5(" + e + ")";
    }

    @Override
    public String sha256(String e) {
        return "SHA2(" + e + ", 256)";
    }

    @Override
    public String chr(String code) {
        return "CHAR(" + code + " USING utf8mb4)";
    }

    @Override
    public String position(String needle, String haystack) {
        return "LOCATE(" + needle + ", " + haystack + ")";
    }

    @Override
    public String regexpLike(String e, String pattern) {
        return "(" + e + " REGEXP " + pattern + ")";
    }

    @Override
    public String jsonObject(String key, String e) {
        return "JSON_OBJECT(" + key + ", " + e + ")";
    }

    @Override
    public String jsonField(String json, String key) {
        return "JSON_VALUE(" + json + ", '$." + key + "')";
    }

    @Override
    public String arrayElement(String a, String b, int index) {
        return "JSON_UNQUOTE(JSON_EXTRACT(JSON_ARRAY(" + a + ", " + b + "), '$[" + (index - 1) + "]'))";
    }

    @Override
    public String arrayText(String a, String b) {
        return "JSON_ARRAY(" + a + ", " + b + ")";
    }

    @Override
    public String arrayAgg(String e) {
        return null;
    }

    @Override
    public String stringAgg(String e) {
        return "GROUP_CONCAT(" + e + " SEPARATOR ',')";
    }

    @Override
    public String jsonArrayAgg(String e) {
        return "JSON_ARRAYAGG(" + e + ")";
    }

    @Override
    public boolean limitExpressions() {
        return false;
    }

    @Override
    public boolean fullJoin() {
        return false;
    }

    @Override
    public boolean lateral() {
        return false;
    }

    @Override
    public boolean returning(String kind) {
        return !kind.equals("update");
    }

    @Override
    public String updateJoin(String target, String source, String alias, String on, String column,
                             String expression) {
        return "UPDATE " + target + " JOIN " + source + " " + alias + " ON " + on + " SET " + target + "." + column
                + " = " + expression;
    }

    @Override
    public String addGeneratedColumn(String table, String name, String expression) {
        return "ALTER TABLE " + table + " ADD COLUMN " + name + " VARCHAR(400) AS (" + expression + ") STORED";
    }

    @Override
    public String expressionIndex(String expression) {
        return null;
    }

    @Override
    public java.util.List<String> moreTextFunctions() {
        String a = Sql.arg(0);
        return java.util.List.of("LEFT(" + a + ", 3)", "RIGHT(" + a + ", 5)", "SUBSTRING_INDEX(" + a + ", '@', 1)",
                "MID(" + a + ", 2, 5)", "INSERT(" + a + ", 2, 3, 'xx')", "SOUNDEX(" + a + ")",
                "CONCAT_WS('-', " + a + ", 'x')", "ELT(1, " + a + ", 'x')", "NULLIF(" + a + ", 'x')",
                "GREATEST(" + a + ", 'a')", "REPEAT(" + a + ", 2)", "QUOTE(" + a + ")", "JSON_QUOTE(" + a + ")",
                "CAST(" + a + " AS BINARY)", "CONVERT(" + a + " USING latin1)",
                "REGEXP_REPLACE(" + a + ", '[g-m]', '#')", "REGEXP_SUBSTR(" + a + ", '[n-z]+')",
                "EXPORT_SET(5, " + a + ", 'n')", "MAKE_SET(1, " + a + ", 'x')", "LCASE(" + a + ")",
                "CAST(" + a + " AS CHAR(6))", "JSON_ARRAY(" + a + ")", "HEX(REVERSE(" + a + "))",
                "FROM_BASE64(TO_BASE64(" + a + "))", "UNHEX(HEX(" + a + "))", "COMPRESS(" + a + ")");
    }

    @Override
    public String upsert() {
        return "INSERT INTO fz_customers (id, full_name, email, ssn) SELECT s.id, 'x', s.email, s.ssn"
                + " FROM fz_customers s"
                + " ON DUPLICATE KEY UPDATE tier = " + Sql.arg(0);
    }

    @Override
    public String merge(String source, String alias, String on, String setExpression, String insertExpression) {
        return null;
    }

    @Override
    public String incoming(String column) {
        return "VALUES(" + column + ")";
    }

    @Override
    public String selectInto(String query) {
        return "CREATE TABLE fz_d1 " + query;
    }
}
