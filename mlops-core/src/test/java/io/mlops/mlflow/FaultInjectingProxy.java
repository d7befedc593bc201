package io.mlops.mlflow;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An HTTP proxy in front of a real server that answers the first requests with HTTP 500 itself and forwards
 * the rest, to test retries end to end; or, to test idempotency, forwards requests to one path and then loses
 * the server's answer, replying 500 although the server did the work.
 */
public final class FaultInjectingProxy implements AutoCloseable {
    private static final List<String> FORWARDED_HEADERS = List.of("Content-Type", "Authorization", "Accept");

    private final HttpServer server;
    private final HttpClient client = HttpClient.newHttpClient();
    private final URI target;
    private final AtomicInteger failuresLeft;
    private final AtomicInteger requests = new AtomicInteger();
    private final String losePathPart;
    private final AtomicInteger lossesLeft;

    /** A proxy that answers the first {@code failures} requests with 500 without forwarding them. */
    public FaultInjectingProxy(final URI target, final int failures) throws IOException {
        this(target, failures, null, 0);
    }

    /**
     * A proxy that forwards every request, but for the first {@code losses} requests whose path contains
     * {@code pathPart} replies 500 instead of the server's answer.
     */
    public static FaultInjectingProxy losingAnswers(final URI target, final String pathPart, final int losses)
            throws IOException {
        return new FaultInjectingProxy(target, 0, pathPart, losses);
    }

    private FaultInjectingProxy(final URI target, final int failures, final String losePathPart, final int losses)
            throws IOException {
        this.target = target;
        this.failuresLeft = new AtomicInteger(failures);
        this.losePathPart = losePathPart;
        this.lossesLeft = new AtomicInteger(losses);
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        server.start();
    }

    public URI uri() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** How many requests reached the proxy. */
    public int requests() {
        return requests.get();
    }

    private void handle(final HttpExchange exchange) throws IOException {
        try (exchange) {
            requests.incrementAndGet();
            byte[] body = exchange.getRequestBody().readAllBytes();
            if (failuresLeft.getAndDecrement() > 0) {
                reply(exchange, 500, "{\"error_code\": \"INTERNAL_ERROR\", \"message\": \"injected fault\"}"
                        .getBytes(StandardCharsets.UTF_8));
                return;
            }
            var request = HttpRequest.newBuilder(URI.create(target + exchange.getRequestURI().toString()))
                    .method(exchange.getRequestMethod(), body.length == 0 ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofByteArray(body));
            FORWARDED_HEADERS.forEach(name -> {
                var value = exchange.getRequestHeaders().getFirst(name);
                if (value != null) {
                    request.header(name, value);
                }
            });
            var response = client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            response.headers().firstValue("Content-Type")
                    .ifPresent(value -> exchange.getResponseHeaders().add("Content-Type", value));
            if (losePathPart != null && exchange.getRequestURI().getPath().contains(losePathPart)
                    && lossesLeft.getAndDecrement() > 0) {
                reply(exchange, 500, "{\"error_code\": \"INTERNAL_ERROR\", \"message\": \"answer lost\"}"
                        .getBytes(StandardCharsets.UTF_8));
                return;
            }
            reply(exchange, response.statusCode(), response.body());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while forwarding", e);
        }
    }

    private static void reply(final HttpExchange exchange, final int status, final byte[] body) throws IOException {
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            exchange.getResponseBody().write(body);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
