package httpd.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.sun.management.HotSpotDiagnosticMXBean;
import java.lang.management.ManagementFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class HeapFootprintTest {
    private final HotSpotDiagnosticMXBean hotspot = ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class);

    @Test
    void trimsTheHeapToAQuarterOfItsInitialSizeAtLeast64MiB() {
        String minFreeRatio = hotspot.getVMOption("MinHeapFreeRatio").getValue();
        long target = Math.max(64L << 20, Long.parseLong(hotspot.getVMOption("InitialHeapSize").getValue()) / 4);

        long committed = HeapFootprint.trim();

        assertThat(hotspot.getVMOption("MinHeapFreeRatio").getValue()).isEqualTo(minFreeRatio);
        assertThat(committed).isEqualTo(Runtime.getRuntime().totalMemory());
        // how the heap is sized after a full collection is G1's (the JVM picks Serial on a small machine)
        assumeTrue(ManagementFactory.getGarbageCollectorMXBeans().stream().anyMatch(gc -> gc.getName().startsWith("G1")));
        assertThat(committed).isBetween(target, target + target / 8);
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
        assertThat(HeapFootprint.freeRatioReaching(targetMiB << 20, usedMiB << 20)).isEqualTo(freePercent);
    }
}
