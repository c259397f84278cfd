package httpd.embed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's example as a program that depends on httpd would be: compiled against the plain jar (not the
 * runnable one) and run in a JVM of its own with only the library's declared runtime dependencies beside it, no
 * picocli, no logback. If the example in README stops compiling or working, this fails.
 */
class LibraryConsumerIT {
    private static final Pattern EXAMPLE = Pattern.compile(
            "<!-- embed-example: Example.java -->\\s*```java\\n(.*?)```", Pattern.DOTALL);
    /** What a program gets with httpd from Maven: the non-optional runtime dependencies. */
    private static final List<String> RUNTIME = List.of("slf4j-api", "bcpkix-jdk18on", "bcprov-jdk18on",
            "bcutil-jdk18on", "qrcodegen");

    @TempDir
    Path temp;

    @Test
    void theReadmeExampleCompilesAgainstThePlainJarAndServesAPage() throws Exception {
        Path library = Path.of("target", "httpd-" + Httpd.version() + ".jar");
        assumeTrue(Files.isRegularFile(library), "the plain jar is made by mvn package, before the ITs run");
        Matcher example = EXAMPLE.matcher(Files.readString(Path.of("README.md")));
        assertThat(example.find()).as("README holds the example").isTrue();
        Path source = Files.writeString(temp.resolve("Example.java"), example.group(1));
        List<String> classpath = new ArrayList<>(List.of(library.toAbsolutePath().toString()));
        classpath.addAll(dependencies());
        String path = String.join(File.pathSeparator, classpath);

        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        int compiled = javac.run(null, null, null, "--release", "17", "-cp", path, "-d", temp.toString(),
                source.toString());
        assertThat(compiled).as("javac exit code").isZero();

        Path site = Files.createDirectories(temp.resolve("site"));
        Files.writeString(site.resolve("index.html"), "<p>hello from a library</p>\n");
        Process run = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", path + File.pathSeparator + temp, "Example", site.toString())
                .redirectErrorStream(true).start();
        assertThat(run.waitFor(60, TimeUnit.SECONDS)).as("the example ends").isTrue();
        String output = new String(run.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(run.exitValue()).as(output).isZero();
        assertThat(output).containsPattern("200 28 bytes from http://127\\.0\\.0\\.1:\\d+/");
        assertThat(output).doesNotContain("picocli", "logback");
    }

    /** The runtime dependencies, as the test's own class path has them from the local Maven repository. */
    private static List<String> dependencies() throws IOException {
        List<String> jars = Stream.of(System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(entry -> RUNTIME.stream().anyMatch(name -> Path.of(entry).getFileName().toString()
                        .startsWith(name + "-")))
                .collect(Collectors.toList());
        assertThat(jars).as("the runtime dependencies on the test class path").hasSize(RUNTIME.size());
        return jars;
    }
}
