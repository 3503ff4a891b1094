package dev.newsroom.article.content;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Collects what sanitizing removed, one line per kind with a count, bounded so a hostile body cannot bloat it. */
final class RemovalReport {

    private static final int MAX_KINDS = 30;
    private static final int NAME_SHOWN_MAX = 30;

    private final Map<String, Integer> counts = new LinkedHashMap<>();
    private int uncounted;

    void add(String item) {
        Integer count = counts.get(item);
        if (count != null) {
            counts.put(item, count + 1);
        } else if (counts.size() < MAX_KINDS) {
            counts.put(item, 1);
        } else {
            uncounted++;
        }
    }

    List<String> items() {
        List<String> items = new ArrayList<>(counts.size() + 1);
        counts.forEach((item, count) -> items.add(count == 1 ? item : item + " (" + count + " times)"));
        if (uncounted > 0) {
            items.add("and " + uncounted + (uncounted == 1 ? " other removal" : " other removals"));
        }
        return items;
    }

    /** A tag or attribute name fit to show: printable ASCII, shortened; hostile input may put anything there. */
    static String name(String name) {
        StringBuilder shown = new StringBuilder();
        for (int i = 0; i < name.length() && shown.length() < NAME_SHOWN_MAX; i++) {
            char c = name.charAt(i);
            shown.append(c > 0x20 && c < 0x7F ? c : '?');
        }
        return name.length() > NAME_SHOWN_MAX ? shown + "..." : shown.toString();
    }
}
