package dev.newsroom.desk.history;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.github.difflib.DiffUtils;
import com.github.difflib.patch.AbstractDelta;
import com.github.difflib.patch.Patch;

/**
 * Word-level differences between two texts, with java-diff-utils (Myers' algorithm). Words and the space between
 * them are separate tokens, so a word that only gained a line break after it ("news." ending a paragraph that a new
 * one follows) stays unchanged and the break alone is added.
 */
final class WordDiff {

    private static final Pattern TOKEN = Pattern.compile("\\S+|\\s+");

    private WordDiff() {
    }

    static List<RevisionDiff.Part> between(String before, String after) {
        List<String> a = tokens(before);
        List<String> b = tokens(after);
        Patch<String> patch = DiffUtils.diff(a, b);
        List<RevisionDiff.Part> parts = new ArrayList<>();
        int position = 0;
        for (AbstractDelta<String> delta : patch.getDeltas()) {
            int start = delta.getSource().getPosition();
            add(parts, "same", a.subList(position, start));
            add(parts, "removed", delta.getSource().getLines());
            add(parts, "added", delta.getTarget().getLines());
            position = start + delta.getSource().size();
        }
        add(parts, "same", a.subList(position, a.size()));
        return parts;
    }

    private static void add(List<RevisionDiff.Part> parts, String kind, List<String> words) {
        if (!words.isEmpty()) {
            parts.add(new RevisionDiff.Part(kind, String.join("", words)));
        }
    }

    private static List<String> tokens(String text) {
        List<String> tokens = new ArrayList<>();
        Matcher matcher = TOKEN.matcher(text == null ? "" : text);
        while (matcher.find()) {
            tokens.add(matcher.group());
        }
        return tokens;
    }
}
