package httpd.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.management.HotSpotDiagnosticMXBean;
import com.sun.management.VMOption;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.management.ObjectName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

/** What the trim decides, against a fake HotSpot heap: the test JVM's own heap settings are never touched. */
class HeapFootprintTest {
    private static final long MIB = 1024 * 1024;

    @TempDir
    Path root;

    @ParameterizedTest(name = "initial {0} MiB, {1} MiB live, -Xms {2} MiB -> {3} MiB after collections at {4}% free")
    @CsvSource(delimiter = '|', value = {
        // a quarter of the initial heap: the first collection's used size gives the ratio that lands there
        "384 | 5   | 0   | 100  | 80 92",
        "384 | 12  | 0   | 100  | 80 88",
        // at least 64 MiB
        "200 | 8   | 0   | 68   | 80 88",
        // -Xms: the heap cannot shrink, so the trim stops once the ratio no longer changes
        "384 | 12  | 384 | 384  | 80 21 10",
        // more live data than the target: as small as the live data allows
        "384 | 200 | 0   | 224  | 80 10",
    })
    void sizesTheHeapToAQuarterOfItsInitialSizeAtLeast64MiB(long initialMiB, long liveMiB, long minHeapMiB,
            long committedMiB, String freeRatios) {
        FakeHotSpot hotspot = new FakeHotSpot(initialMiB * MIB, liveMiB * MIB, minHeapMiB * MIB);

        long committed = new HeapFootprint(hotspot, hotspot::collect).trimToTarget();

        assertThat(committed).isEqualTo(committedMiB * MIB);
        assertThat(hotspot.collectedAtFreeRatios).containsExactlyElementsOf(
                Arrays.stream(freeRatios.split(" ")).map(Integer::valueOf).toList());
    }

    @Test
    void givesTheJvmItsOwnMinimumFreeRatioBackUnlessThatIsAboveTheMaximumLeft() {
        FakeHotSpot shrinkable = new FakeHotSpot(384 * MIB, 12 * MIB, 0);
        FakeHotSpot pinned = new FakeHotSpot(384 * MIB, 12 * MIB, 384 * MIB);

        new HeapFootprint(shrinkable, shrinkable::collect).trimToTarget();
        new HeapFootprint(pinned, pinned::collect).trimToTarget();

        assertThat(shrinkable.options).containsEntry("MinHeapFreeRatio", "40").containsEntry("MaxHeapFreeRatio", "88");
        assertThat(pinned.options).containsEntry("MinHeapFreeRatio", "10").containsEntry("MaxHeapFreeRatio", "10");
    }

    @ParameterizedTest(name = "{1} MiB used, {0} MiB wanted -> {2}% free")
    @CsvSource({
        "96, 12, 88",
        "96, 16, 84",
        "96, 8, 92",
        "64, 16, 75",
        "96, 1, 95",
        "96, 96, 10",
        "96, 500, 10",
    })
    void choosesTheFreeShareThatSizesTheHeapToTheTarget(long targetMiB, long usedMiB, int freePercent) {
        assertThat(HeapFootprint.freeRatioReaching(targetMiB * MIB, usedMiB * MIB)).isEqualTo(freePercent);
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"true", "TRUE", "True"})
    void trimsUnlessThePropertySaysFalse(String value) throws UsageError {
        assertThat(HeapFootprint.isWanted(value)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"false", "FALSE", "False"})
    void doesNotTrimWhenThePropertySaysFalse(String value) throws UsageError {
        assertThat(HeapFootprint.isWanted(value)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "no", "off", "0"})
    void refusesAnyOtherValueInOneLine(String value) {
        assertThatThrownBy(() -> HeapFootprint.isWanted(value)).isInstanceOf(UsageError.class)
                .hasMessage("-Dhttpd.heapTrim: '" + value + "' is not true or false");
    }

    @Test
    void aServerStartedInsideAnotherProgramLeavesThatJvmsHeapAlone() {
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(output, true, StandardCharsets.UTF_8);

        int code = CommandLineRun.run(new String[] {"-p", "0", "-r", root.toString()}, out, out, root,
                running -> running.server().stop(Duration.ZERO));

        assertThat(code).as(output.toString(StandardCharsets.UTF_8)).isZero();
        assertThat(Thread.getAllStackTraces().keySet()).extracting(Thread::getName).doesNotContain("httpd-heap-trim");
    }

    /**
     * HotSpot's heap options and G1's sizing after a full collection: the used regions (4 MiB each) over one
     * minus MaxHeapFreeRatio, in whole regions, never below -Xms. Like HotSpot it refuses a minimum free ratio
     * above the maximum.
     */
    private static final class FakeHotSpot implements HotSpotDiagnosticMXBean {
        private static final long REGION = 4 * MIB;

        final Map<String, String> options = new HashMap<>();
        final List<Integer> collectedAtFreeRatios = new ArrayList<>();
        private final long usedBytes;
        private final long minHeapBytes;

        FakeHotSpot(long initialBytes, long liveBytes, long minHeapBytes) {
            this.usedBytes = roundUpToRegions(liveBytes);
            this.minHeapBytes = minHeapBytes;
            options.put("InitialHeapSize", Long.toString(initialBytes));
            options.put("MinHeapFreeRatio", "40");
            options.put("MaxHeapFreeRatio", "70");
        }

        long collect() {
            int maxFree = Integer.parseInt(options.get("MaxHeapFreeRatio"));
            collectedAtFreeRatios.add(maxFree);
            return Math.max(minHeapBytes, roundUpToRegions(usedBytes * 100 / (100 - maxFree)));
        }

        private static long roundUpToRegions(long bytes) {
            return (bytes + REGION - 1) / REGION * REGION;
        }

        @Override
        public VMOption getVMOption(String name) {
            return new VMOption(name, options.get(name), true, VMOption.Origin.DEFAULT);
        }

        @Override
        public void setVMOption(String name, String value) {
            Map<String, String> next = new HashMap<>(options);
            next.put(name, value);
            if (Integer.parseInt(next.get("MinHeapFreeRatio")) > Integer.parseInt(next.get("MaxHeapFreeRatio"))) {
                throw new IllegalArgumentException("MinHeapFreeRatio above MaxHeapFreeRatio");
            }
            options.putAll(next);
        }

        @Override
        public void dumpHeap(String outputFile, boolean live) {
            throw new UnsupportedOperationException();
        }

        @Override
        public List<VMOption> getDiagnosticOptions() {
            return List.of();
        }

        @Override
        public ObjectName getObjectName() {
            throw new UnsupportedOperationException();
        }
    }
}
