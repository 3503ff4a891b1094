package dev.newsroom.bench.busiest;

import java.util.List;

/** The words of the benchmark's stories: sections, tags, headlines and bodies a newsroom would write. */
final class Copy {

    static final List<String> SECTIONS = List.of("politics", "economy", "world", "sport", "culture", "science",
            "business", "technology", "health", "local");
    static final List<String> TAGS = List.of("elections", "budget", "climate", "harbour", "transport", "housing",
            "schools", "football", "courts", "energy", "trade", "health-care", "music", "film", "space", "startups",
            "weather", "police", "farming", "tourism");
    private static final List<String> SUBJECTS = List.of("Council approves harbour budget",
            "Strike halts the port's cranes", "New tram line opens to the airport", "Court rules on housing plan",
            "Storm floods the old town", "Local club wins the cup final", "Hospital opens its new wing",
            "Energy prices fall for a third month", "Film festival names its jury", "Start-up raises record funding");
    private static final String PARAGRAPH = "<p>The council voted 31 to 20 on Tuesday, ending a year of debate over"
            + " the sea wall and the ferry terminal. Supporters said the plan would protect <strong>1,200 homes"
            + "</strong>; opponents argued that the <em>costs were understated</em> and asked for a review, as"
            + " <a href=\"https://example.com/budget\">the council's papers</a> show.</p>";

    private Copy() {
    }

    /** A unique headline: its slug ends in the story's number and the run, so no slug is the start of another. */
    static String headline(String run, String kind, int n) {
        return SUBJECTS.get(n % SUBJECTS.size()) + " (" + kind + " " + n + " " + run + ")";
    }

    static String section(int n) {
        return SECTIONS.get(n % SECTIONS.size());
    }

    /** Two or three tags, spread so that every tag feed gets stories. */
    static List<String> tags(int n) {
        String first = TAGS.get(n % TAGS.size());
        String second = TAGS.get((n * 7 + 3) % TAGS.size());
        return n % 3 == 0 ? List.of(first, second, TAGS.get((n * 13 + 5) % TAGS.size())).stream().distinct().toList()
                : List.of(first, second).stream().distinct().toList();
    }

    /** A body of about 400 bytes a paragraph, with a sentence that changes on every save. */
    static String body(int paragraphs, long save) {
        StringBuilder body = new StringBuilder();
        for (int p = 0; p < paragraphs; p++) {
            body.append(PARAGRAPH);
        }
        body.append("<h2>Latest</h2><p>Updated with the reactions, save ").append(save).append(".</p>");
        return body.toString();
    }
}
