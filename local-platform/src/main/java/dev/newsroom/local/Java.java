package dev.newsroom.local;

/** The java executable of this JVM, so child JVMs run on the same runtime. */
final class Java {

    private Java() {
    }

    static String executable() {
        return ProcessHandle.current().info().command()
                .orElse(System.getProperty("java.home") + "/bin/java");
    }
}
