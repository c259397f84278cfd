package httpd.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class NearestNameTest {
    private static final List<String> OPTIONS = List.of("--port", "--root", "--directory", "--threads",
            "--transfer-threads", "--watch", "--spa", "--no-listing", "--dotfiles", "--quiet", "--cors", "--config");

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "--prot,        --port",
            "--pott,        --port",
            "--wacth,       --watch",
            "--thread,      --threads",
            "--sap,         --spa",
            "--quite,       --quiet",
            "--no-listng,   --no-listing",
            "--directroy,   --directory",
            "--tranfser-threads, --transfer-threads",
            "--dotfile,     --dotfiles",
    })
    void suggestsTheNameATypoMeant(String typed, String meant) {
        assertThat(NearestName.of(typed, OPTIONS)).contains(meant);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"--bogus", "--x", "--verbose", "--prt0", "--listing"})
    void suggestsNothingForAWordTooFarFromEveryName(String typed) {
        assertThat(NearestName.of(typed, OPTIONS)).isEmpty();
    }

    @Test
    void countsASwapOfNeighboursAsOneEdit() {
        assertThat(NearestName.distance("prot", "port")).isEqualTo(1);
        assertThat(NearestName.distance("port", "port")).isZero();
        assertThat(NearestName.distance("", "port")).isEqualTo(4);
        assertThat(NearestName.distance("kitten", "sitting")).isEqualTo(3);
    }
}
