package dev.newsroom.feed.rest;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import dev.newsroom.feed.rest.Documents.Coding;

class ContentCodingTest {

    /** Brotli when accepted (and the document has it), then gzip, then none; q-values decide, 0 refuses. */
    @ParameterizedTest(name = "Accept-Encoding [{0}], Brotli available {1}: {2}")
    @CsvSource(delimiter = '|', nullValues = "(none)", textBlock = """
            gzip, deflate, br     | true  | BROTLI
            gzip, deflate, br     | false | GZIP
            gzip                  | true  | GZIP
            identity              | true  | IDENTITY
            (none)                | true  | IDENTITY
            ''                    | true  | IDENTITY
            br;q=0.5, gzip;q=0.9  | true  | GZIP
            br;q=0, gzip          | true  | GZIP
            gzip;q=0              | true  | IDENTITY
            *                     | true  | BROTLI
            *;q=0.1, br;q=0       | true  | GZIP
            BR;Q=1                | true  | BROTLI
            gzip;q=nonsense       | true  | IDENTITY
            """)
    void theCodingFollowsAcceptEncoding(String acceptEncoding, boolean brotli, Coding expected) {
        assertThat(Documents.coding(acceptEncoding, brotli)).isEqualTo(expected);
    }
}
