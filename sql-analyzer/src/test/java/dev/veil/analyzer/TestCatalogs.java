package dev.veil.analyzer;

import java.util.Locale;

/** Catalogs shared by the tests: an application schema and the TPC-H schema, in each dialect's name folding. */
final class TestCatalogs {

    private TestCatalogs() { }

    static final String[][] TABLES = {
            {"users", "id integer", "name varchar", "email varchar", "ssn varchar", "dept_id integer",
                    "salary numeric"},
            {"orders", "id integer", "user_id integer", "amount numeric", "note text", "created_at timestamp"},
            {"depts", "id integer", "name varchar", "budget numeric"},
            {"audit_log", "id integer", "user_id integer", "email varchar", "at timestamp"},
            {"people", "id integer", "parent_id integer", "name varchar", "ssn varchar"},
            // TPC-H
            {"region", "r_regionkey integer", "r_name char", "r_comment varchar"},
            {"nation", "n_nationkey integer", "n_name char", "n_regionkey integer", "n_comment varchar"},
            {"part", "p_partkey integer", "p_name varchar", "p_mfgr char", "p_brand char", "p_type varchar",
                    "p_size integer", "p_container char", "p_retailprice decimal", "p_comment varchar"},
            {"supplier", "s_suppkey integer", "s_name char", "s_address varchar", "s_nationkey integer", "s_phone char",
                    "s_acctbal decimal", "s_comment varchar"},
            {"partsupp", "ps_partkey integer", "ps_suppkey integer", "ps_availqty integer", "ps_supplycost decimal",
                    "ps_comment varchar"},
            {"customer", "c_custkey integer", "c_name varchar", "c_address varchar", "c_nationkey integer",
                    "c_phone char", "c_acctbal decimal", "c_mktsegment char", "c_comment varchar"},
            {"lineitem", "l_orderkey integer", "l_partkey integer", "l_suppkey integer", "l_linenumber integer",
                    "l_quantity decimal", "l_extendedprice decimal", "l_discount decimal", "l_tax decimal",
                    "l_returnflag char", "l_linestatus char", "l_shipdate date", "l_commitdate date",
                    "l_receiptdate date", "l_shipinstruct char", "l_shipmode char", "l_comment varchar"},
    };

    /** TPC-H's orders table clashes with the application's; TPC-H queries use schema tpch. */
    static final String[][] TPCH = {
            {"orders", "o_orderkey integer", "o_custkey integer", "o_orderstatus char", "o_totalprice decimal",
                    "o_orderdate date", "o_orderpriority char", "o_clerk char", "o_shippriority integer",
                            "o_comment varchar"},
    };

    static Catalog postgres() {
        InMemoryCatalog.Builder b = InMemoryCatalog.builder("pg-test").version(1).currentCatalog("app")
                .searchPath("public");
        add(b, "public", false);
        b.view("public", "v_users", "SELECT id, name, email FROM users WHERE dept_id IS NOT NULL",
                "id integer", "name varchar", "email varchar");
        b.view("public", "v_user_orders",
                " SELECT u.name,\n    o.amount,\n    lower((u.email)::text) AS mail\n   FROM (users u\n     JOIN "
                        + "orders o ON ((o.user_id = u.id)));",
                "name varchar", "amount numeric", "mail text");
        b.view("public", "v_nested", "SELECT name AS n, mail FROM v_user_orders", "n varchar", "mail text");
        b.view("public", "v_cycle_a", "SELECT x FROM v_cycle_b", "x integer");
        b.view("public", "v_cycle_b", "SELECT x FROM v_cycle_a", "x integer");
        b.relation("pg_catalog", "pg_stats", Relation.Kind.SYSTEM_TABLE, null, "schemaname name", "tablename name",
                "attname name", "most_common_vals anyarray");
        b.relation("pg_catalog", "pg_class", Relation.Kind.SYSTEM_TABLE, null, "oid oid", "relname name",
                "relkind char");
        b.function("public", "my_fn");
        b.function("public", "lower_udf");
        return b.build();
    }

    static Catalog mariadb() {
        InMemoryCatalog.Builder b = InMemoryCatalog.builder("maria-test").version(1).searchPath("app");
        add(b, "app", false);
        b.view("app", "v_users",
                "select `app`.`users`.`id` AS `id`,`app`.`users`.`name` AS `name`,`app`.`users`.`email` AS `email` "
                        + "from `app`.`users`",
                "id int", "name varchar", "email varchar");
        b.relation("information_schema", "PROCESSLIST", Relation.Kind.SYSTEM_TABLE, null, "ID bigint", "USER varchar",
                "INFO longtext");
        b.function("app", "my_fn");
        return b.build();
    }

    static Catalog h2() {
        InMemoryCatalog.Builder b = InMemoryCatalog.builder("h2-test").version(1).currentCatalog("TEST")
                .searchPath("PUBLIC");
        add(b, "PUBLIC", true);
        b.view("PUBLIC", "V_USERS", "SELECT \"ID\", \"NAME\", \"EMAIL\" FROM \"PUBLIC\".\"USERS\"",
                "ID integer", "NAME varchar", "EMAIL varchar");
        b.function("PUBLIC", "MY_FN");
        return b.build();
    }

    /** The same databases with the TPC-H schema first on the search path. */
    static Catalog tpch(Dialect d) {
        InMemoryCatalog.Builder b = InMemoryCatalog.builder("tpch-" + d).version(1);
        boolean upper = d == Dialect.H2;
        String schema = upper ? "TPCH" : "tpch";
        if (d != Dialect.MARIADB) b.currentCatalog(upper ? "TEST" : "app");
        b.searchPath(schema);
        add(b, schema, upper);
        return b.build();
    }

    static Catalog of(Dialect d) {
        if (d == Dialect.POSTGRESQL) return postgres();
        return d == Dialect.MARIADB ? mariadb() : h2();
    }

    private static void add(InMemoryCatalog.Builder b, String schema, boolean upper) {
        for (String[] t : TABLES) b.table(schema, name(t[0], upper), cols(t, upper));
        for (String[] t : TPCH) b.table(upper ? "TPCH" : "tpch", name(t[0], upper), cols(t, upper));
        for (String[] t : TABLES) {
            if (t[0].startsWith("orders")) continue;
            if (t[0].matches("region|nation|part|supplier|partsupp|customer|lineitem")) {
                b.table(upper ? "TPCH" : "tpch", name(t[0], upper), cols(t, upper));
            }
        }
    }

    private static String name(String n, boolean upper) {
        return upper ? n.toUpperCase(Locale.ROOT) : n;
    }

    private static String[] cols(String[] t, boolean upper) {
        String[] c = new String[t.length - 1];
        for (int i = 1; i < t.length; i++) {
            String[] p = t[i].split(" ", 2);
            c[i - 1] = name(p[0], upper) + " " + p[1];
        }
        return c;
    }
}
