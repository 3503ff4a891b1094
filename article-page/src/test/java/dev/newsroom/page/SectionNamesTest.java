package dev.newsroom.page;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

class SectionNamesTest {

    @Test
    void aConfiguredNameWinsElseTheStoredSectionGetsACapital() {
        SectionNames names = SectionNames.parse(List.of("us-news=US news", " travel = Travel & leisure "));

        assertThat(names.name("us-news")).isEqualTo("US news");
        assertThat(names.name("travel")).isEqualTo("Travel & leisure");
        assertThat(names.name("politics")).isEqualTo("Politics");
        assertThat(names.name("Économie")).isEqualTo("Économie");
        assertThat(names.name("ünternehmen")).isEqualTo("Ünternehmen");
        assertThat(names.name("  ")).isNull();
        assertThat(SectionNames.DEFAULT.name("sport")).isEqualTo("Sport");
    }

    @Test
    void theNamedSectionsLeadTheNavigationInTheOrderTheyWereNamed() {
        SectionNames names = SectionNames.parse(List.of("world=World", "politics=Politics", "us-news=US news"));

        assertThat(names.inNavigationOrder(List.of("culture", "politics", "sport", "world")))
                .containsExactly("world", "politics", "culture", "sport");
        assertThat(new Site("Newsroom", "https://news.example.org", List.of("culture", "politics", "world"), names)
                .sections()).containsExactly("world", "politics", "culture");
    }

    @Test
    void aMalformedEntryIsRefusedWithItsReason() {
        assertThatThrownBy(() -> SectionNames.parse(List.of("travel")))
                .hasMessage("section name 'travel' is not of the form section=Name (as us-news=US news)");
        assertThatThrownBy(() -> SectionNames.parse(List.of("=Travel")))
                .hasMessageContaining("'=Travel'");
        assertThatThrownBy(() -> SectionNames.parse(List.of("travel=")))
                .hasMessageContaining("'travel='");
        assertThatThrownBy(() -> SectionNames.parse(List.of("travel=Travel", "travel=Trips")))
                .hasMessage("section 'travel' is named twice");
    }
}
