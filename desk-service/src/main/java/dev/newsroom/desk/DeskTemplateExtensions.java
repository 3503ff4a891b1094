package dev.newsroom.desk;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;

import dev.newsroom.desk.config.DeskConfig;
import dev.newsroom.desk.story.PublicSite;
import io.quarkus.qute.TemplateExtension;

import lombok.RequiredArgsConstructor;

/** Small helpers the pages use: times as an editor reads them, and the sections offered and how they are named. */
public final class DeskTemplateExtensions {

    private static final DateTimeFormatter DISPLAY = DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm 'UTC'", Locale.ENGLISH)
            .withZone(ZoneOffset.UTC);

    private DeskTemplateExtensions() {
    }

    @TemplateExtension
    static String display(Instant instant) {
        return instant == null ? "" : DISPLAY.format(instant);
    }

    /** The configured sections, for the editor's section field, and the names readers see for them. */
    @RequiredArgsConstructor
    @ApplicationScoped
    @Named("deskSections")
    public static class Sections {

        private final DeskConfig config;
        private final PublicSite site;

        public List<String> all() {
            return config.sections();
        }

        /** "Politics" for "politics", or the newsroom's own name for the section. */
        public String name(String section) {
            return section == null ? "" : site.site().sectionName(section);
        }
    }
}
