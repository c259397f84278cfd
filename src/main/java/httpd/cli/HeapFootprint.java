package httpd.cli;

import com.sun.management.HotSpotDiagnosticMXBean;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * Hands back the heap that the JVM reserved at start but a static server never needs. This changes the whole
 * JVM's heap sizing, so only httpd's own process does it ({@link HttpdCommand#run(String[], java.io.PrintStream,
 * java.io.PrintStream)}), never a server started inside another program; {@code -Dhttpd.heapTrim=false} turns
 * it off.
 *
 * <p>The JVM starts with a 64th of the machine's memory committed as heap and lets the young generation grow
 * into all of it, while the server's live data is a few MiB. After a full collection G1 keeps
 * {@code used / (1 - MaxHeapFreeRatio)}, counting used space in whole regions; and under load, a heap below a
 * quarter of its initial size that collects often is grown back by half the distance to the initial size at
 * once, while from a quarter up it grows in steps of a fifth. So the heap is trimmed to a quarter of its
 * initial size, at least 64 MiB: the used size after the first collection gives the free ratio that lands
 * there, and a collection or two more get there however the collector packed the live data.
 */
final class HeapFootprint {
    static final String PROPERTY = "httpd.heapTrim";

    /** Done at once, the management classes it loads and the full collections would hold up the first requests. */
    private static final Duration DELAY_AFTER_START = Duration.ofMillis(250);
    private static final long MIN_TARGET_BYTES = 64L * 1024 * 1024;
    private static final int FIRST_FREE_RATIO = 80;
    private static final int MIN_FREE_RATIO = 10;
    private static final int MAX_FREE_RATIO = 95;
    private static final int MAX_COLLECTIONS = 4;

    private final HotSpotDiagnosticMXBean hotspot;
    private final LongSupplier fullCollection;
    private final long targetBytes;
    private final int originalMinFreeRatio;

    /**
     * @param fullCollection runs a full collection and returns the heap's committed size afterwards
     */
    HeapFootprint(HotSpotDiagnosticMXBean hotspot, LongSupplier fullCollection) {
        this.hotspot = hotspot;
        this.fullCollection = fullCollection;
        long initial = Long.parseLong(hotspot.getVMOption("InitialHeapSize").getValue());
        this.targetBytes = Math.max(MIN_TARGET_BYTES, initial / 4);
        this.originalMinFreeRatio = Integer.parseInt(hotspot.getVMOption("MinHeapFreeRatio").getValue());
    }

    /**
     * Whether to trim, from the {@value #PROPERTY} system property: on unless it says {@code false}.
     *
     * @throws UsageError for a value that is neither true nor false
     */
    static boolean isWanted(String propertyValue) throws UsageError {
        if (propertyValue == null || propertyValue.equalsIgnoreCase("true")) {
            return true;
        }
        if (propertyValue.equalsIgnoreCase("false")) {
            return false;
        }
        throw new UsageError("-D" + PROPERTY + ": '" + propertyValue + "' is not true or false");
    }

    /** In the background, a moment after start. */
    static void trimSoon() {
        Thread trim = new Thread(HeapFootprint::trimAfterStartUp, "httpd-heap-trim");
        trim.setDaemon(true);
        trim.start();
    }

    private static void trimAfterStartUp() {
        try {
            Thread.sleep(DELAY_AFTER_START.toMillis());
        } catch (InterruptedException e) {
            return;
        }
        HeapFootprint footprint;
        try {
            footprint = new HeapFootprint(ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class),
                    HeapFootprint::collectFully);
        } catch (RuntimeException | LinkageError e) {
            System.gc(); // not HotSpot, or a JVM without jdk.management: one collection alone still helps
            return;
        }
        try {
            footprint.trimToTarget();
        } catch (RuntimeException e) {
            // a JVM that refuses a setting: the heap stays as it was, which is only bigger
        }
    }

    private static long collectFully() {
        System.gc();
        return Runtime.getRuntime().totalMemory();
    }

    /** @return the heap's committed size afterwards */
    long trimToTarget() {
        int freeRatio = FIRST_FREE_RATIO;
        try {
            long committed = collectKeepingFree(freeRatio);
            for (int collections = 1; collections < MAX_COLLECTIONS && !isOnTarget(committed); collections++) {
                int next = freeRatioReaching(targetBytes, committed * (100 - freeRatio) / 100);
                if (next == freeRatio) {
                    break; // the heap cannot get there (-Xms or -Xmx set): nothing more to gain
                }
                freeRatio = next;
                committed = collectKeepingFree(freeRatio);
            }
            return committed;
        } finally {
            // the JVM's own again, but never above max, which HotSpot would refuse
            hotspot.setVMOption("MinHeapFreeRatio", Integer.toString(Math.min(originalMinFreeRatio, freeRatio)));
        }
    }

    /**
     * The free share that sizes a heap holding {@code usedBytes} to at least {@code targetBytes}.
     *
     * @param usedBytes the used regions' size, which the last collection sized the heap from
     */
    static int freeRatioReaching(long targetBytes, long usedBytes) {
        double ratio = Math.ceil(100 - 100.0 * usedBytes / targetBytes);
        return (int) Math.max(MIN_FREE_RATIO, Math.min(MAX_FREE_RATIO, ratio));
    }

    /** Within an eighth above the target: a region's rounding, not a reason for another collection. */
    private boolean isOnTarget(long committed) {
        return committed >= targetBytes && committed <= targetBytes + targetBytes / 8;
    }

    /** A full collection after which the heap is sized to exactly this share free (min = max). */
    private long collectKeepingFree(int percent) {
        // lowered first, so that min never exceeds max, which HotSpot refuses
        hotspot.setVMOption("MinHeapFreeRatio", "0");
        hotspot.setVMOption("MaxHeapFreeRatio", Integer.toString(percent));
        hotspot.setVMOption("MinHeapFreeRatio", Integer.toString(percent));
        return fullCollection.getAsLong();
    }
}
