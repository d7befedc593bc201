package io.mlops.mlflow;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A scripted HTTP server on the JDK's {@code com.sun.net.httpserver} for unit tests of the client: it answers
 * each request with the next scripted response (faults first, then a default) and records every request.
 */
final class FakeMlflowServer implements AutoCloseable {
    /** A request as the server saw it. */
    record Request(String method, String path, String query, Map<String, List<String>> headers, String body) {
        String header(final String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(e -> e.getValue().get(0)).findFirst().orElse(null);
        }
    }

    /** A response to send. */
    record Response(int status, String body, Map<String, String> headers) {
        static Response json(final int status, final String body) {
            return new Response(status, body, Map.of("Content-Type", "application/json"));
        }
    }

    private final HttpServer server;
    private final Deque<Response> script = new ArrayDeque<>();
    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private volatile Response fallback = Response.json(200, "{}");

    FakeMlflowServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        server.start();
    }

    /** Answers the next requests with these responses, in order, then with the default. */
    synchronized FakeMlflowServer then(final Response... responses) {
        script.addAll(List.of(responses));
        return this;
    }

    /** Answers every unscripted request with this response. */
    FakeMlflowServer byDefault(final Response response) {
        fallback = response;
        return this;
    }

    URI uri() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    List<Request> requests() {
        return List.copyOf(requests);
    }

    private void handle(final HttpExchange exchange) throws IOException {
        try (exchange) {
            var body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            requests.add(new Request(exchange.getRequestMethod(), exchange.getRequestURI().getRawPath(),
                    exchange.getRequestURI().getRawQuery(), Map.copyOf(exchange.getRequestHeaders()), body));
            Response response;
            synchronized (this) {
                response = script.isEmpty() ? fallback : script.poll();
            }
            response.headers().forEach((name, value) -> exchange.getResponseHeaders().add(name, value));
            byte[] bytes = response.body().getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(response.status(), bytes.length == 0 ? -1 : bytes.length);
            if (bytes.length > 0) {
                exchange.getResponseBody().write(bytes);
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
