package dev.newsroom.desk.story;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/** The story list's filters as the editor set them, and the links to other pages with the same filters. */
public record ListFilter(String status, String section, String q, String author, int page) {

    public static ListFilter of(String status, String section, String q, String author, Integer page) {
        return new ListFilter(blankToNull(status), blankToNull(section), blankToNull(q), blankToNull(author),
                page == null || page < 0 ? 0 : page);
    }

    public String pageLink(int number) {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("status", status);
        params.put("section", section);
        params.put("q", q);
        params.put("author", author);
        params.put("page", number == 0 ? null : Integer.toString(number));
        String query = params.entrySet().stream().filter(e -> e.getValue() != null)
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return query.isEmpty() ? "/" : "/?" + query;
    }

    public String previous() {
        return pageLink(page - 1);
    }

    public String next() {
        return pageLink(page + 1);
    }

    public boolean is(String value) {
        return value.equals(status);
    }

    public boolean any() {
        return status != null || section != null || q != null || author != null;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
