package dev.veil.it.tpch;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * A small, deterministic TPC-H data set (scale factor {@value #SCALE}), generated from a fixed seed with the value
 * domains of the TPC-H specification (clause 4.2.3): key ranges and the partsupp supplier formula, the sparse order
 * keys, customers without orders ({@code custkey % 3 == 0}), order and line dates, return flags and line statuses
 * relative to the spec's CURRENTDATE, retail prices, extended and total prices, phone numbers whose country code is
 * the nation key + 10, segments, priorities, types, containers, ship modes and instructions, names made of the
 * spec's colour words, and comments made of its grammar's words.
 *
 * <p>At this scale a few of the 22 queries' standard substitution parameters select rows that uniform generation
 * produces only by chance (Q17, Q18, Q19, Q20 at SF 1 return a handful of rows out of millions). {@link #plant}
 * therefore shapes a few designated parts and lines — always within the spec's domains — so that every query returns
 * a non-empty result; {@code TpchTransparencyIT} holds the data set to that.
 */
final class TpchData {

    static final double SCALE = 0.01;
    static final long SEED = 0x7C0FFEE_2024L;

    static final int SUPPLIERS = (int) (10_000 * SCALE);
    static final int PARTS = (int) (200_000 * SCALE);
    static final int CUSTOMERS = (int) (150_000 * SCALE);
    static final int ORDERS = (int) (1_500_000 * SCALE);
    static final int CLERKS = Math.max(1, (int) (1_000 * SCALE));

    static final LocalDate START_DATE = LocalDate.of(1992, 1, 1);
    static final LocalDate END_DATE = LocalDate.of(1998, 12, 31);
    static final LocalDate CURRENT_DATE = LocalDate.of(1995, 6, 17);

    /** Column types, enough to write the DDL and the fingerprint queries. */
    enum Type { KEY, INT, MONEY, CHAR, VARCHAR, DATE }

    record Column(String name, Type type, int length) {
        /**
         * @param fixedTextAsVarchar whether the spec's fixed-length text is declared VARCHAR: on H2, whose
         *                           {@code CHAR(n) IN ('a', 'b')} finds nothing (H2 2.3.232), which would empty Q12
         *                           and Q19
         */
        String ddl(boolean fixedTextAsVarchar) {
            return name + " " + switch (type) {
                case KEY, INT -> "INTEGER";
                case MONEY -> "DECIMAL(15,2)";
                case CHAR -> (fixedTextAsVarchar ? "VARCHAR(" : "CHAR(") + length + ")";
                case VARCHAR -> "VARCHAR(" + length + ")";
                case DATE -> "DATE";
            } + " NOT NULL";
        }
    }

    record Table(String name, List<Column> columns, List<String> primaryKey, List<Object[]> rows) {
    }

    // ---- the spec's word lists (clause 4.2.2.13 and 4.2.3) ------------------------------------------------------

    static final String[] NATIONS = {"ALGERIA", "ARGENTINA", "BRAZIL", "CANADA", "EGYPT", "ETHIOPIA", "FRANCE",
        "GERMANY", "INDIA", "INDONESIA", "IRAN", "IRAQ", "JAPAN", "JORDAN", "KENYA", "MOROCCO", "MOZAMBIQUE", "PERU",
        "CHINA", "ROMANIA", "SAUDI ARABIA", "VIETNAM", "RUSSIA", "UNITED KINGDOM", "UNITED STATES"};
    static final int[] NATION_REGION = {0, 1, 1, 1, 4, 0, 3, 3, 2, 2, 4, 4, 2, 4, 0, 0, 0, 1, 2, 3, 4, 2, 3, 3, 1};
    static final String[] REGIONS = {"AFRICA", "AMERICA", "ASIA", "EUROPE", "MIDDLE EAST"};

    static final String[] COLOURS = {"almond", "antique", "aquamarine", "azure", "beige", "bisque", "black",
        "blanched", "blue", "blush", "brown", "burlywood", "burnished", "chartreuse", "chiffon", "chocolate", "coral",
        "cornflower", "cornsilk", "cream", "cyan", "dark", "deep", "dim", "dodger", "drab", "firebrick", "floral",
        "forest", "frosted", "gainsboro", "ghost", "goldenrod", "green", "grey", "honeydew", "hot", "indian", "ivory",
        "khaki", "lace", "lavender", "lawn", "lemon", "light", "lime", "linen", "magenta", "maroon", "medium",
        "metallic", "midnight", "mint", "misty", "moccasin", "navajo", "navy", "olive", "orange", "orchid", "pale",
        "papaya", "peach", "peru", "pink", "plum", "powder", "puff", "purple", "red", "rose", "rosy", "royal",
        "saddle", "salmon", "sandy", "seashell", "sienna", "sky", "slate", "smoke", "snow", "spring", "steel", "tan",
        "thistle", "tomato", "turquoise", "violet", "wheat", "white", "yellow"};
    static final String[] TYPE_1 = {"STANDARD", "SMALL", "MEDIUM", "LARGE", "ECONOMY", "PROMO"};
    static final String[] TYPE_2 = {"ANODIZED", "BURNISHED", "PLATED", "POLISHED", "BRUSHED"};
    static final String[] TYPE_3 = {"TIN", "NICKEL", "BRASS", "STEEL", "COPPER"};
    static final String[] CONTAINER_1 = {"SM", "LG", "MED", "JUMBO", "WRAP"};
    static final String[] CONTAINER_2 = {"CASE", "BOX", "BAG", "JAR", "PKG", "PACK", "CAN", "DRUM"};
    static final String[] SEGMENTS = {"AUTOMOBILE", "BUILDING", "FURNITURE", "MACHINERY", "HOUSEHOLD"};
    static final String[] PRIORITIES = {"1-URGENT", "2-HIGH", "3-MEDIUM", "4-NOT SPECIFIED", "5-LOW"};
    static final String[] INSTRUCTIONS = {"DELIVER IN PERSON", "COLLECT COD", "NONE", "TAKE BACK RETURN"};
    static final String[] MODES = {"REG AIR", "AIR", "RAIL", "SHIP", "TRUCK", "MAIL", "FOB"};

    private static final String[] NOUNS = {"foxes", "ideas", "theodolites", "pinto beans", "instructions",
        "dependencies", "excuses", "platelets", "asymptotes", "courts", "dolphins", "multipliers", "sauternes",
        "warthogs", "frets", "dinos", "attainments", "somas", "Tiresias", "patterns", "forges", "braids",
        "hockey players", "frays", "warhorses", "dugouts", "notornis", "epitaphs", "pearls", "tithes", "waters",
        "orbits", "gifts", "sheaves", "depths", "sentiments", "decoys", "realms", "pains", "grouches", "escapades",
        "packages", "requests", "accounts", "deposits"};
    private static final String[] VERBS = {"sleep", "wake", "are", "cajole", "haggle", "nag", "use", "boost",
        "affix", "detect", "integrate", "maintain", "nod", "was", "lose", "sublate", "solve", "thrash", "promise",
        "engage", "hinder", "print", "x-ray", "breach", "eat", "grow", "impress", "mold", "poach", "serve", "run",
        "dazzle", "snooze", "doze", "unwind", "kindle", "play", "hang", "believe", "doubt"};
    private static final String[] ADJECTIVES = {"furious", "sly", "careful", "blithe", "quick", "fluffy", "slow",
        "quiet", "ruthless", "thin", "close", "dogged", "daring", "brave", "stealthy", "permanent", "enticing", "idle",
        "busy", "regular", "final", "ironic", "even", "bold", "silent", "special", "pending", "unusual", "express"};
    private static final String[] ADVERBS = {"sometimes", "always", "never", "furiously", "slyly", "carefully",
        "blithely", "quickly", "fluffily", "slowly", "quietly", "ruthlessly", "thinly", "closely", "doggedly",
        "daringly", "bravely", "stealthily", "permanently", "enticingly", "idly", "busily", "regularly", "finally",
        "ironically", "evenly", "boldly", "silently"};
    private static final String[] PREPOSITIONS = {"about", "above", "according to", "across", "after", "against",
        "along", "alongside of", "among", "around", "at", "atop", "before", "behind", "beneath", "beside", "besides",
        "between", "beyond", "by", "despite", "during", "except", "for", "from", "in place of", "inside",
        "instead of", "into", "near", "of", "on", "outside", "over", "past", "since", "through", "throughout", "to",
        "toward", "under", "until", "up", "upon", "without", "with", "within"};
    private static final String V_STRING =
            "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ,. ";

    private final List<Table> tables = new ArrayList<>();

    // generated rows, by table, kept mutable until planting is done
    private final List<Object[]> region = new ArrayList<>();
    private final List<Object[]> nation = new ArrayList<>();
    private final List<Object[]> supplier = new ArrayList<>();
    private final List<Object[]> part = new ArrayList<>();
    private final List<Object[]> partsupp = new ArrayList<>();
    private final List<Object[]> customer = new ArrayList<>();
    private final List<Object[]> orders = new ArrayList<>();
    private final List<Object[]> lineitem = new ArrayList<>();
    private final Map<Integer, List<Object[]>> linesByOrder = new HashMap<>();

    private TpchData() {
    }

    /** The data set; the same on every call. */
    static TpchData generate() {
        TpchData data = new TpchData();
        data.generateAll();
        return data;
    }

    /** The eight tables, in load order. */
    List<Table> tables() {
        return tables;
    }

    // ---- generation -----------------------------------------------------------------------------------------------

    private void generateAll() {
        Random rnd = new Random(SEED);
        for (int r = 0; r < REGIONS.length; r++) {
            region.add(new Object[] {r, REGIONS[r], text(rnd, 31, 115)});
        }
        for (int n = 0; n < NATIONS.length; n++) {
            nation.add(new Object[] {n, NATIONS[n], NATION_REGION[n], text(rnd, 31, 114)});
        }
        for (int s = 1; s <= SUPPLIERS; s++) {
            int nationKey = rnd.nextInt(25);
            supplier.add(new Object[] {s, String.format("Supplier#%09d", s), vString(rnd, 10, 40), nationKey,
                phone(rnd, nationKey), money(rnd, -99_999, 999_999), text(rnd, 25, 100)});
        }
        // clause 4.2.3: 5 per 10,000 suppliers carry "Customer ... Complaints" or "... Recommends"; at this scale
        // that is less than one, so two of each, for Q16's NOT IN to exclude something
        plantSupplierComment(rnd, 7, "Complaints");
        plantSupplierComment(rnd, 58, "Complaints");
        plantSupplierComment(rnd, 23, "Recommends");
        plantSupplierComment(rnd, 81, "Recommends");

        for (int p = 1; p <= PARTS; p++) {
            int m = 1 + rnd.nextInt(5);
            part.add(new Object[] {p, partName(rnd), "Manufacturer#" + m, "Brand#" + m + (1 + rnd.nextInt(5)),
                pick(rnd, TYPE_1) + " " + pick(rnd, TYPE_2) + " " + pick(rnd, TYPE_3), 1 + rnd.nextInt(50),
                pick(rnd, CONTAINER_1) + " " + pick(rnd, CONTAINER_2), retailPrice(p), text(rnd, 5, 22)});
            for (int i = 0; i < 4; i++) {
                partsupp.add(new Object[] {p, partSupplier(p, i), 1 + rnd.nextInt(9999), money(rnd, 100, 100_000),
                    text(rnd, 49, 198)});
            }
        }
        for (int c = 1; c <= CUSTOMERS; c++) {
            int nationKey = rnd.nextInt(25);
            customer.add(new Object[] {c, String.format("Customer#%09d", c), vString(rnd, 10, 40), nationKey,
                phone(rnd, nationKey), money(rnd, -99_999, 999_999), pick(rnd, SEGMENTS), text(rnd, 29, 116)});
        }
        long lastOrderDay = END_DATE.minusDays(151).toEpochDay();
        for (int i = 1; i <= ORDERS; i++) {
            int orderKey = ((i - 1) / 8) * 32 + (i - 1) % 8 + 1; // sparse keys, as dbgen
            int custKey;
            do {
                custKey = 1 + rnd.nextInt(CUSTOMERS);
            } while (custKey % 3 == 0); // a third of the customers never order (Q13, Q22)
            LocalDate orderDate = LocalDate.ofEpochDay(START_DATE.toEpochDay()
                    + rnd.nextInt((int) (lastOrderDay - START_DATE.toEpochDay() + 1)));
            int lines = 1 + rnd.nextInt(7);
            for (int l = 1; l <= lines; l++) {
                int partKey = 1 + rnd.nextInt(PARTS);
                int suppKey = partSupplier(partKey, rnd.nextInt(4));
                int quantity = 1 + rnd.nextInt(50);
                LocalDate shipDate = orderDate.plusDays(1 + rnd.nextInt(121));
                LocalDate commitDate = orderDate.plusDays(30 + rnd.nextInt(61));
                LocalDate receiptDate = shipDate.plusDays(1 + rnd.nextInt(30));
                String returnFlag = rnd.nextBoolean() ? "R" : "A"; // N when received after CURRENTDATE
                Object[] line = {orderKey, partKey, suppKey, l, quantity, null, cents(rnd.nextInt(11)),
                    cents(rnd.nextInt(9)), returnFlag, null, shipDate, commitDate, receiptDate,
                    pick(rnd, INSTRUCTIONS), pick(rnd, MODES), text(rnd, 10, 43)};
                lineitem.add(line);
                linesByOrder.computeIfAbsent(orderKey, k -> new ArrayList<>()).add(line);
            }
            orders.add(new Object[] {orderKey, custKey, null, null, orderDate, pick(rnd, PRIORITIES),
                String.format("Clerk#%09d", 1 + rnd.nextInt(CLERKS)), 0, text(rnd, 19, 78)});
        }
        plant(rnd);
        derivePrices();

        tables.add(new Table("region", List.of(key("r_regionkey"), chr("r_name", 25), vc("r_comment", 152)),
                List.of("r_regionkey"), region));
        tables.add(new Table("nation", List.of(key("n_nationkey"), chr("n_name", 25), key("n_regionkey"),
                vc("n_comment", 152)), List.of("n_nationkey"), nation));
        tables.add(new Table("supplier", List.of(key("s_suppkey"), chr("s_name", 25), vc("s_address", 40),
                key("s_nationkey"), chr("s_phone", 15), money("s_acctbal"), vc("s_comment", 101)),
                List.of("s_suppkey"), supplier));
        tables.add(new Table("part", List.of(key("p_partkey"), vc("p_name", 55), chr("p_mfgr", 25),
                chr("p_brand", 10), vc("p_type", 25), integer("p_size"), chr("p_container", 10),
                money("p_retailprice"), vc("p_comment", 23)), List.of("p_partkey"), part));
        tables.add(new Table("partsupp", List.of(key("ps_partkey"), key("ps_suppkey"), integer("ps_availqty"),
                money("ps_supplycost"), vc("ps_comment", 199)), List.of("ps_partkey", "ps_suppkey"), partsupp));
        tables.add(new Table("customer", List.of(key("c_custkey"), vc("c_name", 25), vc("c_address", 40),
                key("c_nationkey"), chr("c_phone", 15), money("c_acctbal"), chr("c_mktsegment", 10),
                vc("c_comment", 117)), List.of("c_custkey"), customer));
        tables.add(new Table("orders", List.of(key("o_orderkey"), key("o_custkey"), chr("o_orderstatus", 1),
                money("o_totalprice"), date("o_orderdate"), chr("o_orderpriority", 15), chr("o_clerk", 15),
                integer("o_shippriority"), vc("o_comment", 79)), List.of("o_orderkey"), orders));
        tables.add(new Table("lineitem", List.of(key("l_orderkey"), key("l_partkey"), key("l_suppkey"),
                integer("l_linenumber"), money("l_quantity"), money("l_extendedprice"), money("l_discount"),
                money("l_tax"), chr("l_returnflag", 1), chr("l_linestatus", 1), date("l_shipdate"),
                date("l_commitdate"), date("l_receiptdate"), chr("l_shipinstruct", 25), chr("l_shipmode", 10),
                vc("l_comment", 44)), List.of("l_orderkey", "l_linenumber"), lineitem));
        checkKeys();
    }

    /**
     * Shapes a few designated parts and lines so that the queries whose parameters select very rare combinations
     * find rows at this scale. Every value stays within the spec's domain; lines keep a supplier of their part.
     */
    private void plant(Random rnd) {
        // every nation has a supplier (Q21 looks for SAUDI ARABIA's, Q20 for CANADA's): with 100 suppliers drawn
        // over 25 nations one can be missing; the most populous nation gives one up
        int[] perNation = new int[NATIONS.length];
        supplier.forEach(s -> perNation[(Integer) s[3]]++);
        for (int n = 0; n < NATIONS.length; n++) {
            if (perNation[n] == 0) {
                int from = 0;
                for (int m = 1; m < NATIONS.length; m++) {
                    from = perNation[m] > perNation[from] ? m : from;
                }
                for (int i = supplier.size() - 1; i >= 0; i--) {
                    Object[] s = supplier.get(i);
                    if ((Integer) s[3] == from) {
                        s[3] = n;
                        s[4] = (n + 10) + ((String) s[4]).substring(2);
                        perNation[from]--;
                        perNation[n]++;
                        break;
                    }
                }
            }
        }
        // Q21: finished orders with several suppliers, of which only one from SAUDI ARABIA delivered late
        int waited = 0;
        for (int o = 48; o < orders.size() && waited < 4; o += 97) {
            Object[] order = orders.get(o);
            List<Object[]> lines = linesOf((Integer) order[0]);
            if (((LocalDate) order[4]).getYear() > 1994 || lines.size() < 2) {
                continue;
            }
            Object[] late = lines.get(0);
            int saudi = -1;
            for (int k = 0; saudi < 0; k++) {
                int partKey = ((Integer) late[1] + k - 1) % PARTS + 1;
                for (int i = 0; i < 4 && saudi < 0; i++) {
                    int s = partSupplier(partKey, i);
                    if ((Integer) supplier.get(s - 1)[3] == 20) {
                        late[1] = partKey;
                        saudi = s;
                    }
                }
            }
            late[2] = saudi;
            LocalDate commit = (LocalDate) late[11];
            late[10] = commit.minusDays(5);
            late[12] = commit.plusDays(5);
            for (Object[] line : lines.subList(1, lines.size())) {
                for (int i = 0; (Integer) line[2] == saudi; i++) {
                    line[2] = partSupplier((Integer) line[1], i);
                }
                LocalDate shipped = ((LocalDate) line[11]).minusDays(10);
                line[10] = shipped;
                line[12] = shipped.plusDays(5);
            }
            waited++;
        }
        // Q17 (Brand#23, MED BOX, small quantities) and Q19's second branch (Brand#23, MED BOX, size 1..10)
        setPart(17, "Manufacturer#2", "Brand#23", 7, "MED BOX");
        // Q19's first branch (Brand#12, SM CASE/BOX/PACK/PKG, size 1..5) and third (Brand#34, LG ..., size 1..15)
        setPart(1219, "Manufacturer#1", "Brand#12", 3, "SM PKG");
        setPart(1734, "Manufacturer#3", "Brand#34", 12, "LG BOX");
        int[][] q19 = {{1219, 1, 11}, {17, 10, 20}, {1734, 20, 30}};
        int planted = 0;
        for (int i = 0; i < lineitem.size() && planted < 12; i += 4_001) {
            Object[] line = lineitem.get(i);
            int[] target = q19[planted % 3];
            line[1] = target[0];
            line[2] = partSupplier(target[0], planted % 4);
            line[4] = target[1] + rnd.nextInt(target[2] - target[1] + 1);
            line[13] = "DELIVER IN PERSON";
            line[14] = "AIR"; // the query asks for AIR or "AIR REG", a mode the spec does not have
            planted++;
        }
        for (int i = 2_000, n = 0; i < lineitem.size() && n < 6; i += 9_973, n++) {
            Object[] line = lineitem.get(i); // Q17: lines of part 17 well under a fifth of its average quantity
            line[1] = 17;
            line[2] = partSupplier(17, n % 4);
            line[4] = 1 + n % 2;
        }
        // Q18: a few orders of seven large lines (sum of quantities > 300)
        for (int o = 500; o < orders.size(); o += 1_000) {
            int orderKey = (Integer) orders.get(o)[0];
            List<Object[]> lines = linesOf(orderKey);
            while (lines.size() < 7) {
                Object[] copy = lines.get(0).clone();
                copy[3] = lines.size() + 1;
                lineitem.add(copy);
                lines.add(copy);
            }
            for (Object[] line : lines) {
                line[4] = 44 + rnd.nextInt(7);
            }
        }
        // Q20: a 'forest%' part supplied from CANADA, with a little of it shipped by that supplier in 1994
        int canadian = -1;
        int forestPart = -1;
        for (int p = 20; p <= PARTS && forestPart < 0; p++) {
            for (int i = 0; i < 4; i++) {
                int s = partSupplier(p, i);
                if ((Integer) supplier.get(s - 1)[3] == 3) {
                    forestPart = p;
                    canadian = s;
                    break;
                }
            }
        }
        Object[] forest = part.get(forestPart - 1);
        List<String> words = new ArrayList<>(List.of(((String) forest[1]).split(" ")));
        words.remove("forest");
        while (words.size() > 4) {
            words.remove(0);
        }
        forest[1] = "forest " + String.join(" ", words);
        int shipped = 0;
        for (Object[] line : lineitem) {
            if (shipped < 3 && ((LocalDate) line[10]).getYear() == 1994 && (Integer) line[1] % 7 == 3) {
                line[1] = forestPart;
                line[2] = canadian;
                line[4] = 1 + rnd.nextInt(5);
                shipped++;
            }
        }
    }

    private void setPart(int partKey, String mfgr, String brand, int size, String container) {
        Object[] p = part.get(partKey - 1);
        p[2] = mfgr;
        p[3] = brand;
        p[5] = size;
        p[6] = container;
    }

    private List<Object[]> linesOf(int orderKey) {
        return linesByOrder.get(orderKey);
    }

    /** Extended prices, line statuses, order statuses and total prices, from the final lines. */
    private void derivePrices() {
        Map<Integer, Object[]> byKey = new HashMap<>();
        for (Object[] o : orders) {
            o[2] = null;
            o[3] = BigDecimal.ZERO.setScale(2);
            byKey.put((Integer) o[0], o);
        }
        for (Object[] line : lineitem) {
            BigDecimal quantity = BigDecimal.valueOf(((Number) line[4]).longValue()).setScale(2);
            line[4] = quantity;
            BigDecimal extended = quantity.multiply((BigDecimal) part.get((Integer) line[1] - 1)[7])
                    .setScale(2, RoundingMode.HALF_UP);
            line[5] = extended;
            String status = ((LocalDate) line[10]).isAfter(CURRENT_DATE) ? "O" : "F";
            line[9] = status;
            if (((LocalDate) line[12]).isAfter(CURRENT_DATE)) {
                line[8] = "N";
            }
            Object[] order = byKey.get((Integer) line[0]);
            BigDecimal charge = extended.multiply(BigDecimal.ONE.add((BigDecimal) line[7]))
                    .multiply(BigDecimal.ONE.subtract((BigDecimal) line[6])).setScale(2, RoundingMode.HALF_UP);
            order[3] = ((BigDecimal) order[3]).add(charge);
            order[2] = order[2] == null ? status : order[2].equals(status) ? status : "P";
        }
    }

    private void plantSupplierComment(Random rnd, int suppKey, String what) {
        Object[] s = supplier.get(suppKey - 1);
        String comment = (String) s[6];
        String middle = "Customer " + pick(rnd, ADJECTIVES) + " " + what + " ";
        int at = rnd.nextInt(Math.max(1, Math.min(comment.length(), 100 - middle.length())));
        String planted = comment.substring(0, at) + middle + comment.substring(at);
        s[6] = planted.substring(0, Math.min(100, planted.length())).strip();
    }

    private void checkKeys() {
        Set<String> keys = new HashSet<>();
        for (Object[] ps : partsupp) {
            if (!keys.add(ps[0] + "/" + ps[1])) {
                throw new IllegalStateException("duplicate partsupp key " + ps[0] + "/" + ps[1]);
            }
        }
        for (Object[] line : lineitem) {
            if (!keys.contains(line[1] + "/" + line[2])) {
                throw new IllegalStateException("line with a supplier not of its part: " + line[1] + "/" + line[2]);
            }
        }
    }

    // ---- value domains --------------------------------------------------------------------------------------------

    /** The i-th (0..3) supplier of a part: clause 4.2.3's formula. */
    static int partSupplier(int partKey, int i) {
        return (partKey + i * (SUPPLIERS / 4 + (partKey - 1) / SUPPLIERS)) % SUPPLIERS + 1;
    }

    static BigDecimal retailPrice(int partKey) {
        return BigDecimal.valueOf(90_000 + ((partKey / 10) % 20_001) + 100L * (partKey % 1000), 2);
    }

    private static String phone(Random rnd, int nationKey) {
        return String.format("%02d-%03d-%03d-%04d", nationKey + 10, 100 + rnd.nextInt(900), 100 + rnd.nextInt(900),
                1000 + rnd.nextInt(9000));
    }

    private static BigDecimal money(Random rnd, int minCents, int maxCents) {
        return BigDecimal.valueOf(minCents + rnd.nextInt(maxCents - minCents + 1), 2);
    }

    private static BigDecimal cents(int cents) {
        return BigDecimal.valueOf(cents, 2);
    }

    private static String partName(Random rnd) {
        Set<String> words = new LinkedHashSet<>();
        while (words.size() < 5) {
            words.add(pick(rnd, COLOURS));
        }
        return String.join(" ", words);
    }

    private static String vString(Random rnd, int min, int max) {
        int length = min + rnd.nextInt(max - min + 1);
        StringBuilder b = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            b.append(V_STRING.charAt(rnd.nextInt(V_STRING.length())));
        }
        return b.toString().strip();
    }

    /** Comment text from the spec grammar's words, cut to a random length in [min, max]. */
    private static String text(Random rnd, int min, int max) {
        int length = min + rnd.nextInt(max - min + 1);
        StringBuilder b = new StringBuilder();
        while (b.length() < length) {
            switch (rnd.nextInt(3)) {
                case 0 -> b.append(pick(rnd, ADJECTIVES)).append(' ').append(pick(rnd, NOUNS)).append(' ')
                        .append(pick(rnd, VERBS)).append(' ').append(pick(rnd, ADVERBS)).append(". ");
                case 1 -> b.append(pick(rnd, NOUNS)).append(' ').append(pick(rnd, VERBS)).append(' ')
                        .append(pick(rnd, PREPOSITIONS)).append(" the ").append(pick(rnd, ADJECTIVES)).append(' ')
                        .append(pick(rnd, NOUNS)).append(". ");
                default -> b.append(pick(rnd, ADVERBS)).append(' ').append(pick(rnd, ADJECTIVES)).append(' ')
                        .append(pick(rnd, NOUNS)).append(' ').append(pick(rnd, VERBS)).append(' ');
            }
        }
        return b.substring(0, length).strip();
    }

    private static String pick(Random rnd, String[] words) {
        return words[rnd.nextInt(words.length)];
    }

    private static Column key(String name) {
        return new Column(name, Type.KEY, 0);
    }

    private static Column integer(String name) {
        return new Column(name, Type.INT, 0);
    }

    private static Column money(String name) {
        return new Column(name, Type.MONEY, 0);
    }

    private static Column chr(String name, int length) {
        return new Column(name, Type.CHAR, length);
    }

    private static Column vc(String name, int length) {
        return new Column(name, Type.VARCHAR, length);
    }

    private static Column date(String name) {
        return new Column(name, Type.DATE, 0);
    }
}
