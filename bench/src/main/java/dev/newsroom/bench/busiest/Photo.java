package dev.newsroom.bench.busiest;

/** One photo of the picture desk's mix, ready to send: its upload body is made once. */
record Photo(String label, byte[] multipart) {
}
