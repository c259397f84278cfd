package httpd.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.management.HotSpotDiagnosticMXBean;
import java.lang.management.ManagementFactory;
import org.junit.jupiter.api.Test;

class HeapFootprintTest {
    @Test
    void letsTheHeapShrinkToWhatItHoldsPlentyOfRoomFor() {
        HeapFootprint.trim();

        assertThat(ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class)
                .getVMOption("MaxHeapFreeRatio").getValue()).isEqualTo("80");
    }
}
