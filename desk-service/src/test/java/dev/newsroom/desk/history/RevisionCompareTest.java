package dev.newsroom.desk.history;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class RevisionCompareTest {

    @Test
    void theTextKeepsTheStorysParagraphsAndCountsANestedOneOnce() {
        String body = "<h2>Port</h2><p>The cranes are back.</p><blockquote><p>We are relieved.</p></blockquote>"
                + "<ul><li><p>Four cranes</p></li><li>Six weeks</li></ul>";

        assertThat(HistoryResource.paragraphs(body))
                .isEqualTo("Port\n\nThe cranes are back.\n\nWe are relieved.\n\nFour cranes\n\nSix weeks");
    }

    @Test
    void aNewParagraphIsAddedWithoutMarkingTheLastWordBeforeIt() {
        String before = HistoryResource.paragraphs("<p>Shipping lines welcomed the news.</p>");
        String after = HistoryResource.paragraphs("<p>Shipping lines welcomed the news.</p><p>Tickets sold out.</p>");

        List<RevisionDiff.Part> parts = WordDiff.between(before, after);

        assertThat(parts).containsExactly(new RevisionDiff.Part("same", "Shipping lines welcomed the news."),
                new RevisionDiff.Part("added", "\n\nTickets sold out."));
    }

    @Test
    void aChangedWordIsRemovedAndAddedAndTheRestKept() {
        List<RevisionDiff.Part> parts = WordDiff.between("All four cranes work.", "All three cranes work.");

        assertThat(parts).containsExactly(new RevisionDiff.Part("same", "All "),
                new RevisionDiff.Part("removed", "four"), new RevisionDiff.Part("added", "three"),
                new RevisionDiff.Part("same", " cranes work."));
    }
}
