package dev.newsroom.media.rest;

import static dev.newsroom.media.image.TestImages.concat;
import static dev.newsroom.media.image.TestImages.pngChunk;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.zip.DeflaterOutputStream;

import org.apache.kafka.clients.consumer.ConsumerRecord;

import dev.newsroom.events.Topics;
import dev.newsroom.media.image.TestImages;
import dev.newsroom.testsupport.Infrastructure;
import dev.newsroom.testsupport.TopicReader;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;

/**
 * What the HTTP tests upload: the committed fixtures under {@code src/test/resources/images} (a 320x240 pattern, top
 * left red, top right green, bottom left blue, bottom right light grey; see make-fixtures.sh there) and hostile files
 * built here.
 */
final class Uploads {

    private Uploads() {
    }

    static RequestSpecification asWriter() {
        return given().auth().preemptive().basic("writer", "writer");
    }

    /** Posts {@code bytes} as the multipart part "file" with the given name and declared type, as the writer. */
    static ValidatableResponse upload(String fileName, byte[] bytes, String declaredType) {
        return asWriter().multiPart("file", fileName, bytes, declaredType).when().post("/api/media").then();
    }

    static String uploadFixture(String name) {
        return upload(name, fixture(name), "application/octet-stream").statusCode(201).extract().path("id");
    }

    static byte[] fixture(String name) {
        try (InputStream in = Uploads.class.getResourceAsStream("/images/" + name)) {
            assertThat(in).as("fixture %s", name).isNotNull();
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] served(String id, String rendition) {
        return given().get("/media/{id}/{rendition}", id, rendition).then().statusCode(200).extract().asByteArray();
    }

    /** The events on newsroom.media for one asset, oldest first, once {@code count} have arrived. */
    static List<ConsumerRecord<String, String>> events(String id, int count) {
        try (TopicReader reader = new TopicReader(Infrastructure.shared().bootstrapServers(), Topics.MEDIA)) {
            return reader.awaitRecords(id, count, Duration.ofSeconds(30));
        }
    }

    /** A 64 KB PNG whose header declares 60000 x 60000 RGB pixels: 10.8 GB decoded. */
    static byte[] pngBomb() {
        byte[] ihdr = ByteBuffer.allocate(13).putInt(60_000).putInt(60_000).put((byte) 8).put((byte) 2)
                .put((byte) 0).put((byte) 0).put((byte) 0).array();
        return concat(TestImages.pngSignature(), pngChunk("IHDR", ihdr),
                pngChunk("IDAT", deflate(new byte[1024 * 1024])), pngChunk("IEND", new byte[0]));
    }

    /** A small JPEG whose frame header is changed to say 60000 x 60000 pixels. */
    static byte[] jpegBomb() {
        byte[] jpeg = fixture("progressive.jpg").clone();
        for (int i = 2; i + 8 < jpeg.length; ) {
            int marker = jpeg[i + 1] & 0xFF;
            if (marker == 0xC0 || marker == 0xC2) {
                ByteBuffer.wrap(jpeg, i + 5, 4).putShort((short) 60_000).putShort((short) 60_000);
                return jpeg;
            }
            i += 2 + ((jpeg[i + 2] & 0xFF) << 8 | jpeg[i + 3] & 0xFF);
        }
        throw new IllegalStateException("no frame header in the fixture");
    }

    /** A 32-byte GIF declaring a 65535 x 65535 screen and frame. */
    static byte[] gifBomb() {
        ByteBuffer gif = ByteBuffer.allocate(32).order(ByteOrder.LITTLE_ENDIAN);
        gif.put("GIF89a".getBytes(StandardCharsets.US_ASCII)).putShort((short) 65_535).putShort((short) 65_535)
                .put((byte) 0).put((byte) 0).put((byte) 0)
                .put((byte) 0x2C).putShort((short) 0).putShort((short) 0).putShort((short) 65_535).putShort((short) 65_535)
                .put((byte) 0).put((byte) 2).put((byte) 2).put((byte) 0x4C).put((byte) 0x01).put((byte) 0).put((byte) 0x3B);
        return gif.array();
    }

    /** A 40-byte lossless WebP declaring 16384 x 16384 pixels (268 Mpx). */
    static byte[] webpBomb() {
        ByteBuffer webp = ByteBuffer.allocate(40).order(ByteOrder.LITTLE_ENDIAN);
        webp.put("RIFF".getBytes(StandardCharsets.US_ASCII)).putInt(32).put("WEBPVP8L".getBytes(StandardCharsets.US_ASCII))
                .putInt(20).put((byte) 0x2F)
                // VP8L header: 14 bits width - 1, 14 bits height - 1, alpha bit, 3 bits version.
                .putInt(16_383 | 16_383 << 14);
        return webp.array();
    }

    private static byte[] deflate(byte[] data) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (DeflaterOutputStream deflater = new DeflaterOutputStream(out)) {
            deflater.write(data);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
