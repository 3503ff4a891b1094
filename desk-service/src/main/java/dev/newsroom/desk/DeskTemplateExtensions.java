package dev.newsroom.desk;

import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;

import dev.newsroom.desk.config.DeskConfig;
import dev.newsroom.desk.story.PublicSite;
import io.quarkus.arc.Arc;
import io.quarkus.qute.TemplateExtension;

import lombok.RequiredArgsConstructor;

/** Small helpers the pages use: times as an editor reads them, and the sections offered and how they are named. */
public final class DeskTemplateExtensions {

    private DeskTemplateExtensions() {
    }

    /** A moment in the newsroom's time zone: "2 Dec 2026, 17:52 UTC". */
    @TemplateExtension
    static String display(Instant instant) {
        return Arc.container().instance(NewsroomTime.class).get().display(instant);
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
