package httpd.cli;

import httpd.embed.Httpd;
import httpd.inspect.Inspector;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** The teaching inspector's flags, a picocli mixin: the settings file knows them by the same names. */
final class InspectFlags {
    @Option(names = "--inspect", defaultValue = "false",
            description = "Teaching inspector: every exchange live at /__httpd/inspect, its bytes and the why of"
                    + " each answer (this machine only).")
    boolean inspect;

    @Option(names = "--inspect-from-lan", defaultValue = "false",
            description = "Let other machines open the inspector too (it shows everyone's requests).")
    boolean inspectFromLan;

    @Option(names = "--inspect-secrets", defaultValue = "false",
            description = "Show Cookie and Authorization values in the inspector instead of masking them.")
    boolean inspectSecrets;

    /** The companions mean nothing alone: one line. */
    void check() throws UsageError {
        if (!inspect && (inspectFromLan || inspectSecrets)) {
            throw new UsageError((inspectFromLan ? "--inspect-from-lan" : "--inspect-secrets") + " needs --inspect");
        }
    }

    void applyTo(Httpd httpd) {
        httpd.inspector(inspect, inspectFromLan, inspectSecrets);
    }

    /** Where the inspector is, and who can see it; nothing when it is off. */
    List<String> notes(String url, InetAddress bind) {
        List<String> notes = new ArrayList<>();
        if (!inspect) {
            return notes;
        }
        String page = url.substring(0, url.length() - 1) + Inspector.pagePath();
        notes.add("inspector: " + page + (inspectSecrets ? "" : " (Cookie and Authorization values masked)"));
        if (inspectFromLan) {
            notes.add("warning: --inspect-from-lan: anyone who can reach this port sees every request, "
                    + (inspectSecrets ? "cookies and passwords included" : "their addresses and paths"));
        } else if (!bind.isLoopbackAddress() && !bind.isAnyLocalAddress()) {
            notes.add("the inspector answers only this machine's loopback clients, and this address is not one:"
                    + " add --inspect-from-lan to open it here");
        }
        return notes;
    }
}
