package dev.newsroom.feed.rest;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import dev.newsroom.feed.rest.Documents.Coding;

class ContentCodingTest {

    @Test
    void brotliWhenAcceptedThenGzipThenNone() {
        assertThat(Documents.coding("gzip, deflate, br", true)).isEqualTo(Coding.BROTLI);
        assertThat(Documents.coding("gzip, deflate, br", false)).isEqualTo(Coding.GZIP);
        assertThat(Documents.coding("gzip", true)).isEqualTo(Coding.GZIP);
        assertThat(Documents.coding("identity", true)).isEqualTo(Coding.IDENTITY);
        assertThat(Documents.coding(null, true)).isEqualTo(Coding.IDENTITY);
        assertThat(Documents.coding("", true)).isEqualTo(Coding.IDENTITY);
    }

    @Test
    void qValuesDecide() {
        assertThat(Documents.coding("br;q=0.5, gzip;q=0.9", true)).isEqualTo(Coding.GZIP);
        assertThat(Documents.coding("br;q=0, gzip", true)).isEqualTo(Coding.GZIP);
        assertThat(Documents.coding("gzip;q=0", true)).isEqualTo(Coding.IDENTITY);
        assertThat(Documents.coding("*", true)).isEqualTo(Coding.BROTLI);
        assertThat(Documents.coding("*;q=0.1, br;q=0", true)).isEqualTo(Coding.GZIP);
        assertThat(Documents.coding("BR;Q=1", true)).isEqualTo(Coding.BROTLI);
        assertThat(Documents.coding("gzip;q=nonsense", true)).isEqualTo(Coding.IDENTITY);
    }
}
