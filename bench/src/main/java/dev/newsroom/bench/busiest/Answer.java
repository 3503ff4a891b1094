package dev.newsroom.bench.busiest;

/** A reader's answer: its status, its ETag, and its body where the caller looks at it (else null). */
record Answer(int status, String etag, String body) {
}
