package dev.newsroom.media.image;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;

import com.adobe.internal.xmp.XMPConst;
import com.adobe.internal.xmp.XMPException;
import com.adobe.internal.xmp.XMPMeta;
import com.adobe.internal.xmp.properties.XMPProperty;
import com.drew.metadata.StringValue;
import com.drew.metadata.Metadata;
import com.drew.metadata.iptc.IptcDirectory;
import com.drew.metadata.xmp.XmpDirectory;

import dev.newsroom.events.content.XmlCharacters;

import io.quarkus.logging.Log;

/**
 * Reads the caption, credit and by-line an agency embedded in a photo: XMP (dc:description, photoshop:Credit,
 * dc:creator) first, IPTC-IIM (Caption-Abstract, Credit, By-line) where XMP lacks a field. XMP comes first because
 * it is always Unicode, while IIM text without a coded character set (record 1:90) has to be guessed; when both are
 * present, tools that follow the Metadata Working Group guidance keep them in step.
 */
public final class MetadataReader {

    /**
     * The embedded fields, each null where the file has none. Never throws: odd or broken metadata gives empty
     * fields, since it must not cost the upload.
     */
    public EmbeddedMetadata read(Path file) {
        try {
            Optional<ImageFormat> format;
            try (InputStream in = Files.newInputStream(file)) {
                format = ImageFormat.detect(in.readNBytes(ImageFormat.MAGIC_LENGTH));
            }
            if (format.isEmpty()) {
                return EmbeddedMetadata.empty();
            }
            Metadata metadata = MetadataDirectories.read(file, format.get(), MetadataDirectories.Scope.CAPTIONS);
            XMPMeta xmp = xmp(metadata);
            IptcDirectory iptc = metadata.getFirstDirectoryOfType(IptcDirectory.class);
            return new EmbeddedMetadata(
                    first(() -> xmpDescription(xmp), () -> iptcText(iptc, IptcDirectory.TAG_CAPTION)),
                    first(() -> xmpText(xmp, XMPConst.NS_PHOTOSHOP, "Credit"), () -> iptcText(iptc, IptcDirectory.TAG_CREDIT)),
                    first(() -> xmpCreators(xmp), () -> iptcText(iptc, IptcDirectory.TAG_BY_LINE)));
        } catch (Exception | StackOverflowError e) {
            Log.debugf(e, "Unreadable embedded metadata in %s", file);
            return EmbeddedMetadata.empty();
        }
    }

    @SafeVarargs
    private static String first(Callable<String>... sources) {
        for (Callable<String> source : sources) {
            try {
                String value = clean(source.call());
                if (value != null) {
                    return value;
                }
            } catch (Exception | StackOverflowError e) {
                // One malformed field must not hide the others.
                Log.debugf(e, "Skipping an unreadable metadata field");
            }
        }
        return null;
    }

    private static XMPMeta xmp(Metadata metadata) {
        XmpDirectory directory = metadata.getFirstDirectoryOfType(XmpDirectory.class);
        return directory == null ? null : directory.getXMPMeta();
    }

    private static String xmpDescription(XMPMeta xmp) throws XMPException {
        if (xmp == null) {
            return null;
        }
        // dc:description is a language alternative; x-default, else the first language given.
        XMPProperty text = xmp.getLocalizedText(XMPConst.NS_DC, "description", null, XMPConst.X_DEFAULT);
        if (text != null) {
            return text.getValue();
        }
        return xmpText(xmp, XMPConst.NS_DC, "description");
    }

    private static String xmpText(XMPMeta xmp, String namespace, String property) throws XMPException {
        return xmp == null ? null : xmp.getPropertyString(namespace, property);
    }

    private static String xmpCreators(XMPMeta xmp) throws XMPException {
        if (xmp == null || !xmp.doesPropertyExist(XMPConst.NS_DC, "creator")) {
            return null;
        }
        XMPProperty creator = xmp.getProperty(XMPConst.NS_DC, "creator");
        if (!creator.getOptions().isArray()) {
            return creator.getValue();
        }
        List<String> names = new ArrayList<>();
        int count = xmp.countArrayItems(XMPConst.NS_DC, "creator");
        for (int i = 1; i <= count; i++) {
            String name = clean(xmp.getArrayItem(XMPConst.NS_DC, "creator", i).getValue());
            if (name != null) {
                names.add(name);
            }
        }
        return String.join(", ", names);
    }

    /** A dataset's text; repeatable ones (By-line may name several photographers) joined by commas. */
    private static String iptcText(IptcDirectory iptc, int tag) {
        if (iptc == null) {
            return null;
        }
        StringValue[] values = iptc.getStringValueArray(tag);
        if (values == null) {
            return null;
        }
        List<String> parts = new ArrayList<>();
        for (StringValue value : values) {
            String part = clean(value.toString());
            if (part != null) {
                parts.add(part);
            }
        }
        return String.join(", ", parts);
    }

    /**
     * Trimmed, with CR/CRLF line ends as LF and the characters event text may not hold ({@link XmlCharacters})
     * dropped; null when nothing is left.
     */
    static String clean(String value) {
        if (value == null) {
            return null;
        }
        String trimmed = XmlCharacters.strip(value.replace("\r\n", "\n").replace('\r', '\n')).strip();
        return trimmed.isEmpty() ? null : trimmed;
    }
}
