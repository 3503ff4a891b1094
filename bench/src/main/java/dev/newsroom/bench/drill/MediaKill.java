package dev.newsroom.bench.drill;

import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;

import javax.imageio.ImageIO;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * media-service killed with kill -9 during uploads and restarted: every acknowledged upload is whole (its
 * renditions are served) and announced once on newsroom.media; no event names an asset that is not whole; an upload
 * that failed left no asset and no event. Image files the dead process wrote before its row committed are counted.
 */
final class MediaKill {

    private static final int UPLOADERS = 2;
    private static final int SECONDS = 25;
    private static final int KILL_AT = 10;

    boolean run(Platform platform) throws Exception {
        Report report = new Report("media-service kill -9 during uploads");
        Http http = new Http(Duration.ofSeconds(30));
        byte[] photo = photo();
        Map<TopicPartition, Long> from = endOffsets(platform);
        long startedMillis = System.currentTimeMillis();
        Set<String> acknowledged = ConcurrentHashMap.newKeySet();
        AtomicBoolean uploading = new AtomicBoolean(true);
        int[] failed = new int[2]; // refused (never reached the service), cut off mid-flight or error
        Thread[] uploaders = new Thread[UPLOADERS];
        for (int u = 0; u < UPLOADERS; u++) {
            uploaders[u] = new Thread(() -> {
                while (uploading.get()) {
                    Http.Reply reply = upload(http, platform, photo);
                    if (reply.status() == 201) {
                        acknowledged.add(id(reply));
                    } else {
                        synchronized (failed) {
                            failed[reply.error() != null && reply.error().contains("ConnectException") ? 0 : 1]++;
                        }
                        sleep(100);
                    }
                }
            }, "uploader-" + u);
            uploaders[u].start();
        }
        try {
            Thread.sleep(TimeUnit.SECONDS.toMillis(KILL_AT));
            platform.kill9("media");
            report.note("media-service killed (kill -9) at %d s with %d uploads acknowledged; restarting it",
                    KILL_AT, acknowledged.size());
            Duration restart = platform.start("media");
            report.note("media-service ready again %.1f s after the restart command", restart.toMillis() / 1e3);
            Thread.sleep(TimeUnit.SECONDS.toMillis(Math.max(0, SECONDS - KILL_AT - restart.toSeconds())));
        } finally {
            uploading.set(false);
            if (!platform.running("media")) {
                platform.start("media");
            }
        }
        for (Thread uploader : uploaders) {
            uploader.join();
        }
        Map<String, Integer> events = createdEvents(platform, from, acknowledged);
        report.note("%d uploads acknowledged, %d refused while down, %d cut off mid-flight or failed",
                acknowledged.size(), failed[0], failed[1]);
        report.zero("acknowledged uploads without exactly one created event", acknowledged.stream()
                .filter(id -> events.getOrDefault(id, 0) != 1).count());
        // Only an upload cut off mid-flight may have committed unanswered; one refused never reached the service.
        long unacknowledged = events.keySet().stream().filter(id -> !acknowledged.contains(id)).count();
        report.atMost("created events for uploads not acknowledged (only cut-off ones may commit)", unacknowledged,
                failed[1], "");
        long notWhole = 0;
        for (String id : events.keySet()) {
            Http.Reply asset = http.send(HttpRequest.newBuilder(URI.create(platform.mediaUrl() + "/api/media/" + id))
                    .header("Authorization", Http.WRITER).timeout(Duration.ofSeconds(10)).GET().build());
            if (asset.status() != 200) {
                notWhole++;
                continue;
            }
            for (JsonNode rendition : Newsdesk.JSON.readTree(asset.body()).path("renditions")) {
                if (http.get(platform.mediaUrl() + "/media/" + id + "/" + rendition.path("name").asText())
                        .status() != 200) {
                    notWhole++;
                }
            }
        }
        report.zero("announced assets (or their renditions) not served", notWhole);
        report.note("image folders written during the drill without an asset (files of the killed upload, never "
                + "served or announced): %d", orphans(platform, startedMillis, acknowledged, http));
        return report.passed();
    }

    private static Http.Reply upload(Http http, Platform platform, byte[] photo) {
        String boundary = "drill" + UUID.randomUUID().toString().replace("-", "");
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        String head = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"altText\"\r\n\r\nA drill photo\r\n"
                + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"drill.jpg\"\r\n"
                + "Content-Type: image/jpeg\r\n\r\n";
        body.writeBytes(head.getBytes(StandardCharsets.UTF_8));
        body.writeBytes(photo);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return http.send(HttpRequest.newBuilder(URI.create(platform.mediaUrl() + "/api/media"))
                .timeout(Duration.ofSeconds(30)).header("Authorization", Http.WRITER)
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build());
    }

    private static String id(Http.Reply reply) {
        try {
            return Newsdesk.JSON.readTree(reply.body()).path("id").asText();
        } catch (Exception e) {
            return "unreadable";
        }
    }

    /** A 6-megapixel photo-like JPEG, so each upload spends a while on its renditions. */
    private static byte[] photo() throws Exception {
        BufferedImage image = new BufferedImage(3000, 2000, BufferedImage.TYPE_INT_RGB);
        Graphics2D graphics = image.createGraphics();
        graphics.setPaint(new GradientPaint(0, 0, new Color(20, 60, 140), 3000, 2000, new Color(230, 180, 90)));
        graphics.fillRect(0, 0, 3000, 2000);
        graphics.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "jpg", out);
        return out.toByteArray();
    }

    private static Properties consumer(Platform platform) {
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, platform.kafka());
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        return config;
    }

    private static Map<TopicPartition, Long> endOffsets(Platform platform) {
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(consumer(platform), new StringDeserializer(),
                new StringDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor("newsroom.media").stream()
                    .map(info -> new TopicPartition(info.topic(), info.partition())).toList();
            return consumer.endOffsets(partitions);
        }
    }

    /** newsroom.media.created events since the drill began, per asset id; waits until the acknowledged are in. */
    private static Map<String, Integer> createdEvents(Platform platform, Map<TopicPartition, Long> from,
            Set<String> acknowledged) {
        Map<String, Integer> created = new HashMap<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(consumer(platform), new StringDeserializer(),
                new StringDeserializer())) {
            consumer.assign(from.keySet());
            from.forEach(consumer::seek);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            long quietUntil = 0;
            while (System.nanoTime() < deadline) {
                var records = consumer.poll(Duration.ofMillis(200));
                for (ConsumerRecord<String, String> record : records) {
                    var type = record.headers().lastHeader("ce_type");
                    if (type != null && new String(type.value(), StandardCharsets.UTF_8).endsWith(".created")) {
                        created.merge(record.key(), 1, Integer::sum);
                    }
                }
                if (created.keySet().containsAll(acknowledged)) {
                    if (quietUntil == 0) {
                        quietUntil = System.nanoTime() + TimeUnit.SECONDS.toNanos(2);
                    } else if (System.nanoTime() > quietUntil) {
                        break;
                    }
                }
            }
        }
        return created;
    }

    private static long orphans(Platform platform, long sinceMillis, Set<String> acknowledged, Http http)
            throws Exception {
        Path media = platform.data.resolve("media");
        if (!Files.isDirectory(media)) {
            return 0;
        }
        try (Stream<Path> folders = Files.list(media)) {
            return folders.filter(Files::isDirectory)
                    .filter(folder -> folder.toFile().lastModified() >= sinceMillis - 1_000)
                    .map(folder -> folder.getFileName().toString())
                    .filter(id -> !acknowledged.contains(id))
                    .filter(id -> http.send(HttpRequest.newBuilder(URI.create(platform.mediaUrl() + "/api/media/" + id))
                            .header("Authorization", Http.WRITER).GET().build()).status() == 404)
                    .count();
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
