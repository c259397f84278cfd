package httpd.cli;

import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.function.Consumer;

/**
 * Catches Ctrl+C (SIGINT) and SIGTERM, so that httpd can stop gracefully and exit with 0, and a second Ctrl+C
 * can still stop it at once.
 *
 * <p>Why not a JVM shutdown hook, Java's supported route: while hooks run, the JVM leaves every further
 * Ctrl+C waiting until they have finished, so a stop that waits for downloads could not be cut short; the exit
 * code is then 130 or 143, never 0; and logging's own hook stops logback at the same moment, so the lines of
 * downloads that finish during the wait would be lost. Java has no supported signal API; {@code
 * sun.misc.Signal}, in the module jdk.unsupported, is kept accessible for this (JEP 260). It is looked up by
 * name because javac warns about it on every build wherever the source names it, and with {@code --release}
 * no option turns that off. Where it is missing, Ctrl+C ends the JVM at once, as it does by default.
 */
final class ShutdownSignals {
    private ShutdownSignals() {
    }

    /** @param onSignal called on a thread of the JVM's for each signal, the second one too */
    static void install(Consumer<StopSignal> onSignal) {
        Class<?> signalType;
        Class<?> handlerType;
        Method handle;
        try {
            signalType = Class.forName("sun.misc.Signal");
            handlerType = Class.forName("sun.misc.SignalHandler");
            handle = signalType.getMethod("handle", signalType, handlerType);
        } catch (ReflectiveOperationException | LinkageError e) {
            return; // a JVM without jdk.unsupported: the JVM's default
        }
        for (StopSignal signal : StopSignal.values()) {
            Object handler = Proxy.newProxyInstance(handlerType.getClassLoader(), new Class<?>[] {handlerType},
                    (proxy, method, args) -> switch (method.getName()) {
                        case "handle" -> {
                            onSignal.accept(signal);
                            yield null;
                        }
                        case "equals" -> proxy == args[0];
                        case "hashCode" -> System.identityHashCode(proxy);
                        default -> "httpd's SIG" + signal + " handler";
                    });
            try {
                handle.invoke(null, signalType.getConstructor(String.class).newInstance(signal.name()), handler);
            } catch (ReflectiveOperationException | RuntimeException e) {
                // this platform has no such signal (e.g. TERM on some Windows setups): keep the JVM's default
            }
        }
    }
}
