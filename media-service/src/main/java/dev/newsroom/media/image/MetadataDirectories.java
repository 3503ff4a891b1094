package dev.newsroom.media.image;

import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.zip.InflaterInputStream;

import com.drew.imaging.ImageProcessingException;
import com.drew.imaging.gif.GifMetadataReader;
import com.drew.imaging.jpeg.JpegMetadataReader;
import com.drew.imaging.jpeg.JpegSegmentMetadataReader;
import com.drew.imaging.webp.WebpMetadataReader;
import com.drew.lang.ByteArrayReader;
import com.drew.metadata.Metadata;
import com.drew.metadata.exif.ExifReader;
import com.drew.metadata.iptc.IptcReader;
import com.drew.metadata.photoshop.PhotoshopReader;
import com.drew.metadata.xmp.XmpReader;

/**
 * Runs metadata-extractor over an image of a known format with memory bounded by the file's own size.
 * Two of its readers trust sizes written in the file: the PNG one inflates zTXt/iTXt chunks without limit (a
 * metadata decompression bomb) and the RIFF one allocates what a chunk header declares. PNG is therefore walked
 * here, handing only eXIf and the XMP packet to metadata-extractor, and a WebP whose RIFF header claims more bytes
 * than the file has is not handed over at all.
 */
final class MetadataDirectories {

    /** What the caller needs: the EXIF orientation only, or the caption fields (IPTC, XMP). */
    enum Scope { ORIENTATION, CAPTIONS }

    private static final byte[] PNG_XMP_KEYWORD = "XML:com.adobe.xmp".getBytes(StandardCharsets.ISO_8859_1);
    /** XMP packets of agency photos are a few KB; Adobe's own limit for one packet in a JPEG is 64 KB. */
    private static final int MAX_XMP_BYTES = 1024 * 1024;
    private static final int MAX_EXIF_BYTES = 1024 * 1024;

    private MetadataDirectories() {
    }

    static Metadata read(Path file, ImageFormat format, Scope scope) throws IOException, ImageProcessingException {
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file))) {
            return switch (format) {
                case JPEG -> JpegMetadataReader.readMetadata(in, jpegReaders(scope));
                case PNG -> readPng(in, Files.size(file));
                case WEBP -> riffSizeFits(file) ? WebpMetadataReader.readMetadata(in) : new Metadata();
                case GIF -> scope == Scope.ORIENTATION ? new Metadata() : GifMetadataReader.readMetadata(in);
            };
        }
    }

    private static List<JpegSegmentMetadataReader> jpegReaders(Scope scope) {
        if (scope == Scope.ORIENTATION) {
            return List.of(new ExifReader());
        }
        // IPTC-IIM sits in APP13 either bare or inside a Photoshop image resource block; XMP in APP1.
        return List.of(new PhotoshopReader(), new IptcReader(), new XmpReader());
    }

    private static boolean riffSizeFits(Path file) throws IOException {
        byte[] header = new byte[8];
        try (InputStream in = Files.newInputStream(file)) {
            if (in.readNBytes(header, 0, 8) < 8) {
                return false;
            }
        }
        long declared = Integer.toUnsignedLong(ByteBuffer.wrap(header, 4, 4).order(ByteOrder.LITTLE_ENDIAN).getInt());
        return declared + 8 <= Files.size(file);
    }

    private static Metadata readPng(InputStream raw, long fileSize) throws IOException {
        Metadata metadata = new Metadata();
        DataInputStream in = new DataInputStream(raw);
        in.skipNBytes(8);
        try {
            while (true) {
                long length = Integer.toUnsignedLong(in.readInt());
                String type = new String(in.readNBytes(4), StandardCharsets.ISO_8859_1);
                if (length > fileSize || "IEND".equals(type)) {
                    break;
                }
                if ("eXIf".equals(type) && length <= MAX_EXIF_BYTES) {
                    new ExifReader().extract(new ByteArrayReader(in.readNBytes((int) length)), metadata);
                } else if ("iTXt".equals(type) && length <= 4L * MAX_XMP_BYTES) {
                    String xmp = pngXmp(in.readNBytes((int) length));
                    if (xmp != null) {
                        new XmpReader().extract(xmp, metadata);
                    }
                } else {
                    in.skipNBytes(length);
                }
                in.skipNBytes(4); // CRC
            }
        } catch (EOFException truncated) {
            // A PNG cut short still yields the chunks read so far.
        }
        return metadata;
    }

    /** The XMP packet of an iTXt chunk (PNG 1.2, 4.2.3.3), or null when the chunk holds other text. */
    private static String pngXmp(byte[] chunk) throws IOException {
        int keywordEnd = indexOf(chunk, 0);
        if (keywordEnd != PNG_XMP_KEYWORD.length || !startsWith(chunk, PNG_XMP_KEYWORD) || chunk.length < keywordEnd + 3) {
            return null;
        }
        boolean compressed = chunk[keywordEnd + 1] != 0;
        int languageEnd = indexOf(chunk, keywordEnd + 3);
        int translatedEnd = languageEnd < 0 ? -1 : indexOf(chunk, languageEnd + 1);
        if (translatedEnd < 0) {
            return null;
        }
        int start = translatedEnd + 1;
        byte[] text;
        if (compressed) {
            try (InputStream inflated = new InflaterInputStream(new ByteArrayInputStream(chunk, start, chunk.length - start))) {
                text = readAtMost(inflated, MAX_XMP_BYTES);
            }
        } else {
            text = Arrays.copyOfRange(chunk, start, chunk.length);
        }
        return text == null ? null : new String(text, StandardCharsets.UTF_8);
    }

    private static byte[] readAtMost(InputStream in, int limit) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        int read;
        while ((read = in.read(buffer)) >= 0) {
            if (out.size() + read > limit) {
                return null;
            }
            out.write(buffer, 0, read);
        }
        return out.toByteArray();
    }

    private static int indexOf(byte[] data, int from) {
        for (int i = from; i < data.length; i++) {
            if (data[i] == 0) {
                return i;
            }
        }
        return -1;
    }

    private static boolean startsWith(byte[] data, byte[] prefix) {
        if (data.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (data[i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }
}
