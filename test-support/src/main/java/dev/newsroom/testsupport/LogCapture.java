package dev.newsroom.testsupport;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * Everything the application logs while it is open, as the lines a log collector would store (message with its
 * parameters, the thrown exception and its causes), also at DEBUG for the categories given, so tests can prove what
 * never reaches a log.
 */
public final class LogCapture implements AutoCloseable {

    private final Logger root = Logger.getLogger("");
    private final Map<Logger, Level> previousLevels = new HashMap<>();
    private final List<String> lines = new ArrayList<>();
    private final Handler handler = new Handler() {
        @Override
        public void publish(LogRecord record) {
            StringBuilder line = new StringBuilder(String.valueOf(record.getLoggerName())).append(' ')
                    .append(format(record));
            for (Throwable thrown = record.getThrown(); thrown != null; thrown = thrown.getCause()) {
                line.append(" | ").append(thrown);
            }
            synchronized (lines) {
                lines.add(line.toString());
            }
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    private LogCapture(String... debugCategories) {
        handler.setLevel(Level.ALL);
        root.addHandler(handler);
        for (String category : debugCategories) {
            Logger logger = Logger.getLogger(category);
            previousLevels.put(logger, logger.getLevel());
            logger.setLevel(Level.FINEST);
        }
    }

    /** Starts capturing; the categories named log at DEBUG (and finer) meanwhile. */
    public static LogCapture start(String... debugCategories) {
        return new LogCapture(debugCategories);
    }

    /** Starts capturing with DEBUG on wherever a credential could be logged: security, HTTP, REST, OIDC, JWT. */
    public static LogCapture securityAtDebug() {
        return start("dev.newsroom", "io.quarkus.security", "io.quarkus.elytron", "io.quarkus.vertx.http",
                "io.quarkus.resteasy.reactive", "io.quarkus.oidc", "io.smallrye.jwt");
    }

    /**
     * Runs {@code requests} while capturing with {@link #securityAtDebug()}, then fails, naming it, when a secret
     * stands in a line they logged, and when a line logs an Authorization header. The requests get the capture to
     * prove it saw the service's own lines, so the test cannot pass on an empty log.
     */
    public static void assertNoSecretsLoggedDuring(Collection<String> secrets, Consumer<LogCapture> requests) {
        List<String> lines;
        try (LogCapture log = securityAtDebug()) {
            requests.accept(log);
            lines = log.lines();
        }
        assertNoSecrets(lines, secrets);
    }

    private static void assertNoSecrets(List<String> lines, Collection<String> secrets) {
        for (String secret : secrets) {
            List<String> leaks = lines.stream().filter(line -> line.contains(secret)).toList();
            assertTrue(leaks.isEmpty(), () -> "log lines containing the secret " + secret + ": " + leaks);
        }
        List<String> headers = lines.stream().map(line -> line.toLowerCase(Locale.ROOT))
                .filter(line -> line.contains("authorization: basic") || line.contains("authorization: bearer")).toList();
        assertTrue(headers.isEmpty(), () -> "log lines with an Authorization header: " + headers);
    }

    public List<String> lines() {
        synchronized (lines) {
            return List.copyOf(lines);
        }
    }

    @Override
    public void close() {
        root.removeHandler(handler);
        previousLevels.forEach(Logger::setLevel);
    }

    private static String format(LogRecord record) {
        String message = String.valueOf(record.getMessage());
        Object[] parameters = record.getParameters();
        if (parameters == null || parameters.length == 0) {
            return message;
        }
        StringBuilder text = new StringBuilder(message);
        for (Object parameter : parameters) {
            text.append(" [").append(parameter).append(']');
        }
        return text.toString();
    }
}
