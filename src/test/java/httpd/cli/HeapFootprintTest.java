package httpd.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.management.HotSpotDiagnosticMXBean;
import java.lang.management.ManagementFactory;
import org.junit.jupiter.api.Test;

class HeapFootprintTest {
    private final HotSpotDiagnosticMXBean hotspot = ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class);

    @Test
    void trimsTheHeapToAQuarterOfItsInitialSizeAtLeast64MiB() {
        String minFreeRatio = hotspot.getVMOption("MinHeapFreeRatio").getValue();
        long target = Math.max(64L << 20, Long.parseLong(hotspot.getVMOption("InitialHeapSize").getValue()) / 4);

        long committed = HeapFootprint.trim();

        assertThat(committed).isEqualTo(Runtime.getRuntime().totalMemory()).isBetween(target, target + target / 8);
        assertThat(hotspot.getVMOption("MinHeapFreeRatio").getValue()).isEqualTo(minFreeRatio);
    }
}
