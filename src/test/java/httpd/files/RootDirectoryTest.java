package httpd.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class RootDirectoryTest {
    @TempDir
    Path temp;
    Path root;
    RootDirectory tree;

    @BeforeEach
    void createTree() throws IOException {
        root = Files.createDirectories(temp.resolve("www/sub/deeper")).getParent().getParent().toRealPath();
        Files.createDirectories(temp.resolve("outside"));
        Files.writeString(temp.resolve("outside/a.txt"), "outside");
        Files.writeString(root.resolve("sub/a.txt"), "inside");
        Files.writeString(root.resolve("top.txt"), "top");
        Files.createDirectories(root.resolve(".hidden"));
        Files.writeString(root.resolve(".hidden/h.txt"), "hidden");
        link("rel-file", "sub/a.txt");
        link("rel-up", "sub/deeper/../../top.txt");
        link("abs-file", root.resolve("top.txt").toString());
        link("abs-dir", root.resolve("sub").toString());
        link("sub/deeper/up", "../..");
        link("out-rel", "../outside/a.txt");
        link("out-abs", temp.resolve("outside").toString());
        link("out-dotdot", root + "/../outside/a.txt");
        link("loop-a", "loop-b");
        link("loop-b", "loop-a");
        link("to-hidden", ".hidden/h.txt");
        link("broken", "nothing-here");
        link("file-then-name", "top.txt/x");
        tree = new RootDirectory(root, false);
    }

    private void link(String name, String target) throws IOException {
        Files.createSymbolicLink(root.resolve(name), Path.of(target));
    }

    static Stream<Arguments> inside() {
        return Stream.of(
                Arguments.of("sub/a.txt", "sub/a.txt"),
                Arguments.of("rel-file", "sub/a.txt"),
                Arguments.of("rel-up", "top.txt"),
                Arguments.of("abs-file", "top.txt"),
                Arguments.of("abs-dir/a.txt", "sub/a.txt"),
                Arguments.of("sub/deeper/up/top.txt", "top.txt"),
                Arguments.of("sub/deeper/up/abs-dir/deeper/up/rel-file", "sub/a.txt"));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("inside")
    void followsSymlinksByHandWhileTheyStayInside(String path, String real) throws IOException {
        RootDirectory.Found found = tree.find(names(path));

        assertThat(found).isNotNull();
        assertThat(String.join("/", found.names())).isEqualTo(real);
        assertThat(found.attributes().isRegularFile()).isTrue();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("nowhere")
    void findsNothingOutsideHiddenLoopingOrMissing(String path) throws IOException {
        assertThat(tree.find(names(path))).isNull();
    }

    static Stream<String> nowhere() {
        return Stream.of("out-rel", "out-abs/a.txt", "out-dotdot", "loop-a", "to-hidden", ".hidden/h.txt", "broken",
                "file-then-name", "top.txt/x", "missing", "sub/missing");
    }

    @Test
    void opensWhatTheWalkFound() throws IOException {
        try (FileChannel channel = tree.open(names("abs-dir/a.txt"))) {
            assertThat(read(channel)).isEqualTo("inside");
        }
    }

    @Test
    void failsTheOpenWhenADirectoryWasSwappedForASymlinkToAnOutsideTwin() throws IOException {
        Files.createDirectories(temp.resolve("twin"));
        Files.writeString(temp.resolve("twin/a.txt"), "OUTSIDE");
        assertThat(tree.find(names("sub/a.txt"))).isNotNull();

        Files.move(root.resolve("sub"), root.resolve("sub.real"));
        Files.createSymbolicLink(root.resolve("sub"), temp.resolve("twin"));

        assertThatThrownBy(() -> tree.open(names("sub/a.txt"))).isInstanceOf(NoSuchFileException.class);
    }

    @Test
    void listsEntriesWithInsideLinksFollowedAndTheRestLeftOut() throws IOException {
        List<String> listed = tree.list(List.of()).stream().map(RootDirectory.Listed::name).sorted().toList();

        assertThat(listed).containsExactly("abs-dir", "abs-file", "rel-file", "rel-up", "sub", "top.txt");
    }

    @Test
    void walksRaceFreeOnLinux() {
        assumeTrue(System.getProperty("os.name").startsWith("Linux"), "SecureDirectoryStream is checked on Linux");
        assertThat(tree.isSecure()).isTrue();
    }

    private static List<String> names(String path) {
        return Arrays.asList(path.split("/"));
    }

    private static String read(FileChannel channel) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate((int) channel.size());
        while (buffer.hasRemaining() && channel.read(buffer) >= 0) {
            // until full
        }
        return new String(buffer.array(), StandardCharsets.UTF_8);
    }
}
