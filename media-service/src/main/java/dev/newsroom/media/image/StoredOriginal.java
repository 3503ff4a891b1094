package dev.newsroom.media.image;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * The upload as it is kept for the archive: the same encoded pixels, byte for byte (no re-encoding, so nothing is
 * lost), without the metadata that can identify people or places: EXIF (GPS position, camera and lens serial
 * numbers, owner), XMP, comments and text chunks. What the newsroom needs stays: the ICC colour profile, the EXIF
 * orientation (rewritten as the only EXIF field) and, for JPEG, caption, credit and by-line (rewritten as the only
 * IPTC fields). JPEG, PNG, WebP and GIF are rewritten segment by segment (GIF: comments and XMP go; the
 * animation's loop count and an ICC profile stay).
 * Written by hand because the libraries on the classpath (TwelveMonkeys, metadata-extractor) read metadata but do
 * not remove it without decoding and re-encoding the image.
 */
public final class StoredOriginal {

    private static final int SOI = 0xD8;
    private static final int SOS = 0xDA;
    private static final int APP0 = 0xE0;
    private static final int APP2 = 0xE2;
    private static final int APP14 = 0xEE;
    private static final byte[] ICC = "ICC_PROFILE\0".getBytes(StandardCharsets.US_ASCII);
    private static final Set<String> PNG_DROPPED = Set.of("eXIf", "tEXt", "zTXt", "iTXt", "tIME");
    private static final Set<String> WEBP_DROPPED = Set.of("EXIF", "XMP ");

    private StoredOriginal() {
    }

    /** Writes the stripped copy of {@code upload} to {@code target}. */
    public static void write(Path upload, ImageInfo info, EmbeddedMetadata text, Path target) throws IOException {
        switch (info.format()) {
            case JPEG -> jpeg(upload, info.orientation(), text, target);
            case PNG -> png(upload, target);
            case WEBP -> webp(upload, target);
            case GIF -> gif(upload, target);
        }
    }

    private static void jpeg(Path upload, int orientation, EmbeddedMetadata text, Path target) throws IOException {
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(upload)));
                OutputStream out = new BufferedOutputStream(Files.newOutputStream(target))) {
            if (in.readUnsignedByte() != 0xFF || in.readUnsignedByte() != SOI) {
                throw new IOException("not a JPEG");
            }
            List<byte[]> kept = new ArrayList<>();
            byte[] jfif = null;
            while (true) {
                int marker = nextMarker(in);
                if (marker == SOS) {
                    break;
                }
                int length = in.readUnsignedShort();
                byte[] payload = in.readNBytes(length - 2);
                if (payload.length != length - 2) {
                    throw new EOFException("JPEG segment cut short");
                }
                if (marker == APP0 && jfif == null && kept.isEmpty()) {
                    jfif = segment(marker, payload);
                } else if (keepJpeg(marker, payload)) {
                    kept.add(segment(marker, payload));
                }
            }
            out.write(new byte[] {(byte) 0xFF, (byte) SOI});
            if (jfif != null) {
                out.write(jfif);
            }
            if (orientation != 1) {
                out.write(segment(0xE1, exifOrientation(orientation)));
            }
            byte[] iptc = iptc(text);
            if (iptc != null) {
                out.write(segment(0xED, iptc));
            }
            for (byte[] segment : kept) {
                out.write(segment);
            }
            out.write(new byte[] {(byte) 0xFF, (byte) SOS});
            in.transferTo(out); // scan header, entropy-coded data and the rest, unchanged
        }
    }

    /** Tables, frame headers and the colour segments stay; every APPn with text or positions and COM go. */
    private static boolean keepJpeg(int marker, byte[] payload) {
        if (marker == APP2) {
            return payload.length >= ICC.length && Arrays.equals(payload, 0, ICC.length, ICC, 0, ICC.length);
        }
        if (marker == APP14 || marker == APP0) {
            return true; // Adobe colour transform (CMYK/YCCK), a second JFIF extension segment
        }
        return !(marker >= 0xE1 && marker <= 0xEF) && marker != 0xFE;
    }

    private static int nextMarker(DataInputStream in) throws IOException {
        int b = in.readUnsignedByte();
        if (b != 0xFF) {
            throw new IOException("JPEG marker expected");
        }
        while (b == 0xFF) {
            b = in.readUnsignedByte(); // fill bytes
        }
        return b;
    }

    private static byte[] segment(int marker, byte[] payload) throws IOException {
        if (payload.length + 2 > 0xFFFF) {
            throw new IOException("JPEG segment too long");
        }
        ByteArrayOutputStream segment = new ByteArrayOutputStream(payload.length + 4);
        DataOutputStream data = new DataOutputStream(segment);
        data.writeByte(0xFF);
        data.writeByte(marker);
        data.writeShort(payload.length + 2);
        data.write(payload);
        return segment.toByteArray();
    }

    /** EXIF with one field, the orientation, so viewers keep turning the picture upright. */
    static byte[] exifOrientation(int orientation) {
        ByteBuffer exif = ByteBuffer.allocate(6 + 8 + 2 + 12 + 4).order(ByteOrder.BIG_ENDIAN);
        exif.put("Exif\0\0".getBytes(StandardCharsets.US_ASCII));
        exif.put((byte) 'M').put((byte) 'M').putShort((short) 42).putInt(8);
        exif.putShort((short) 1);
        exif.putShort((short) 0x0112).putShort((short) 3).putInt(1).putShort((short) orientation).putShort((short) 0);
        exif.putInt(0);
        return exif.array();
    }

    /** A Photoshop IRB with an IPTC-IIM block holding only caption, credit and by-line, in UTF-8. */
    static byte[] iptc(EmbeddedMetadata text) throws IOException {
        if (text == null || text.caption() == null && text.credit() == null && text.byline() == null) {
            return null;
        }
        ByteArrayOutputStream iim = new ByteArrayOutputStream();
        dataset(iim, 1, 90, new byte[] {0x1B, 0x25, 0x47}); // coded character set: UTF-8
        dataset(iim, 2, 0, new byte[] {0, 4}); // record version
        dataset(iim, 2, 80, text.byline());
        dataset(iim, 2, 110, text.credit());
        dataset(iim, 2, 120, text.caption());
        byte[] block = iim.toByteArray();
        ByteArrayOutputStream irb = new ByteArrayOutputStream();
        DataOutputStream data = new DataOutputStream(irb);
        data.write("Photoshop 3.0\0".getBytes(StandardCharsets.US_ASCII));
        data.write("8BIM".getBytes(StandardCharsets.US_ASCII));
        data.writeShort(0x0404);
        data.writeShort(0); // empty name, padded to an even length
        data.writeInt(block.length);
        data.write(block);
        if (block.length % 2 == 1) {
            data.writeByte(0);
        }
        return irb.toByteArray();
    }

    private static void dataset(ByteArrayOutputStream iim, int record, int number, String value) throws IOException {
        if (value != null && !value.isBlank()) {
            byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
            dataset(iim, record, number, Arrays.copyOf(bytes, Math.min(bytes.length, 0x7FFF)));
        }
    }

    private static void dataset(ByteArrayOutputStream iim, int record, int number, byte[] value) throws IOException {
        DataOutputStream data = new DataOutputStream(iim);
        data.writeByte(0x1C);
        data.writeByte(record);
        data.writeByte(number);
        data.writeShort(value.length);
        data.write(value);
    }

    private static void png(Path upload, Path target) throws IOException {
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(upload)));
                DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(target)))) {
            out.write(in.readNBytes(8)); // signature
            while (true) {
                int length;
                try {
                    length = in.readInt();
                } catch (EOFException end) {
                    return;
                }
                byte[] type = in.readNBytes(4);
                String name = new String(type, StandardCharsets.US_ASCII);
                if (PNG_DROPPED.contains(name)) {
                    in.skipNBytes(length + 4L);
                    continue;
                }
                out.writeInt(length);
                out.write(type);
                copy(in, out, length + 4L); // data and CRC, unchanged
                if (name.equals("IEND")) {
                    return;
                }
            }
        }
    }

    /**
     * GIF: header and colour tables, then blocks up to the trailer. Image data, frame timing (graphic control) and
     * plain-text frames are drawn, so they stay; comments and application extensions other than the loop count
     * (NETSCAPE2.0, ANIMEXTS1.0) and an ICC profile (ICCRGBG1) go, XMP among them.
     */
    private static void gif(Path upload, Path target) throws IOException {
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(upload)));
                OutputStream out = new BufferedOutputStream(Files.newOutputStream(target))) {
            byte[] screen = in.readNBytes(13); // "GIF89a", logical screen descriptor
            if (screen.length != 13) {
                throw new EOFException("GIF header cut short");
            }
            out.write(screen);
            copy(in, out, colourTableBytes(screen[10]));
            while (true) {
                int block = in.read();
                if (block == 0x3B || block < 0) { // the trailer (readers accept a file without): nothing after it
                    out.write(0x3B);
                    return;
                }
                if (block == 0x2C) { // image descriptor, its colour table, LZW code size, data sub-blocks
                    byte[] descriptor = in.readNBytes(9);
                    out.write(block);
                    out.write(descriptor);
                    copy(in, out, colourTableBytes(descriptor[8]) + 1);
                    out.write(subBlocks(in));
                } else if (block == 0x21) {
                    int label = in.readUnsignedByte();
                    byte[] body = subBlocks(in);
                    if (keepGifExtension(label, body)) {
                        out.write(block);
                        out.write(label);
                        out.write(body);
                    }
                } else {
                    throw new IOException("GIF block expected");
                }
            }
        }
    }

    private static boolean keepGifExtension(int label, byte[] body) {
        if (label == 0xFE) {
            return false; // comment
        }
        if (label != 0xFF) {
            return true; // graphic control, plain text
        }
        String application = new String(body, 1, Math.min(8, body.length - 1), StandardCharsets.US_ASCII);
        return application.equals("NETSCAPE") || application.equals("ANIMEXTS") || application.equals("ICCRGBG1");
    }

    private static long colourTableBytes(byte packed) {
        return (packed & 0x80) == 0 ? 0 : 3L << ((packed & 0x07) + 1);
    }

    /** A run of sub-blocks up to and with its zero-length terminator, as read. */
    private static byte[] subBlocks(DataInputStream in) throws IOException {
        ByteArrayOutputStream blocks = new ByteArrayOutputStream();
        int size;
        do {
            size = in.readUnsignedByte();
            blocks.write(size);
            byte[] data = in.readNBytes(size);
            if (data.length != size) {
                throw new EOFException("GIF block cut short");
            }
            blocks.write(data);
        } while (size != 0);
        return blocks.toByteArray();
    }

    private static void webp(Path upload, Path target) throws IOException {
        try (FileChannel in = FileChannel.open(upload, StandardOpenOption.READ)) {
            List<long[]> kept = new ArrayList<>(); // offset and length (header, data and padding) of each chunk
            long total = 4; // "WEBP"
            long position = 12;
            while (position + 8 <= in.size()) {
                ByteBuffer header = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN);
                in.read(header, position);
                String name = new String(header.array(), 0, 4, StandardCharsets.US_ASCII);
                long size = Integer.toUnsignedLong(header.getInt(4));
                long chunk = 8 + size + (size % 2);
                if (!WEBP_DROPPED.contains(name)) {
                    kept.add(new long[] {position, chunk});
                    total += chunk;
                }
                position += chunk;
            }
            try (FileChannel out = FileChannel.open(target, StandardOpenOption.WRITE, StandardOpenOption.CREATE,
                    StandardOpenOption.TRUNCATE_EXISTING)) {
                ByteBuffer riff = ByteBuffer.allocate(12).order(ByteOrder.LITTLE_ENDIAN);
                riff.put("RIFF".getBytes(StandardCharsets.US_ASCII)).putInt((int) total)
                        .put("WEBP".getBytes(StandardCharsets.US_ASCII)).flip();
                out.write(riff);
                for (long[] chunk : kept) {
                    ByteBuffer head = ByteBuffer.allocate(9);
                    in.read(head, chunk[0]);
                    if (new String(head.array(), 0, 4, StandardCharsets.US_ASCII).equals("VP8X")) {
                        // the extended header announces EXIF (bit 3) and XMP (bit 2): they are gone
                        head.put(8, (byte) (head.get(8) & ~0x0C)).flip();
                        out.write(head);
                        transfer(in, chunk[0] + 9, chunk[1] - 9, out);
                    } else {
                        transfer(in, chunk[0], chunk[1], out);
                    }
                }
            }
        }
    }

    private static void transfer(FileChannel in, long position, long count, FileChannel out) throws IOException {
        long done = 0;
        while (done < count) {
            long sent = in.transferTo(position + done, count - done, out);
            if (sent <= 0) {
                throw new EOFException("WebP chunk cut short");
            }
            done += sent;
        }
    }

    private static void copy(InputStream in, OutputStream out, long bytes) throws IOException {
        byte[] buffer = new byte[8192];
        long left = bytes;
        while (left > 0) {
            int read = in.read(buffer, 0, (int) Math.min(buffer.length, left));
            if (read < 0) {
                throw new EOFException("image cut short");
            }
            out.write(buffer, 0, read);
            left -= read;
        }
    }
}
