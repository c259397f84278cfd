package httpd.server;

import httpd.http.Decision;
import httpd.http.Why;
import java.util.ArrayList;
import java.util.List;

/** The decisions of one exchange as lines, in the order they were taken; made only while someone traces. */
final class RecordedWhy implements Why {
    private final List<String> lines = new ArrayList<>();

    @Override
    public void note(Decision decision) {
        lines.add(decision.line());
    }

    @Override
    public void note(Decision decision, String detail) {
        lines.add(decision.line(detail));
    }

    @Override
    public void note(Decision decision, String detail, String other) {
        lines.add(decision.line(detail, other));
    }

    /** A line made elsewhere, such as a parser's refusal with the rule it cites. */
    void add(String line) {
        lines.add(line);
    }

    List<String> lines() {
        return List.copyOf(lines);
    }
}
