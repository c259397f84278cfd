package httpd.logging;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.OutputStreamAppender;
import ch.qos.logback.core.encoder.EncoderBase;
import ch.qos.logback.core.hook.DefaultShutdownHook;
import ch.qos.logback.core.spi.ContextAwareBase;
import ch.qos.logback.core.status.NopStatusListener;

/**
 * The logging setup built into the jar, used when no logback configuration file is named (Main names
 * {@code config/logback.xml} when the working directory has an edited one). It is the same setup as that
 * file as shipped, made in code because parsing XML took a third of httpd's start-up time:
 * {@code httpd.access} lines to standard output in batches, everything else to standard error.
 */
public final class DefaultLogging extends ContextAwareBase implements Configurator {
    @Override
    public ExecutionStatus configure(LoggerContext context) {
        if (System.getProperty("logback.configurationFile") != null) {
            return ExecutionStatus.INVOKE_NEXT_IF_ANY; // a file was named: logback reads it
        }
        context.getStatusManager().add(new NopStatusListener());
        BufferedConsoleAppender<ILoggingEvent> access = new BufferedConsoleAppender<>();
        start(context, access, "ACCESS", new MessageLineEncoder());
        Logger accessLogger = context.getLogger("httpd.access");
        accessLogger.setLevel(Level.INFO);
        accessLogger.setAdditive(false);
        accessLogger.addAppender(access);

        ConsoleAppender<ILoggingEvent> console = new ConsoleAppender<>();
        console.setTarget("System.err");
        start(context, console, "CONSOLE", new EventLineEncoder());
        Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        root.setLevel(Level.INFO);
        root.addAppender(console);

        DefaultShutdownHook flushOnExit = new DefaultShutdownHook();
        flushOnExit.setContext(context);
        Runtime.getRuntime().addShutdownHook(new Thread(flushOnExit, "httpd-log-shutdown"));
        return ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY;
    }

    private static void start(LoggerContext context, OutputStreamAppender<ILoggingEvent> appender, String name,
            EncoderBase<ILoggingEvent> encoder) {
        encoder.setContext(context);
        encoder.start();
        appender.setContext(context);
        appender.setName(name);
        appender.setEncoder(encoder);
        appender.start();
    }
}
