package dev.newsroom.media.image;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import dev.newsroom.testimages.ImageBytes;

class ImageFormatTest {

    @Test
    void recognisesEachFormatByItsSignature() {
        assertThat(ImageFormat.detect(new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0})).contains(ImageFormat.JPEG);
        assertThat(ImageFormat.detect(ImageBytes.pngSignature())).contains(ImageFormat.PNG);
        assertThat(ImageFormat.detect(ascii("GIF89a..."))).contains(ImageFormat.GIF);
        assertThat(ImageFormat.detect(ascii("GIF87a..."))).contains(ImageFormat.GIF);
        assertThat(ImageFormat.detect(ascii("RIFF\u0010\0\0\0WEBPVP8 "))).contains(ImageFormat.WEBP);
    }

    @Test
    void refusesLookAlikesAndText() {
        assertThat(ImageFormat.detect(ascii("RIFF\u0010\0\0\0WAVEfmt "))).isEmpty();
        assertThat(ImageFormat.detect(ascii("<svg xmlns=\"http://www.w3.org/2000/svg\">"))).isEmpty();
        assertThat(ImageFormat.detect(ascii("<!DOCTYPE html><html>"))).isEmpty();
        assertThat(ImageFormat.detect(new byte[] {(byte) 0xFF, (byte) 0xD8})).isEmpty();
        assertThat(ImageFormat.detect(new byte[0])).isEmpty();
    }

    @Test
    void namesTheMimeTypes() {
        assertThat(ImageFormat.JPEG.mimeType()).isEqualTo("image/jpeg");
        assertThat(ImageFormat.PNG.mimeType()).isEqualTo("image/png");
        assertThat(ImageFormat.WEBP.mimeType()).isEqualTo("image/webp");
        assertThat(ImageFormat.GIF.mimeType()).isEqualTo("image/gif");
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.ISO_8859_1);
    }
}
