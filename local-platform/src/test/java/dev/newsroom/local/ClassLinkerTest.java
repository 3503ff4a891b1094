package dev.newsroom.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The start-up archive's agent links the classes it is given: linking verifies, so a class with bad bytecode fails. */
class ClassLinkerTest {

    /** Bytecode of {@code return 1;} (iconst_1, ireturn) and of returning null as an int (aconst_null, ireturn). */
    private static final byte[] RETURN_ONE = {0x04, (byte) 0xac};
    private static final byte[] RETURN_NULL_AS_INT = {0x01, (byte) 0xac};

    @TempDir
    Path dir;

    @Test
    void aLoadedClassIsLinkedAndOneThatFailsVerificationIsCountedNotThrown() throws Exception {
        byte[] good = compile("Good");
        byte[] bad = replace(compile("Bad"), RETURN_ONE, RETURN_NULL_AS_INT);
        Loader loader = new Loader();
        // loaded, not linked: defineClass neither verifies nor initialises
        Class<?> goodClass = loader.define("Good", good);
        Class<?> badClass = loader.define("Bad", bad);

        ClassLinker.Counts counts = ClassLinker.link(new Class<?>[] {goodClass, badClass, int.class, String[].class});

        // only linking verifies: a linker that did not link would count the bad class as linked too
        assertThat(counts).isEqualTo(new ClassLinker.Counts(1, 1));
    }

    private byte[] compile(String name) throws IOException {
        Path source = dir.resolve(name + ".java");
        Files.writeString(source, "public class " + name + " { public static int one() { return 1; } }");
        int status = ToolProvider.getSystemJavaCompiler().run(null, null, null, "-d", dir.toString(), source.toString());
        assertThat(status).as("javac status").isZero();
        return Files.readAllBytes(dir.resolve(name + ".class"));
    }

    private static byte[] replace(byte[] bytes, byte[] from, byte[] to) {
        for (int at = 0; at + from.length <= bytes.length; at++) {
            if (bytes[at] == from[0] && bytes[at + 1] == from[1]) {
                byte[] changed = bytes.clone();
                System.arraycopy(to, 0, changed, at, to.length);
                return changed;
            }
        }
        throw new AssertionError("the compiled method holds no iconst_1, ireturn");
    }

    /** Defines classes from bytes. */
    private static final class Loader extends ClassLoader {

        Class<?> define(String name, byte[] bytes) {
            return defineClass(name, bytes, 0, bytes.length);
        }
    }
}
