package dev.newsroom.testimages;

import static dev.newsroom.testimages.ImageBytes.concat;
import static dev.newsroom.testimages.ImageBytes.deflate;
import static dev.newsroom.testimages.ImageBytes.pngChunk;
import static dev.newsroom.testimages.ImageBytes.pngSignature;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * Decompression bombs, one per accepted format: small files whose headers declare billions of pixels, which a
 * service must refuse from the header instead of decoding.
 */
public final class ImageBombs {

    private ImageBombs() {
    }

    /** A PNG of about a kilobyte whose header declares 60000 x 60000 RGB pixels: 10.8 GB decoded. */
    public static byte[] png() {
        byte[] ihdr = ByteBuffer.allocate(13).putInt(60_000).putInt(60_000).put((byte) 8).put((byte) 2)
                .put((byte) 0).put((byte) 0).put((byte) 0).array();
        return concat(pngSignature(), pngChunk("IHDR", ihdr), pngChunk("IDAT", deflate(new byte[1024 * 1024])),
                pngChunk("IEND", new byte[0]));
    }

    /** A copy of {@code jpeg} whose frame header is changed to declare 60000 x 60000 pixels. */
    public static byte[] jpeg(byte[] jpeg) {
        byte[] bomb = jpeg.clone();
        for (int i = 2; i + 8 < bomb.length; ) {
            int marker = bomb[i + 1] & 0xFF;
            if (marker == 0xC0 || marker == 0xC2) {
                ByteBuffer.wrap(bomb, i + 5, 4).putShort((short) 60_000).putShort((short) 60_000);
                return bomb;
            }
            i += 2 + ((bomb[i + 2] & 0xFF) << 8 | bomb[i + 3] & 0xFF);
        }
        throw new IllegalArgumentException("no frame header in the JPEG");
    }

    /** A 32-byte GIF declaring a 65535 x 65535 screen and frame. */
    public static byte[] gif() {
        ByteBuffer gif = ByteBuffer.allocate(32).order(ByteOrder.LITTLE_ENDIAN);
        gif.put("GIF89a".getBytes(StandardCharsets.US_ASCII)).putShort((short) 65_535).putShort((short) 65_535)
                .put((byte) 0).put((byte) 0).put((byte) 0)
                .put((byte) 0x2C).putShort((short) 0).putShort((short) 0).putShort((short) 65_535).putShort((short) 65_535)
                .put((byte) 0).put((byte) 2).put((byte) 2).put((byte) 0x4C).put((byte) 0x01).put((byte) 0).put((byte) 0x3B);
        return gif.array();
    }

    /** A 40-byte lossless WebP declaring 16384 x 16384 pixels (268 Mpx). */
    public static byte[] webp() {
        ByteBuffer webp = ByteBuffer.allocate(40).order(ByteOrder.LITTLE_ENDIAN);
        webp.put("RIFF".getBytes(StandardCharsets.US_ASCII)).putInt(32).put("WEBPVP8L".getBytes(StandardCharsets.US_ASCII))
                .putInt(20).put((byte) 0x2F)
                // VP8L header: 14 bits width - 1, 14 bits height - 1, alpha bit, 3 bits version.
                .putInt(16_383 | 16_383 << 14);
        return webp.array();
    }
}
