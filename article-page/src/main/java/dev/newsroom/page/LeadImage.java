package dev.newsroom.page;

import java.net.URI;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import dev.newsroom.events.ArticleSnapshot;
import dev.newsroom.events.MediaAssetSnapshot;

/**
 * An article's lead photo resolved against its media asset: the renditions from narrowest to widest, and the words
 * around it. The article's caption and credit override the asset's own; alt is the asset's alt text, else caption.
 */
public record LeadImage(List<Rendition> renditions, String caption, String credit, String alt) {

    /** The page-sized rendition, the one shares and the page's src use. */
    private static final List<String> MAIN_PREFERENCE = List.of("large", "original", "thumb");

    public LeadImage {
        renditions = List.copyOf(renditions);
        if (renditions.isEmpty()) {
            throw new IllegalArgumentException("a lead image needs at least one rendition");
        }
    }

    /** The photo of article, when it has one and the asset (may be null) has a usable rendition. */
    public static Optional<LeadImage> of(ArticleSnapshot article, MediaAssetSnapshot asset) {
        ArticleSnapshot.LeadImage lead = article.leadImage();
        if (lead == null || asset == null || asset.deleted() || asset.renditions() == null
                || lead.mediaId() != null && !lead.mediaId().equals(asset.id())) {
            return Optional.empty();
        }
        List<Rendition> renditions = asset.renditions().stream()
                .filter(Objects::nonNull)
                .map(LeadImage::rendition)
                .flatMap(Optional::stream)
                .sorted(Comparator.comparingInt(Rendition::width))
                .toList();
        if (renditions.isEmpty()) {
            return Optional.empty();
        }
        String caption = firstNonBlank(lead.caption(), asset.caption());
        return Optional.of(new LeadImage(renditions, caption, firstNonBlank(lead.credit(), asset.credit()),
                firstNonBlank(asset.altText(), caption)));
    }

    /** The rendition for the page and for sharing. */
    public Rendition main() {
        return MAIN_PREFERENCE.stream()
                .flatMap(name -> renditions.stream().filter(rendition -> name.equals(rendition.name())))
                .findFirst()
                .orElse(renditions.get(renditions.size() - 1));
    }

    /** The narrowest rendition at least minWidth wide, else the widest; for thumbnails. */
    public Rendition atLeast(int minWidth) {
        return renditions.stream().filter(rendition -> rendition.width() >= minWidth).findFirst()
                .orElse(renditions.get(renditions.size() - 1));
    }

    /** The renditions of known width, as an HTML srcset; empty when none has a width. */
    public String srcset() {
        return String.join(", ", renditions.stream().filter(rendition -> rendition.width() > 0)
                .map(rendition -> rendition.url().toASCIIString() + " " + rendition.width() + "w")
                .distinct()
                .toList());
    }

    private static Optional<Rendition> rendition(MediaAssetSnapshot.Rendition rendition) {
        URI url = Urls.safe(rendition.url());
        if (url == null || url.getScheme() == null) {
            return Optional.empty();
        }
        return Optional.of(new Rendition(rendition.name(), url, Math.max(0, rendition.width()),
                Math.max(0, rendition.height())));
    }

    private static String firstNonBlank(String preferred, String fallback) {
        String first = PageText.clean(preferred);
        return first != null ? first : PageText.clean(fallback);
    }
}
