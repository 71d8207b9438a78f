package dev.veil.policy;

import dev.veil.policy.PolicyTree.Entry;
import dev.veil.policy.PolicyTree.ListNode;
import dev.veil.policy.PolicyTree.MapNode;
import dev.veil.policy.PolicyTree.Node;
import dev.veil.policy.PolicyTree.Scalar;
import dev.veil.policy.mask.Mask;
import dev.veil.policy.mask.MaskKind;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.StringReader;
import java.math.BigDecimal;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Loads a policy from YAML or JSON. Every problem is a {@link PolicyException} naming the source, line and field:
 * unknown fields, wrong types, unknown masks or modes, bad patterns, references to unknown classes, out-of-range
 * numbers. The policy format is described in {@code docs/masking.md} and by the JSON Schema
 * {@code dev/veil/policy/policy.schema.json} on the class path.
 */
public final class PolicyLoader {

    /**
     * The fields of every object in the format, by path ({@code *} for any map key, {@code []} for list items). The
     * JSON Schema declares exactly these (a test keeps the two in step).
     */
    static final Map<String, List<String>> FIELDS = fields();

    private static final Pattern CLASS_ID = Pattern.compile("[a-z][a-z0-9_]*");
    private static final int MAX_CLASS_ID = 64;

    private final String source;

    private PolicyLoader(String source) {
        this.source = source;
    }

    private static Map<String, List<String>> fields() {
        Map<String, List<String>> f = new LinkedHashMap<>();
        f.put("", List.of("version", "classes", "columns", "detect", "exempt", "approvals", "routines",
                "untrusted"));
        f.put("classes.*", List.of("mask", "predicates", "keepFirst", "keepLast", "pad", "step", "description"));
        f.put("columns[]", List.of("match", "class"));
        f.put("detect", List.of("names", "comments", "sample"));
        f.put("detect.sample", List.of("rows", "threshold"));
        f.put("exempt", List.of("users"));
        f.put("routines", List.of("trusted"));
        f.put("approvals", List.of("server", "ddl", "exportRows", "writeRows", "dmlWithoutWhere", "exports",
                "onUnknown"));
        f.put("approvals.ddl", List.of("create", "alter", "drop", "truncate", "rename", "comment", "grant",
                "revoke"));
        return java.util.Collections.unmodifiableMap(f);
    }

    /** Loads a policy file; {@code .json} files are read as JSON, anything else as YAML. */
    public static Policy load(Path path) throws PolicyException {
        String name = path.toString();
        try (Reader reader = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
            return new PolicyLoader(name).read(reader, formatOf(name, null));
        } catch (NoSuchFileException e) {
            throw new PolicyException(name, 0, "", "no such file");
        } catch (IOException e) {
            throw new PolicyException(name, 0, "", "cannot be read: " + e.getMessage());
        }
    }

    /**
     * Loads a policy from a stream (UTF-8).
     *
     * @param sourceName how messages name the source, e.g. a file name; a name ending in {@code .json} is read as
     *                   JSON, anything else as YAML
     */
    public static Policy load(InputStream in, String sourceName) throws PolicyException {
        try (Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
            return new PolicyLoader(sourceName).read(reader, formatOf(sourceName, null));
        } catch (IOException e) {
            throw new PolicyException(sourceName, 0, "", "cannot be read: " + e.getMessage());
        }
    }

    /** Parses policy text; JSON when it starts with '{' or {@code sourceName} ends in {@code .json}, else YAML. */
    public static Policy parse(String text, String sourceName) throws PolicyException {
        return new PolicyLoader(sourceName).read(new StringReader(text), formatOf(sourceName, text));
    }

    private static PolicyTree.Format formatOf(String name, String text) {
        if (name != null && name.toLowerCase(Locale.ROOT).endsWith(".json")) {
            return PolicyTree.Format.JSON;
        }
        if (text != null && text.stripLeading().startsWith("{")) {
            return PolicyTree.Format.JSON;
        }
        return PolicyTree.Format.YAML;
    }

    // ---- the document ----------------------------------------------------------------------------------------

    private Policy read(Reader reader, PolicyTree.Format format) throws PolicyException {
        Node root;
        try {
            root = PolicyTree.parse(reader, format);
        } catch (PolicyTree.ParseProblem e) {
            throw new PolicyException(source, e.line, "", e.getMessage());
        }
        if (root == null) {
            throw new PolicyException(source, 0, "", "the policy is empty (it needs at least 'version: 1')");
        }
        MapNode doc = map(root, "");
        checkFields(doc, "", "");
        Entry version = doc.entries().get("version");
        if (version == null) {
            throw fail(doc, "version", "missing (the first line of a policy is 'version: 1')");
        }
        int v = integer(version.value(), "version", 0, Integer.MAX_VALUE);
        if (v != Policy.CURRENT_VERSION) {
            throw fail(version.value(), "version", "unsupported version " + v + " (this Veil reads version "
                    + Policy.CURRENT_VERSION + ")");
        }
        Map<String, SensitiveClass> classes = classes(doc.entries().get("classes"));
        List<ColumnRule> columns = columns(doc.entries().get("columns"), classes);
        DetectSettings detect = detect(doc.entries().get("detect"));
        Set<String> exempt = exempt(doc.entries().get("exempt"));
        ApprovalSettings approvals = approvals(doc.entries().get("approvals"));
        Set<String> trusted = trustedRoutines(doc.entries().get("routines"));
        List<ColumnPattern> untrusted = untrusted(doc.entries().get("untrusted"));
        return new Policy(v, classes, columns, detect, exempt, approvals, trusted, untrusted);
    }

    // ---- classes ---------------------------------------------------------------------------------------------

    private Map<String, SensitiveClass> classes(Entry entry) throws PolicyException {
        Map<String, SensitiveClass> classes = new LinkedHashMap<>(BuiltinClasses.all());
        if (entry == null || isNull(entry.value())) {
            return classes;
        }
        MapNode map = map(entry.value(), "classes");
        for (Entry e : map.entries().values()) {
            String id = e.key();
            String path = "classes." + id;
            if (!CLASS_ID.matcher(id).matches() || id.length() > MAX_CLASS_ID) {
                throw new PolicyException(source, e.keyLine(), path, "class ids are lower-case letters, digits and"
                        + " '_', starting with a letter (at most " + MAX_CLASS_ID + " characters)");
            }
            if (id.equals(BuiltinClasses.NONE)) {
                throw new PolicyException(source, e.keyLine(), path, "'none' is reserved: it marks columns that are"
                        + " not sensitive and cannot be defined");
            }
            classes.put(id, sensitiveClass(id, e.value(), path, BuiltinClasses.all().get(id)));
        }
        return classes;
    }

    private SensitiveClass sensitiveClass(String id, Node node, String path, SensitiveClass base)
            throws PolicyException {
        if (isNull(node)) {
            throw fail(node, path, "expected a mapping with at least 'mask', found nothing");
        }
        MapNode map = map(node, path);
        checkFields(map, "classes.*", path);
        Map<String, Entry> f = map.entries();

        MaskKind kind;
        if (f.containsKey("mask")) {
            kind = byId(f.get("mask").value(), path + ".mask", "mask", MaskKind.values(), MaskKind::id);
        } else {
            kind = base == null ? MaskKind.REDACT : base.mask().kind();
        }
        Mask defaults = base != null && base.mask().kind() == kind ? base.mask() : Mask.defaultOf(kind);
        for (String parameter : List.of("keepFirst", "keepLast", "pad", "step")) {
            MaskKind owner = parameter.equals("step") ? MaskKind.ROUND : MaskKind.PARTIAL;
            if (f.containsKey(parameter) && kind != owner) {
                throw new PolicyException(source, f.get(parameter).keyLine(), path + "." + parameter, parameter
                        + " applies only to mask " + owner.id() + " (this class's mask is " + kind.id() + ")");
            }
        }
        Mask mask;
        if (kind == MaskKind.PARTIAL) {
            int keepFirst = f.containsKey("keepFirst")
                    ? integer(f.get("keepFirst").value(), path + ".keepFirst", 0, Mask.MAX_KEEP) : defaults.keepFirst();
            int keepLast = f.containsKey("keepLast")
                    ? integer(f.get("keepLast").value(), path + ".keepLast", 0, Mask.MAX_KEEP) : defaults.keepLast();
            String pad = defaults.pad();
            if (f.containsKey("pad")) {
                pad = string(f.get("pad").value(), path + ".pad");
                if (!Mask.isValidPad(pad)) {
                    throw fail(f.get("pad").value(), path + ".pad", "expected one printable character, found '"
                            + pad + "'");
                }
            }
            mask = Mask.partial(keepFirst, keepLast, pad);
        } else if (kind == MaskKind.ROUND) {
            BigDecimal step = defaults.step();
            if (f.containsKey("step")) {
                step = number(f.get("step").value(), path + ".step");
                if (step.compareTo(Mask.MIN_STEP) < 0 || step.compareTo(Mask.MAX_STEP) > 0) {
                    throw fail(f.get("step").value(), path + ".step", "expected a number from "
                            + Mask.MIN_STEP.toPlainString() + " to " + Mask.MAX_STEP.toPlainString() + ", found "
                            + step.toPlainString());
                }
            }
            mask = Mask.round(step);
        } else {
            mask = Mask.defaultOf(kind);
        }

        PredicateMode predicates = base == null ? PredicateMode.DENY : base.predicates();
        if (f.containsKey("predicates")) {
            predicates = byId(f.get("predicates").value(), path + ".predicates", "predicate mode",
                    PredicateMode.values(), PredicateMode::id);
        }
        String description = f.containsKey("description")
                ? string(f.get("description").value(), path + ".description")
                : base == null ? "" : base.description();
        return new SensitiveClass(id, mask, predicates, description);
    }

    // ---- untrusted -------------------------------------------------------------------------------------------

    /** {@code untrusted: [tickets.body, "*.review_text"]}: patterns as in {@code columns[].match}. */
    private List<ColumnPattern> untrusted(Entry entry) throws PolicyException {
        List<ColumnPattern> patterns = new ArrayList<>();
        if (entry == null || isNull(entry.value())) {
            return patterns;
        }
        ListNode list = list(entry.value(), "untrusted");
        for (int i = 0; i < list.items().size(); i++) {
            Node item = list.items().get(i);
            String path = "untrusted[" + i + "]";
            try {
                patterns.add(ColumnPattern.parse(string(item, path)));
            } catch (IllegalArgumentException e) {
                throw fail(item, path, e.getMessage());
            }
        }
        return patterns;
    }

    // ---- columns ---------------------------------------------------------------------------------------------

    private List<ColumnRule> columns(Entry entry, Map<String, SensitiveClass> classes) throws PolicyException {
        List<ColumnRule> rules = new ArrayList<>();
        if (entry == null || isNull(entry.value())) {
            return rules;
        }
        ListNode list = list(entry.value(), "columns");
        for (int i = 0; i < list.items().size(); i++) {
            String path = "columns[" + i + "]";
            MapNode rule = map(list.items().get(i), path);
            checkFields(rule, "columns[]", path);
            Node match = required(rule, "match", path);
            Node classNode = required(rule, "class", path);
            String patternText = string(match, path + ".match");
            ColumnPattern pattern;
            try {
                pattern = ColumnPattern.parse(patternText);
            } catch (IllegalArgumentException e) {
                throw fail(match, path + ".match", e.getMessage());
            }
            String classId = string(classNode, path + ".class");
            if (!classId.equals(BuiltinClasses.NONE) && !classes.containsKey(classId)) {
                throw fail(classNode, path + ".class", "unknown class '" + classId + "' (expected one of "
                        + Policy.knownClasses(classes) + ", or none)");
            }
            rules.add(new ColumnRule(pattern, classId));
        }
        return rules;
    }

    // ---- detect, exempt --------------------------------------------------------------------------------------

    private DetectSettings detect(Entry entry) throws PolicyException {
        DetectSettings d = DetectSettings.defaults();
        if (entry == null || isNull(entry.value())) {
            return d;
        }
        MapNode map = map(entry.value(), "detect");
        checkFields(map, "detect", "detect");
        Map<String, Entry> f = map.entries();
        boolean names = f.containsKey("names") ? bool(f.get("names").value(), "detect.names") : d.names();
        boolean comments = f.containsKey("comments") ? bool(f.get("comments").value(), "detect.comments")
                : d.comments();
        int rows = d.sampleRows();
        double threshold = d.sampleThreshold();
        if (f.containsKey("sample") && !isNull(f.get("sample").value())) {
            MapNode sample = map(f.get("sample").value(), "detect.sample");
            checkFields(sample, "detect.sample", "detect.sample");
            Map<String, Entry> s = sample.entries();
            if (s.containsKey("rows")) {
                rows = integer(s.get("rows").value(), "detect.sample.rows", 0, DetectSettings.MAX_SAMPLE_ROWS);
            }
            if (s.containsKey("threshold")) {
                BigDecimal t = number(s.get("threshold").value(), "detect.sample.threshold");
                if (t.signum() <= 0 || t.compareTo(BigDecimal.ONE) > 0) {
                    throw fail(s.get("threshold").value(), "detect.sample.threshold", "expected a share greater than"
                            + " 0 and at most 1 (e.g. 0.8), found " + t.toPlainString());
                }
                threshold = t.doubleValue();
            }
        }
        return new DetectSettings(names, comments, rows, threshold);
    }

    private Set<String> exempt(Entry entry) throws PolicyException {
        return stringSet(entry, "exempt", "users", this::exemptUser);
    }

    private String exemptUser(Node node, String path, String user) throws PolicyException {
        if (user.isBlank()) {
            throw fail(node, path, "empty user name");
        }
        return user;
    }

    // ---- routines --------------------------------------------------------------------------------------------

    private static final Pattern ROUTINE = Pattern.compile("[A-Za-z_][A-Za-z0-9_$]*(\\.[A-Za-z_][A-Za-z0-9_$]*)?");

    private Set<String> trustedRoutines(Entry entry) throws PolicyException {
        return stringSet(entry, "routines", "trusted", this::trustedRoutine);
    }

    /** Lower-cased: routine names are matched case-insensitively. */
    private String trustedRoutine(Node node, String path, String routine) throws PolicyException {
        if (!ROUTINE.matcher(routine).matches()) {
            throw fail(node, path, "bad routine name '" + routine + "': expected name or schema.name");
        }
        return routine.toLowerCase(Locale.ROOT);
    }

    // ---- approvals -------------------------------------------------------------------------------------------

    private ApprovalSettings approvals(Entry entry) throws PolicyException {
        if (entry == null || isNull(entry.value())) {
            return ApprovalSettings.none();
        }
        ApprovalSettings d = ApprovalSettings.defaults();
        MapNode map = map(entry.value(), "approvals");
        checkFields(map, "approvals", "approvals");
        Map<String, Entry> f = map.entries();
        URI server = d.server();
        if (f.containsKey("server") && !isNull(f.get("server").value())) {
            server = serverUrl(f.get("server").value());
        }
        ApprovalSettings.Ddl ddl = d.ddl();
        if (f.containsKey("ddl")) {
            ddl = ddl(f.get("ddl").value());
        }
        long exportRows = f.containsKey("exportRows")
                ? integer(f.get("exportRows").value(), "approvals.exportRows", 0, Integer.MAX_VALUE) : d.exportRows();
        long writeRows = f.containsKey("writeRows")
                ? integer(f.get("writeRows").value(), "approvals.writeRows", 0, Integer.MAX_VALUE) : d.writeRows();
        boolean dmlWithoutWhere = f.containsKey("dmlWithoutWhere")
                ? bool(f.get("dmlWithoutWhere").value(), "approvals.dmlWithoutWhere") : d.dmlWithoutWhere();
        boolean exports = f.containsKey("exports") ? bool(f.get("exports").value(), "approvals.exports") : d.exports();
        ApprovalSettings.OnUnknown onUnknown = d.onUnknown();
        if (f.containsKey("onUnknown")) {
            onUnknown = byId(f.get("onUnknown").value(), "approvals.onUnknown", "action",
                    ApprovalSettings.OnUnknown.values(), ApprovalSettings.OnUnknown::id);
        }
        return new ApprovalSettings(server, ddl, exportRows, writeRows, dmlWithoutWhere, exports, onUnknown);
    }

    private URI serverUrl(Node node) throws PolicyException {
        String text = string(node, "approvals.server");
        try {
            URI uri = new URI(text);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if ((scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null
                    && uri.getUserInfo() == null) {
                return uri;
            }
        } catch (URISyntaxException e) {
            // reported below
        }
        throw fail(node, "approvals.server", "expected an http:// or https:// URL without credentials, found '"
                + text + "'");
    }

    private ApprovalSettings.Ddl ddl(Node node) throws PolicyException {
        if (node instanceof Scalar s && s.value() instanceof Boolean all) {
            return new ApprovalSettings.Ddl(all, all, all, all, all, all, all, all);
        }
        MapNode map = map(node, "approvals.ddl");
        checkFields(map, "approvals.ddl", "approvals.ddl");
        ApprovalSettings.Ddl d = ApprovalSettings.Ddl.all();
        Map<String, Entry> f = map.entries();
        return new ApprovalSettings.Ddl(
                flag(f, "create", d.create()), flag(f, "alter", d.alter()), flag(f, "drop", d.drop()),
                flag(f, "truncate", d.truncate()), flag(f, "rename", d.rename()), flag(f, "comment", d.comment()),
                flag(f, "grant", d.grant()), flag(f, "revoke", d.revoke()));
    }

    private boolean flag(Map<String, Entry> fields, String name, boolean otherwise) throws PolicyException {
        return fields.containsKey(name) ? bool(fields.get(name).value(), "approvals.ddl." + name) : otherwise;
    }

    // ---- typed access with precise messages ------------------------------------------------------------------

    private void checkFields(MapNode map, String shape, String path) throws PolicyException {
        List<String> allowed = FIELDS.get(shape);
        for (Entry e : map.entries().values()) {
            if (!allowed.contains(e.key())) {
                String field = path.isEmpty() ? e.key() : path + "." + e.key();
                String suggestion = suggest(e.key(), allowed);
                throw new PolicyException(source, e.keyLine(), field, "unknown field (expected one of "
                        + String.join(", ", allowed) + ")" + (suggestion == null ? "" : "; did you mean '"
                        + suggestion + "'?"));
            }
        }
    }

    private Node required(MapNode map, String name, String path) throws PolicyException {
        Entry e = map.entries().get(name);
        if (e == null) {
            throw fail(map, path + "." + name, "missing");
        }
        return e.value();
    }

    private MapNode map(Node node, String path) throws PolicyException {
        if (node instanceof MapNode m) {
            return m;
        }
        throw fail(node, path, "expected a mapping, found " + node.describe());
    }

    private ListNode list(Node node, String path) throws PolicyException {
        if (node instanceof ListNode l) {
            return l;
        }
        throw fail(node, path, "expected a list, found " + node.describe());
    }

    private String string(Node node, String path) throws PolicyException {
        if (node instanceof Scalar s && s.value() instanceof String text) {
            return text;
        }
        throw fail(node, path, "expected text, found " + node.describe());
    }

    private boolean bool(Node node, String path) throws PolicyException {
        if (node instanceof Scalar s && s.value() instanceof Boolean b) {
            return b;
        }
        throw fail(node, path, "expected true or false, found " + node.describe());
    }

    private BigDecimal number(Node node, String path) throws PolicyException {
        if (node instanceof Scalar s && s.value() instanceof BigDecimal d) {
            return d;
        }
        throw fail(node, path, "expected a number, found " + node.describe());
    }

    private int integer(Node node, String path, int min, int max) throws PolicyException {
        if (node instanceof Scalar s && s.value() instanceof BigDecimal d) {
            BigDecimal stripped = d.stripTrailingZeros();
            if (stripped.scale() <= 0 && d.compareTo(BigDecimal.valueOf(min)) >= 0
                    && d.compareTo(BigDecimal.valueOf(max)) <= 0) {
                return d.intValueExact();
            }
            if (stripped.scale() <= 0) {
                throw fail(node, path, "expected a whole number from " + min + " to " + max + ", found "
                        + d.toPlainString());
            }
        }
        throw fail(node, path, "expected a whole number, found " + node.describe());
    }

    /** Checks one text of a list and returns it as it is kept, or fails naming it. */
    @FunctionalInterface
    private interface ItemReader {
        String read(Node node, String path, String text) throws PolicyException;
    }

    /**
     * The texts of the list {@code section.field}, each through {@code item}, in order and without repeats; empty
     * when the section or the list is absent or null.
     */
    private Set<String> stringSet(Entry entry, String section, String field, ItemReader item)
            throws PolicyException {
        Set<String> values = new LinkedHashSet<>();
        if (entry == null || isNull(entry.value())) {
            return values;
        }
        MapNode map = map(entry.value(), section);
        checkFields(map, section, section);
        Entry list = map.entries().get(field);
        if (list == null || isNull(list.value())) {
            return values;
        }
        ListNode items = list(list.value(), section + "." + field);
        for (int i = 0; i < items.items().size(); i++) {
            String path = section + "." + field + "[" + i + "]";
            Node node = items.items().get(i);
            values.add(item.read(node, path, string(node, path)));
        }
        return values;
    }

    private static boolean isNull(Node node) {
        return node instanceof Scalar s && s.value() == null;
    }

    private PolicyException fail(Node node, String path, String problem) {
        return new PolicyException(source, node.line(), path, problem);
    }

    /**
     * The constant whose policy id the text at {@code node} is; otherwise fails naming the {@code kind} of thing and
     * every id, in declaration order.
     */
    private <E extends Enum<E>> E byId(Node node, String path, String kind, E[] constants, Function<E, String> id)
            throws PolicyException {
        String name = string(node, path);
        List<String> ids = new ArrayList<>();
        for (E constant : constants) {
            if (id.apply(constant).equals(name)) {
                return constant;
            }
            ids.add(id.apply(constant));
        }
        throw fail(node, path, "unknown " + kind + " '" + name + "' (expected one of " + String.join(", ", ids) + ")");
    }

    /** A known field differing only in case or by at most two edits, to point at typos. */
    private static String suggest(String field, List<String> allowed) {
        String best = null;
        int bestDistance = 3;
        for (String candidate : allowed) {
            int d = candidate.equalsIgnoreCase(field) ? 0
                    : distance(candidate.toLowerCase(Locale.ROOT), field.toLowerCase(Locale.ROOT));
            if (d < bestDistance) {
                best = candidate;
                bestDistance = d;
            }
        }
        return best;
    }

    private static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                current[j] = Math.min(Math.min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
