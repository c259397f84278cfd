package httpd.server;

import httpd.http.ErrorPages;
import httpd.http.HttpStatus;
import httpd.http.HttpDates;
import httpd.http.RequestHandler;
import httpd.http.Response;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.channels.ServerSocketChannel;
import java.time.Clock;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The listening socket and the threads that serve its connections ({@link WorkerPools}). One acceptor thread
 * takes each new connection from {@link ServerSocket#accept()} and queues it for a request thread; a
 * {@link Connection} then owns it until it closes, with all it needs in one {@link ConnectionContext}.
 */
public final class HttpServer implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(HttpServer.class);
    private static final int ACCEPT_BACKLOG = 1024;

    private final ServerConfig config;
    private final RequestHandler handler;
    private final String serverName;
    private final PerSecondText date;
    private final AccessLog accessLog;
    private final Trace trace;
    private final TransportFactory transports;
    private final Set<Connection> connections = ConcurrentHashMap.newKeySet();
    private final AtomicLong connectionIds = new AtomicLong();
    private final CountDownLatch stopped = new CountDownLatch(1);
    private ServerSocket serverSocket;
    private WorkerPools pools;
    private ConnectionContext context;
    private Thread acceptor;
    private volatile boolean stopping;

    public HttpServer(ServerConfig config, RequestHandler handler, String serverName, Clock clock) {
        this(config, handler, serverName, clock, Trace.NONE);
    }

    /** @param trace where {@code --trace} shows the bytes on the wire ({@link Trace#NONE} for nowhere) */
    public HttpServer(ServerConfig config, RequestHandler handler, String serverName, Clock clock, Trace trace) {
        this(config, handler, serverName, clock, trace, TransportFactory.PLAIN);
    }

    /** @param transports what carries each connection's bytes: {@link TransportFactory#PLAIN}, or TLS */
    public HttpServer(ServerConfig config, RequestHandler handler, String serverName, Clock clock, Trace trace,
            TransportFactory transports) {
        this.trace = trace;
        this.transports = transports;
        this.config = config;
        this.handler = handler;
        this.serverName = serverName;
        this.date = new PerSecondText(clock, HttpDates::format);
        this.accessLog = new AccessLog(config.accessLog(), clock);
    }

    /**
     * Binds the port and starts accepting. A busy port is an error, never a silent move to another one.
     *
     * @throws java.net.BindException when the port is in use or the address is not this machine's
     */
    public synchronized void start() throws IOException {
        // A blocking ServerSocketChannel's socket is a plain java.net.ServerSocket whose accepted sockets
        // have channels, which is what lets large files go out with sendfile (FileChannel.transferTo).
        ServerSocketChannel channel = ServerSocketChannel.open();
        serverSocket = channel.socket();
        try {
            serverSocket.setReuseAddress(true);
            serverSocket.bind(new InetSocketAddress(config.bindAddress(), config.port()), ACCEPT_BACKLOG);
        } catch (IOException e) {
            serverSocket.close();
            throw e;
        }
        pools = new WorkerPools(config.threads(), config.transferThreads());
        context = new ConnectionContext(config, handler, transports.unencryptedRequests(), serverName, date, accessLog,
                trace, pools, new InputBuffers(), () -> stopping, connections::remove);
        pools.every(Watchdog.TICK, new Watchdog(connections, config.sendTimeout(), pools::hasWaitingTransfers));
        acceptor = new Thread(this::acceptConnections, "httpd-acceptor");
        acceptor.start();
        log.debug("listening on {} with {} request threads and {} transfer threads", serverSocket.getLocalSocketAddress(),
                config.threads(), config.transferThreads());
    }

    /** The port actually bound (useful after asking for port 0). */
    public int port() {
        return serverSocket.getLocalPort();
    }

    private void acceptConnections() {
        boolean reportedAcceptFailure = false;
        while (!stopping) {
            Socket socket;
            try {
                socket = serverSocket.accept();
                reportedAcceptFailure = false;
            } catch (IOException e) {
                if (stopping || serverSocket.isClosed()) {
                    break;
                }
                // Typically "too many open files": say so once, wait for descriptors to free up, go on.
                if (!reportedAcceptFailure) {
                    log.warn("accept failed, retrying: {}", e.toString());
                    reportedAcceptFailure = true;
                }
                pauseAfterAcceptFailure();
                continue;
            }
            try {
                dispatch(socket);
            } catch (RuntimeException | LinkageError | OutOfMemoryError e) {
                // e.g. no native thread could be started: drop this connection, keep the server alive
                log.error("could not hand connection to the pool: {}", e.toString());
                Quietly.attempt(socket::close, "closing rejected socket", socket);
                pauseAfterAcceptFailure();
            }
        }
    }

    private void dispatch(Socket socket) {
        if (connections.size() >= config.maxConnections()) {
            rejectBusy(socket);
            return;
        }
        Connection connection = new Connection(connectionIds.incrementAndGet(), transports.over(socket), context);
        connections.add(connection);
        if (!pools.serveNew(connection)) {
            connections.remove(connection);
            rejectBusy(socket);
        }
    }

    /**
     * Too many connections are open: a fast 503 beats a client left hanging. It goes out as plain text on a TLS
     * port too: a handshake would cost the very work the server is too busy for, and the client sees a failed
     * connection either way.
     */
    private void rejectBusy(Socket socket) {
        try (socket) {
            socket.setSoTimeout(1000);
            Transport transport = new PlainTransport(socket);
            transport.open();
            Response busy = ErrorPages.of(HttpStatus.SERVICE_UNAVAILABLE).withHeader("Retry-After", "1");
            new ResponseWriter(transport, new ResponseHeadBytes(serverName, config.extraHeaders(), date), new SendProgress())
                    .write(new Answer(null, busy, Answer.Afterwards.CLOSE, 0), false);
            accessLog.log(socket.getInetAddress().getHostAddress(), null, 503, 0, 0, null);
        } catch (IOException e) {
            log.debug("could not send 503: {}", e.toString());
        }
    }

    private static void pauseAfterAcceptFailure() {
        try {
            Thread.sleep(50);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Graceful stop: no new connections; idle ones close at once; responses in flight may finish within
     * {@code grace}, after which whatever remains is cut.
     */
    public void stop(Duration grace) {
        synchronized (this) {
            if (stopping) {
                awaitStopped();
                return;
            }
            stopping = true;
        }
        try {
            closeListeningSocket();
            connections.forEach(Connection::closeIfIdle);
            if (pools != null) {
                pools.shutdown();
                if (!pools.awaitTermination(grace.toMillis())) {
                    int open = connections.size();
                    log.warn("shutdown grace period of {} s passed: closing {} connection{}", grace.toSeconds(), open,
                            open == 1 ? "" : "s");
                    connections.forEach(Connection::cut);
                    pools.shutdownNow();
                    pools.awaitTermination(1000);
                }
            }
            if (acceptor != null) {
                acceptor.join(1000);
            }
            if (pools != null) {
                pools.stopTimer();
            }
            connections.forEach(Connection::cut); // those waiting to close after a linger
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            stopped.countDown();
        }
    }

    /** Responses being sent at this moment (downloads, event streams): what a graceful stop waits for. */
    public int responsesInFlight() {
        int busy = 0;
        for (Connection connection : connections) {
            if (connection.isBusy()) {
                busy++;
            }
        }
        return busy;
    }

    /** {@link #stop} with the configured grace period, for Ctrl+C. */
    public void stopGracefully() {
        stop(config.shutdownGrace());
    }

    /** Blocks until {@link #stop} has finished. */
    public void awaitStopped() {
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        stop(Duration.ZERO);
    }

    private void closeListeningSocket() {
        if (serverSocket != null) {
            Quietly.attempt(serverSocket::close, "closing listening socket", serverSocket.getLocalSocketAddress());
        }
    }
}
