package org.liuhua.platform;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Class-data sharing for the services and the gateway (ADR 16). A Boot jar loads its classes from nested jars, which
 * the JVM can neither share nor archive. Extracted ({@code java -Djarmode=tools -jar … extract}), the same
 * application starts from plain jars, and a dynamic class-data archive of the classes it loaded up to its refreshed
 * context ({@code -XX:ArchiveClassesAtExit}) lets every later start map them instead of loading, verifying and
 * linking them again: hazard-service's start to its refreshed context took 8.9 s of CPU from the Boot jar, 5.7 s
 * extracted and 3.8 s with the archive (benchmarks/README.md "JVM settings").
 * <p>
 * Prepared once per build ({@link Platform#prepareClassData}, which the run command calls after it builds) under
 * {@code target/class-data/}: each jar extracted into a folder of its own, its archive beside it. A process starts
 * from them only when they were made from the very Boot jar it would otherwise start (its size and time, kept in the
 * folder); else from the Boot jar, as before. The JVM itself also refuses an archive whose jars changed.
 */
public final class ClassData {

    /** The jar to start and the JVM options that go with it. */
    public record Launch(Path jar, List<String> jvmOptions) {
    }

    private static final String SOURCE = ".source";

    private final Path root;

    public ClassData(Path repoRoot) {
        this.root = repoRoot.resolve("target").resolve("class-data");
    }

    /** How to start {@code name}: extracted, with its archive when there is one, or else from its Boot jar. */
    public Launch launch(String name, Path bootJar) {
        Path extracted = extractedJar(name, bootJar);
        if (!extractedFrom(name, bootJar) || !Files.isRegularFile(extracted)) {
            return new Launch(bootJar, List.of());
        }
        Path archive = archive(name);
        return new Launch(extracted, Files.isRegularFile(archive)
                ? List.of("-XX:SharedArchiveFile=" + archive)
                : List.of());
    }

    /**
     * Extracts {@code bootJar} unless its extraction is current; an extraction drops the archive made from the one
     * before.
     *
     * @return true when the archive is missing and must be made ({@link #training})
     */
    boolean extract(String name, Path bootJar) {
        if (extractedFrom(name, bootJar)) {
            return !Files.isRegularFile(archive(name));
        }
        Path folder = root.resolve(name);
        try {
            Files.deleteIfExists(archive(name));
            LocalPlatform.deleteRecursively(folder);
            Files.createDirectories(root);
            Path log = root.resolve(name + "-extract.log");
            Process extraction = new ProcessBuilder(ServiceProcess.java(), "-Djarmode=tools", "-jar", bootJar.toString(), "extract",
                    "--destination", folder.toString())
                    .redirectErrorStream(true).redirectOutput(log.toFile()).start();
            if (!extraction.waitFor(120, TimeUnit.SECONDS) || extraction.exitValue() != 0) {
                extraction.destroyForcibly();
                throw new IllegalStateException("cannot extract " + bootJar + "; see " + log);
            }
            Files.writeString(folder.resolve(SOURCE), stamp(bootJar));
            Files.delete(log);
            return true;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot extract " + bootJar, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while extracting " + bootJar);
        }
    }

    /**
     * The options of the training run: start to the refreshed application context, exit, and write the archive
     * ({@link #keepArchive} moves it into place once the process exited well).
     */
    List<String> training(String name) {
        return List.of("-XX:ArchiveClassesAtExit=" + unfinishedArchive(name), "-Dspring.context.exit=onRefresh");
    }

    /** @return whether the training run left an archive, now in place */
    boolean keepArchive(String name) {
        Path written = unfinishedArchive(name);
        if (!Files.isRegularFile(written)) {
            return false;
        }
        try {
            Files.move(written, archive(name), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return true;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot keep the archive of " + name, e);
        }
    }

    /** Keeps the log of a training start that failed beside the archives (its data folder is temporary). */
    Path keepLog(String name, Path log) {
        Path kept = root.resolve(name + "-training.log");
        try {
            Files.copy(log, kept, StandardCopyOption.REPLACE_EXISTING);
            return kept;
        } catch (IOException e) {
            return log;
        }
    }

    Path extractedJar(String name, Path bootJar) {
        return root.resolve(name).resolve(bootJar.getFileName());
    }

    private boolean extractedFrom(String name, Path bootJar) {
        Path source = root.resolve(name).resolve(SOURCE);
        try {
            return Files.isRegularFile(source) && Files.readString(source).equals(stamp(bootJar));
        } catch (IOException e) {
            return false;
        }
    }

    private Path archive(String name) {
        return root.resolve(name + ".jsa");
    }

    private Path unfinishedArchive(String name) {
        return root.resolve(name + ".jsa.part");
    }

    private static String stamp(Path bootJar) throws IOException {
        return Files.size(bootJar) + " " + Files.getLastModifiedTime(bootJar).toMillis();
    }
}
