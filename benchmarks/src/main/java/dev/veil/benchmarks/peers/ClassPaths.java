package dev.veil.benchmarks.peers;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

/**
 * Where the contenders' jars are: {@code target/classpath/<name>/} of this module (vendor drivers, Veil's
 * self-contained jar) and of the module {@code benchmark-peers} (P6Spy, ShardingSphere-JDBC), both written by
 * {@code mvn package}. The system property {@value #PROPERTY} names the roots explicitly (comma-separated);
 * otherwise they are found next to this class's own jar or class directory.
 */
final class ClassPaths {

    static final String PROPERTY = "veil.bench.classpaths";

    private final List<Path> roots;

    private ClassPaths(List<Path> roots) {
        this.roots = List.copyOf(roots);
    }

    static ClassPaths locate() {
        String configured = System.getProperty(PROPERTY);
        if (configured != null && !configured.isBlank()) {
            return new ClassPaths(Arrays.stream(configured.split(",")).map(String::trim).map(Path::of).toList());
        }
        Path target = ownLocation().getParent(); // benchmarks/target, holding the jar or the classes directory
        return new ClassPaths(List.of(target.resolve("classpath"),
                target.getParent().resolveSibling("benchmark-peers").resolve("target").resolve("classpath")));
    }

    private static Path ownLocation() {
        try {
            return Path.of(ClassPaths.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException("cannot tell where the benchmark classes are", e);
        }
    }

    /** The file names of a contender's jars, for the report. */
    List<String> jarNames(String name) {
        return Arrays.stream(jars(name)).map(url -> Path.of(url.getPath()).getFileName().toString()).toList();
    }

    /** The jars of one contender; fails naming the build step when they are missing. */
    URL[] jars(String name) {
        for (Path root : roots) {
            Path dir = root.resolve(name);
            if (Files.isDirectory(dir)) {
                List<URL> jars = new ArrayList<>();
                try (Stream<Path> files = Files.list(dir)) {
                    for (Path jar : files.filter(f -> f.toString().endsWith(".jar")).sorted().toList()) {
                        jars.add(jar.toUri().toURL());
                    }
                } catch (MalformedURLException e) {
                    throw new IllegalStateException(e);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                if (!jars.isEmpty()) {
                    return jars.toArray(URL[]::new);
                }
            }
        }
        throw new IllegalStateException("no jars for '" + name + "' under " + roots
                + ": build them with mvn -pl benchmarks -am package");
    }
}
