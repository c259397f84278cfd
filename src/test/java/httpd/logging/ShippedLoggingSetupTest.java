package httpd.logging;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.OutputStreamAppender;
import ch.qos.logback.core.status.Status;
import java.net.URL;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What config/logback.xml sets up, as the jar carries it: the access log and server events httpd writes. */
class ShippedLoggingSetupTest {
    @Test
    void sendsAccessLinesToStandardOutputInBatchesAndServerEventsToStandardError() throws Exception {
        URL shipped = getClass().getClassLoader().getResource("httpd/logging/logback.xml");
        LoggerContext context = new LoggerContext();
        try {
            JoranConfigurator joran = new JoranConfigurator();
            joran.setContext(context);
            joran.doConfigure(shipped);

            assertThat(describe(context)).containsExactly(
                    "ROOT level=INFO additive=true",
                    "  CONSOLE ch.qos.logback.core.ConsoleAppender started encoder=httpd.logging.EventLineEncoder"
                            + " target=System.err",
                    "httpd.access level=INFO additive=false",
                    "  ACCESS httpd.logging.BufferedConsoleAppender started encoder=httpd.logging.MessageLineEncoder"
                            + " flushMillis=200",
                    "httpd level=null additive=true",
                    "status listeners: [NopStatusListener]");
            assertThat(context.getStatusManager().getCopyOfStatusList()).as(statuses(context))
                    .allMatch(status -> status.getLevel() == Status.INFO);
        } finally {
            context.stop();
        }
    }

    private static List<String> describe(LoggerContext context) {
        List<String> lines = new ArrayList<>();
        for (String name : List.of(Logger.ROOT_LOGGER_NAME, "httpd.access", "httpd")) {
            Logger logger = context.getLogger(name);
            lines.add(name + " level=" + logger.getLevel() + " additive=" + logger.isAdditive());
            logger.iteratorForAppenders().forEachRemaining(appender -> lines.add("  " + describe(appender)));
        }
        lines.add("status listeners: " + context.getStatusManager().getCopyOfStatusListenerList().stream()
                .map(listener -> listener.getClass().getSimpleName()).toList());
        return lines;
    }

    private static String describe(Appender<ILoggingEvent> appender) {
        StringBuilder text = new StringBuilder(appender.getName() + " " + appender.getClass().getName()
                + (appender.isStarted() ? " started" : " stopped"));
        if (appender instanceof OutputStreamAppender<ILoggingEvent> stream) {
            text.append(" encoder=").append(stream.getEncoder().getClass().getName());
        }
        if (appender instanceof ConsoleAppender<ILoggingEvent> console) {
            text.append(" target=").append(console.getTarget());
        }
        if (appender instanceof BufferedConsoleAppender<ILoggingEvent> buffered) {
            text.append(" flushMillis=").append(buffered.getFlushMillis());
        }
        return text.toString();
    }

    private static String statuses(LoggerContext context) {
        return context.getStatusManager().getCopyOfStatusList().stream().map(Status::toString).toList().toString();
    }
}
