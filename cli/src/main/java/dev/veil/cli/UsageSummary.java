package dev.veil.cli;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Usage events counted by some dimensions: statements, and the rows they returned or changed, per group. */
final class UsageSummary {

    /** One group: its values of the dimensions, its statements and rows (rows only where the event knew them). */
    record Group(List<String> key, long statements, long rows) {
    }

    private UsageSummary() {
    }

    static List<Group> of(List<UsageEvents.Event> events, List<UsageDimension> by) {
        Map<List<String>, long[]> groups = new TreeMap<>(UsageSummary::compare);
        for (UsageEvents.Event event : events) {
            for (List<String> key : keys(event, by, 0, new ArrayList<>())) {
                long[] counts = groups.computeIfAbsent(key, k -> new long[2]);
                counts[0]++;
                counts[1] += Math.max(0, event.event().rows());
            }
        }
        List<Group> result = new ArrayList<>();
        groups.forEach((key, counts) -> result.add(new Group(key, counts[0], counts[1])));
        return result;
    }

    /** The groups with the most statements first (ties by key), for charts. */
    static List<Group> largestFirst(List<Group> groups) {
        List<Group> sorted = new ArrayList<>(groups);
        sorted.sort(Comparator.comparingLong(Group::statements).reversed().thenComparing(Group::key,
                UsageSummary::compare));
        return sorted;
    }

    private static List<List<String>> keys(UsageEvents.Event event, List<UsageDimension> by, int at,
                                           List<String> prefix) {
        if (at == by.size()) {
            return List.of(List.copyOf(prefix));
        }
        List<List<String>> keys = new ArrayList<>();
        for (String value : by.get(at).values(event.event())) {
            prefix.add(value);
            keys.addAll(keys(event, by, at + 1, prefix));
            prefix.remove(prefix.size() - 1);
        }
        return keys;
    }

    private static int compare(List<String> a, List<String> b) {
        for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
            int c = a.get(i).compareTo(b.get(i));
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(a.size(), b.size());
    }
}
