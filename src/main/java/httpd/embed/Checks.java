package httpd.embed;

import httpd.http.HeaderField;
import java.time.Duration;
import java.util.Optional;

/** The checks {@link Httpd}'s setters share, each refusal in the words the command line uses. */
final class Checks {
    private Checks() {
    }

    static void header(HeaderField field, String what) {
        Optional<String> problem = field.problemAsExtraHeader();
        if (problem.isPresent()) {
            throw new IllegalArgumentException("invalid " + what + ": " + problem.get());
        }
    }

    static Duration notNegative(String name, Duration duration) {
        if (duration.isNegative()) {
            throw new IllegalArgumentException(name + " must not be negative");
        }
        return duration;
    }

    static Duration atLeastASecond(String name, Duration duration) {
        if (duration.compareTo(Duration.ofSeconds(1)) < 0) {
            throw new IllegalArgumentException(name + " must be at least 1 second");
        }
        return duration;
    }
}
