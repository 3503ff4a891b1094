package dev.newsroom.article;

import java.util.UUID;

/** The article's lead photo; caption and credit, when set, override the asset's own. */
public record LeadImage(UUID mediaId, String caption, String credit) {
}
