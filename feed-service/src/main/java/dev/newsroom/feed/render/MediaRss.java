package dev.newsroom.feed.render;

import static dev.newsroom.feed.render.ItemText.text;

import java.net.URI;

import com.rometools.modules.mediarss.MediaEntryModuleImpl;
import com.rometools.modules.mediarss.types.Credit;
import com.rometools.modules.mediarss.types.MediaContent;
import com.rometools.modules.mediarss.types.Metadata;
import com.rometools.modules.mediarss.types.UrlReference;

/**
 * The lead image as Media RSS (media:content with media:description and media:credit), which carries caption and
 * credit where an enclosure cannot; used in RSS and in Atom, where readers understand it too.
 */
final class MediaRss {

    private MediaRss() {
    }

    static MediaEntryModuleImpl content(FeedImage image) {
        MediaContent content = new MediaContent(new UrlReference(URI.create(image.url().toASCIIString())));
        content.setMedium("image");
        content.setType(text(image.mimeType()));
        if (image.width() > 0) {
            content.setWidth(image.width());
        }
        if (image.height() > 0) {
            content.setHeight(image.height());
        }
        if (image.length() > 0) {
            content.setFileSize(image.length());
        }
        Metadata metadata = new Metadata();
        String caption = text(image.caption());
        if (caption != null && !caption.isBlank()) {
            metadata.setDescription(caption);
            metadata.setDescriptionType("plain");
        }
        String credit = text(image.credit());
        if (credit != null && !credit.isBlank()) {
            metadata.setCredits(new Credit[] {new Credit(null, null, credit)});
        }
        content.setMetadata(metadata);
        MediaEntryModuleImpl media = new MediaEntryModuleImpl();
        media.setMediaContents(new MediaContent[] {content});
        return media;
    }
}
