package dev.newsroom.deploy;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs Prometheus' promtool, the way an operator checks rules before loading them. */
final class Promtool {

    static final String INSTALL_HINT = "promtool is needed to test the alert rules of deploy/components/monitoring: "
            + "on Debian or Ubuntu `apt-get install prometheus` (it ships /usr/bin/promtool; .ci/run installs it), "
            + "or put a promtool from a Prometheus release on PATH, or point the environment variable PROMTOOL at one.";

    private Promtool() {
    }

    /** promtool's output; fails the test with promtool's own message when it exits non-zero. */
    static String run(Path workingDir, String... arguments) {
        List<String> command = new ArrayList<>();
        command.add(executable());
        command.addAll(List.of(arguments));
        try {
            Process process = new ProcessBuilder(command).directory(workingDir.toFile()).redirectErrorStream(true)
                    .start();
            byte[] output = process.getInputStream().readAllBytes();
            if (!process.waitFor(120, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError(String.join(" ", command) + " did not finish within 120 s");
            }
            String text = new String(output, StandardCharsets.UTF_8);
            if (process.exitValue() != 0) {
                throw new AssertionError(String.join(" ", command) + " failed (exit " + process.exitValue() + "):\n"
                        + text);
            }
            return text;
        } catch (IOException e) {
            throw new AssertionError("cannot run promtool: " + e.getMessage() + ". " + INSTALL_HINT, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while running promtool", e);
        }
    }

    private static String executable() {
        String configured = System.getenv("PROMTOOL");
        if (configured != null && !configured.isBlank()) {
            return configured;
        }
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            Path candidate = Path.of(dir, "promtool");
            if (Files.isExecutable(candidate)) {
                return candidate.toString();
            }
        }
        throw new AssertionError("promtool not found on PATH. " + INSTALL_HINT);
    }
}
