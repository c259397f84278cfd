package httpd.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.OptionalLong;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DescriptorLimitTest {
    @ParameterizedTest(name = "cap {0}, limit {1}")
    @CsvSource({"4096,1048576", "4096,4352", "20000,65536", "1,257"})
    void saysNothingWhenTheCapFitsUnderTheLimit(int cap, long limit) {
        assertThat(DescriptorLimit.warning(cap, OptionalLong.of(limit))).isEmpty();
    }

    @ParameterizedTest(name = "cap {0}, limit {1}")
    @CsvSource({"4096,4096,3840", "4097,4352,4096", "20000,1024,768", "10,100,0"})
    void warnsWhenTheLimitComesBeforeTheCap(int cap, long limit, long connections) {
        assertThat(DescriptorLimit.warning(cap, OptionalLong.of(limit))).hasValue("warning: --max-connections " + cap
                + " is above what the open-file limit of " + limit + " allows: beyond about " + connections
                + " connections new clients wait instead of getting 503; raise it (ulimit -Hn, LimitNOFILE=) or lower"
                + " --max-connections");
    }

    @org.junit.jupiter.api.Test
    void saysNothingWhereThePlatformDoesNotTell() {
        assertThat(DescriptorLimit.warning(1_000_000, OptionalLong.empty())).isEmpty();
    }

    @org.junit.jupiter.api.Test
    void readsTheHardLimitOfOpenFiles() {
        assertThat(DescriptorLimit.hardLimit(java.util.List.of(
                "Limit                     Soft Limit           Hard Limit           Units",
                "Max processes             95232                95232                processes",
                "Max open files            1024                 20000                files")))
                .hasValue(20000);
        assertThat(DescriptorLimit.hardLimit(java.util.List.of(
                "Max open files            unlimited            unlimited            files"))).isEmpty();
        assertThat(DescriptorLimit.hardLimit(java.util.List.of())).isEmpty();
    }
}
