package dev.veil.cli;

import com.github.mustachejava.DefaultMustacheFactory;
import com.github.mustachejava.Mustache;
import dev.veil.driver.events.UsageEvent;
import java.io.PrintWriter;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The usage report as one self-contained HTML page: totals, statements per day by decision, the classes, requesters
 * and tables most used, the grouped table, and the refused and held statements. Charts are inline SVG; the page
 * fetches nothing. The Mustache template escapes every value.
 */
final class HtmlUsageReport {

    private static final Mustache TEMPLATE = new DefaultMustacheFactory("dev/veil/cli")
            .compile("usage-report.mustache");

    /** A colour per decision, in the order the legend lists them. */
    private static final Map<String, String> COLORS = colors();

    private static final int BARS = 12;
    private static final int ATTENTION = 200;

    private HtmlUsageReport() {
    }

    static void write(List<UsageEvents.Event> events, List<UsageDimension> by, String source, PrintWriter out) {
        Map<String, Object> page = new HashMap<>();
        page.put("source", source);
        page.put("generated", Instant.now().truncatedTo(ChronoUnit.SECONDS).toString());
        page.put("period", events.isEmpty() ? "no events" : events.stream().map(e -> e.event().time()).min(
                Instant::compareTo).orElseThrow().truncatedTo(ChronoUnit.SECONDS) + " to " + events.stream()
                .map(e -> e.event().time()).max(Instant::compareTo).orElseThrow().truncatedTo(ChronoUnit.SECONDS));
        page.put("statements", events.size());
        page.put("sensitive", events.stream().filter(e -> e.event().columns() != null
                && !e.event().columns().isEmpty()).count());
        page.put("rows", events.stream().mapToLong(e -> Math.max(0, e.event().rows())).sum());
        page.put("requesters", UsageSummary.of(events, List.of(UsageDimension.REQUESTER)).size());
        page.put("refused", count(events, Set.of("REFUSED")));
        page.put("held", count(events, Set.of("HELD_FOR_APPROVAL", "APPROVED")));
        List<Map<String, Object>> legend = new ArrayList<>();
        COLORS.forEach((decision, color) -> legend.add(Map.of("label", decision.toLowerCase(Locale.ROOT)
                .replace('_', ' '), "color", color)));
        page.put("legend", legend);
        page.put("dayChart", dayChart(events));
        page.put("barCharts", List.of(
                barChart("Statements by class of sensitive data", events, UsageDimension.CLASS),
                barChart("Statements by requester", events, UsageDimension.REQUESTER),
                barChart("Statements by table", events, UsageDimension.TABLE)));
        page.put("byLabel", String.join(", ", by.stream().map(UsageDimension::toString).toList()));
        page.put("header", by.stream().map(UsageDimension::toString).toList());
        List<Map<String, Object>> groups = new ArrayList<>();
        for (UsageSummary.Group g : UsageSummary.of(events, by)) {
            groups.add(Map.of("key", g.key(), "statements", g.statements(), "rows", g.rows()));
        }
        page.put("groups", groups);
        List<Map<String, Object>> attention = new ArrayList<>();
        int more = 0;
        for (UsageEvents.Event e : events) {
            UsageEvent u = e.event();
            if (!Set.of("REFUSED", "HELD_FOR_APPROVAL", "APPROVED").contains(u.decision())) {
                continue;
            }
            if (attention.size() == ATTENTION) {
                more++;
                continue;
            }
            Map<String, Object> row = new HashMap<>();
            row.put("time", u.time().truncatedTo(ChronoUnit.SECONDS).toString());
            row.put("requester", UsageDimension.REQUESTER.values(u).get(0));
            row.put("decision", u.decision().toLowerCase(Locale.ROOT).replace('_', ' '));
            row.put("rule", u.rule() == null ? "" : u.rule());
            row.put("tables", u.tables() == null ? "" : String.join(", ", u.tables()));
            row.put("statement", e.statement() != null ? e.statement() : "fingerprint " + u.fingerprint());
            attention.add(row);
        }
        page.put("attention", attention);
        page.put("hasAttention", !attention.isEmpty());
        page.put("attentionMore", more == 0 ? null : more);
        TEMPLATE.execute(out, page);
        out.flush();
    }

    private static long count(List<UsageEvents.Event> events, Set<String> decisions) {
        return events.stream().filter(e -> decisions.contains(e.event().decision())).count();
    }

    /** Stacked columns, one per day, a segment per decision. */
    private static Map<String, Object> dayChart(List<UsageEvents.Event> events) {
        Map<String, Map<String, Integer>> days = new TreeMap<>();
        for (UsageEvents.Event e : events) {
            days.computeIfAbsent(UsageDimension.DAY.values(e.event()).get(0), d -> new HashMap<>())
                    .merge(e.event().decision(), 1, Integer::sum);
        }
        int width = 760;
        int height = 220;
        int baseline = height - 24;
        int max = days.values().stream().mapToInt(m -> m.values().stream().mapToInt(Integer::intValue).sum())
                .max().orElse(1);
        int n = Math.max(1, days.size());
        double slot = (width - 40) / (double) n;
        double barWidth = Math.max(2, Math.min(40, slot - 4));
        int labelEvery = Math.max(1, (int) Math.ceil(n / 12.0));
        List<Map<String, Object>> columns = new ArrayList<>();
        int i = 0;
        for (Map.Entry<String, Map<String, Integer>> day : days.entrySet()) {
            double x = 40 + i * slot + (slot - barWidth) / 2;
            double top = baseline;
            List<Map<String, Object>> segments = new ArrayList<>();
            for (String decision : decisionsInOrder(day.getValue().keySet())) {
                int count = day.getValue().get(decision);
                double h = (baseline - 20) * count / (double) max;
                top -= h;
                segments.add(Map.of("x", fmt(x), "y", fmt(top), "w", fmt(barWidth), "h", fmt(h),
                        "color", COLORS.getOrDefault(decision, "#999999"),
                        "title", day.getKey() + ": " + count + " " + decision.toLowerCase(Locale.ROOT)
                                .replace('_', ' ')));
            }
            Map<String, Object> column = new HashMap<>();
            column.put("segments", segments);
            column.put("label", i % labelEvery == 0 ? day.getKey().substring(5) : null);
            column.put("labelX", fmt(x + barWidth / 2));
            column.put("labelY", baseline + 16);
            columns.add(column);
            i++;
        }
        Map<String, Object> chart = new HashMap<>();
        chart.put("width", width);
        chart.put("height", height);
        chart.put("baseline", baseline);
        chart.put("max", days.isEmpty() ? 0 : max);
        chart.put("days", columns);
        return chart;
    }

    /** Horizontal bars for the largest groups of one dimension. */
    private static Map<String, Object> barChart(String title, List<UsageEvents.Event> events, UsageDimension by) {
        List<UsageSummary.Group> groups = UsageSummary.largestFirst(UsageSummary.of(events, List.of(by)));
        List<UsageSummary.Group> shown = groups.subList(0, Math.min(BARS, groups.size()));
        long max = shown.stream().mapToLong(UsageSummary.Group::statements).max().orElse(1);
        List<Map<String, Object>> bars = new ArrayList<>();
        int y = 4;
        for (UsageSummary.Group g : shown) {
            double w = 460 * g.statements() / (double) max;
            String label = g.key().get(0).equals(UsageDimension.NONE) ? "(none)" : g.key().get(0);
            bars.add(Map.of("label", label.length() > 34 ? label.substring(0, 33) + "…" : label,
                    "value", g.statements(), "y", y, "textY", y + 12, "w", fmt(w), "valueX", fmt(226 + w)));
            y += 22;
        }
        return Map.of("title", title + (groups.size() > BARS ? " (the " + BARS + " largest of " + groups.size()
                + ")" : ""), "bars", bars, "height", Math.max(30, y + 4));
    }

    private static List<String> decisionsInOrder(Set<String> present) {
        List<String> ordered = new ArrayList<>();
        COLORS.keySet().stream().filter(present::contains).forEach(ordered::add);
        new TreeSet<>(present).stream().filter(d -> !COLORS.containsKey(d)).forEach(ordered::add);
        return ordered;
    }

    private static String fmt(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }

    private static Map<String, String> colors() {
        Map<String, String> colors = new LinkedHashMap<>();
        colors.put("ALLOWED", "#9ccc9c");
        colors.put("MASKED", "#4a90d9");
        colors.put("EXEMPT", "#b48ead");
        colors.put("APPROVED", "#2e8b57");
        colors.put("HELD_FOR_APPROVAL", "#f0ad4e");
        colors.put("REFUSED", "#d9534f");
        return colors;
    }
}
