package farmhand.farm.container;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * OpenFaaS's function contract over the JDK's built-in HTTP server ({@code com.sun.net.httpserver}):
 * {@code GET /_/health} answers 200 while the process serves; any request to {@code /} is an
 * invocation, which starts the function's loop on its first call and, on every call, joins it:
 * the answer (200, or 500 naming the failure) comes when the loop has ended. A {@code ?async=true}
 * invocation answers 202 at once instead. The same image so runs under OpenFaaS's watchdog (HTTP
 * mode, upstream on this port) and as a plain container.
 */
public final class FunctionServer implements AutoCloseable {

    /** The health path of OpenFaaS's contract. */
    public static final String HEALTH_PATH = "/_/health";

    private final HttpServer server;
    private final Runnable loop;
    private final AtomicBoolean started = new AtomicBoolean();
    private final CompletableFuture<Void> ended = new CompletableFuture<>();

    private FunctionServer(HttpServer server, Runnable loop) {
        this.server = server;
        this.loop = loop;
    }

    /** Serves the contract on {@code port} (0: any free port); {@code loop} is the function's body. */
    public static FunctionServer start(int port, Runnable loop) throws IOException {
        HttpServer http = HttpServer.create(new InetSocketAddress(port), 0);
        FunctionServer fs = new FunctionServer(http, loop);
        http.createContext(HEALTH_PATH, fs::health);
        http.createContext("/", fs::invoke);
        http.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        http.start();
        return fs;
    }

    /** The port it listens on. */
    public int port() {
        return server.getAddress().getPort();
    }

    /** Starts the loop unless it runs already; the future completes when it ends. */
    public CompletableFuture<Void> startOrJoin() {
        if (started.compareAndSet(false, true)) {
            Thread.ofPlatform().name("function-loop").start(() -> {
                try {
                    loop.run();
                    ended.complete(null);
                } catch (Throwable t) {
                    ended.completeExceptionally(t);
                }
            });
        }
        return ended;
    }

    /** True once an invocation has started the loop. */
    public boolean started() {
        return started.get();
    }

    /** Completes when the loop, once started, has ended (exceptionally when it failed). */
    public CompletableFuture<Void> ended() {
        return ended;
    }

    private void health(HttpExchange ex) throws IOException {
        respond(ex, 200, "OK");
    }

    private void invoke(HttpExchange ex) throws IOException {
        try (ex) {
            ex.getRequestBody().readAllBytes();
            CompletableFuture<Void> done = startOrJoin();
            String query = ex.getRequestURI().getQuery();
            if (query != null && query.contains("async=true")) {
                respond(ex, 202, "started");
                return;
            }
            try {
                done.get();
                respond(ex, 200, "ended");
            } catch (ExecutionException e) {
                respond(ex, 500, "failed: " + e.getCause());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                respond(ex, 503, "interrupted");
            }
        }
    }

    private static void respond(HttpExchange ex, int status, String body) throws IOException {
        byte[] bytes = (body + "\n").getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().set("Content-Type", "text/plain; charset=utf-8");
        ex.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(bytes);
        }
    }

    /** Stops serving (a loop that runs keeps running until it ends). */
    @Override
    public void close() {
        server.stop(0);
    }
}
