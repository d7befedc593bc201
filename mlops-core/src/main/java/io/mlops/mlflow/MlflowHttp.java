package io.mlops.mlflow;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.mlops.util.AtomicFiles;
import io.mlops.util.InputException;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.StringJoiner;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The HTTP side of the MLflow client: builds requests with the {@code Authorization} header, retries 429, 5xx
 * and connection errors with backoff, and turns error responses into {@link MlflowException}s. MLflow's REST
 * handlers ({@code mlflow/server/handlers.py}, {@code _get_request_message}) read GET parameters from the query
 * string and every other method's parameters, DELETE included, from a JSON body.
 */
final class MlflowHttp {
    /** JSON as MLflow writes it: snake_case names, unknown fields ignored because servers keep adding some. */
    static final ObjectMapper JSON = JsonMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .serializationInclusion(JsonInclude.Include.NON_NULL)
            .build();

    private static final int MAX_ERROR_BODY = 64 * 1024;
    private static final int MAX_DETAIL_CHARS = 500;

    private final MlflowConnection connection;
    private final HttpClient client;

    MlflowHttp(final MlflowConnection connection) {
        this.connection = connection;
        var builder = HttpClient.newBuilder().connectTimeout(connection.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER);
        connection.caFile().ifPresent(pem -> builder.sslContext(TrustedCertificates.sslContext(pem)));
        this.client = builder.build();
    }

    /** A GET of a JSON endpoint with query parameters (null values are left out). */
    JsonNode get(final String path, final Map<String, String> query) {
        var request = request(path + queryString(query)).GET();
        return json("GET " + path, request);
    }

    /** A POST, PATCH or DELETE of a JSON body to a JSON endpoint. */
    JsonNode send(final String method, final String path, final Object body) {
        byte[] bytes = write(body);
        var request = request(path).header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofByteArray(bytes));
        return json(method + " " + path, request);
    }

    /**
     * A POST of a JSON body sent once, without retries: for calls that create something, where a retry after a
     * lost answer would create it twice. The caller looks before it tries again.
     */
    JsonNode sendOnce(final String path, final Object body) {
        byte[] bytes = write(body);
        var request = request(path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(bytes));
        return json("POST " + path, request, new RetryPolicy(1, Duration.ZERO, Duration.ZERO));
    }

    /** A GET of a plain-text route; empty when the route does not exist (404). */
    Optional<String> text(final String path) {
        var endpoint = "GET " + path;
        try (var body = exchange(endpoint, request(path).GET(), true)) {
            return body == null ? Optional.empty() : Optional.of(new String(body.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new MlflowException(endpoint, MlflowException.NO_RESPONSE, "", "reading the response failed: " + e,
                    e);
        }
    }

    /** Uploads a file with PUT; the file is read anew on every attempt. */
    void upload(final String path, final Path file) {
        var endpoint = "PUT " + path;
        HttpRequest.BodyPublisher publisher;
        try {
            publisher = HttpRequest.BodyPublishers.ofFile(file);
        } catch (IOException e) {
            throw new InputException(file, "cannot read the artifact to upload: " + e.getMessage());
        }
        var request = request(path).header("Content-Type", "application/octet-stream").PUT(publisher);
        try (var body = exchange(endpoint, request, false)) {
            body.transferTo(OutputStream.nullOutputStream());
        } catch (IOException e) {
            throw new MlflowException(endpoint, MlflowException.NO_RESPONSE, "", "reading the response failed: " + e,
                    e);
        }
    }

    /** Downloads with GET into a file, written through a temporary file so a failed download leaves none. */
    void download(final String path, final Path target) {
        var endpoint = "GET " + path;
        try (var body = exchange(endpoint, request(path).GET(), false)) {
            AtomicFiles.copy(body, target);
        } catch (IOException e) {
            throw new MlflowException(endpoint, MlflowException.NO_RESPONSE, "", "downloading to " + target
                    + " failed: " + e, e);
        }
    }

    static String encodeSegment(final String segment) {
        return URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private JsonNode json(final String endpoint, final HttpRequest.Builder request) {
        return json(endpoint, request, connection.retryPolicy());
    }

    private JsonNode json(final String endpoint, final HttpRequest.Builder request, final RetryPolicy policy) {
        request.header("Accept", "application/json");
        try (var body = exchange(endpoint, request, false, policy)) {
            byte[] bytes = body.readAllBytes();
            return bytes.length == 0 ? JSON.createObjectNode() : JSON.readTree(bytes);
        } catch (JsonProcessingException e) {
            throw new MlflowException(endpoint, MlflowException.NO_RESPONSE, "",
                    "the server answered with something that is not JSON: " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new MlflowException(endpoint, MlflowException.NO_RESPONSE, "", "reading the response failed: " + e,
                    e);
        }
    }

    /**
     * Sends a request, retrying as the policy says, and returns the body of a 2xx response; with
     * {@code nullOn404}, null for a 404.
     */
    private InputStream exchange(final String endpoint, final HttpRequest.Builder builder, final boolean nullOn404) {
        return exchange(endpoint, builder, nullOn404, connection.retryPolicy());
    }

    private InputStream exchange(final String endpoint, final HttpRequest.Builder builder, final boolean nullOn404,
            final RetryPolicy policy) {
        var request = builder.build();
        for (int attempt = 1; ; attempt++) {
            Duration delay;
            try {
                var response = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
                int status = response.statusCode();
                if (status / 100 == 2) {
                    return response.body();
                }
                if (nullOn404 && status == 404) {
                    response.body().close();
                    return null;
                }
                var error = ErrorBody.read(status, response.body());
                if (!retryable(status) || attempt >= policy.maxAttempts()) {
                    var suffix = attempt > 1 ? " (after " + attempt + " attempts)" : "";
                    throw new MlflowException(endpoint, status, error.code(), error.message() + suffix, null);
                }
                int failed = attempt;
                delay = retryAfter(response).map(policy::capped)
                        .orElseGet(() -> policy.delayAfter(failed, ThreadLocalRandom.current()));
            } catch (IOException e) {
                if (attempt >= policy.maxAttempts()) {
                    throw new MlflowException(endpoint, MlflowException.NO_RESPONSE, "", "cannot reach "
                            + connection.trackingUri() + " after " + attempt + " attempt(s): " + describe(e), e);
                }
                delay = policy.delayAfter(attempt, ThreadLocalRandom.current());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new MlflowException(endpoint, MlflowException.NO_RESPONSE, "", "interrupted", e);
            }
            sleep(endpoint, delay);
        }
    }

    private static boolean retryable(final int status) {
        return status == 429 || status >= 500 && status <= 599;
    }

    private static Optional<Duration> retryAfter(final HttpResponse<?> response) {
        return response.headers().firstValue("Retry-After").filter(value -> value.matches("\\d{1,6}"))
                .map(value -> Duration.ofSeconds(Long.parseLong(value)));
    }

    private static void sleep(final String endpoint, final Duration delay) {
        try {
            Thread.sleep(delay.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new MlflowException(endpoint, MlflowException.NO_RESPONSE, "", "interrupted while waiting to retry",
                    e);
        }
    }

    /**
     * The parts of MLflow's error body {@code {"error_code": "...", "message": "..."}}
     * ({@code mlflow/server/handlers.py} returns {@code MlflowException.serialize_as_json()}).
     *
     * @param code    the {@code error_code}, or an empty string
     * @param message the {@code message}, or the body's text when it is not MLflow JSON, on one line
     */
    record ErrorBody(String code, String message) {
        static ErrorBody read(final int status, final InputStream body) {
            String text;
            try (body) {
                text = new String(body.readNBytes(MAX_ERROR_BODY), StandardCharsets.UTF_8);
            } catch (IOException e) {
                text = "";
            }
            String code = "";
            String message = text;
            try {
                var node = JSON.readTree(text);
                if (node != null && node.isObject()) {
                    code = node.path("error_code").asText("");
                    message = node.path("message").asText(text);
                }
            } catch (JsonProcessingException e) {
                // Not JSON (a proxy's HTML page, a plain "Unauthorized"): show its text.
            }
            return new ErrorBody(code, oneLine(message, status));
        }

        private static String oneLine(final String message, final int status) {
            var line = message.replaceAll("<[^>]*>", " ").replaceAll("\\s+", " ").strip();
            if (line.isEmpty()) {
                line = status == 401 || status == 403 ? "the server refused the credentials" : "no error message";
            }
            return line.length() > MAX_DETAIL_CHARS ? line.substring(0, MAX_DETAIL_CHARS) + "…" : line;
        }
    }

    private static String describe(final IOException e) {
        if (e instanceof java.net.ConnectException) {
            // The JDK's HttpClient gives no message for a refused connection.
            return "connection refused (is the server running and the URL right?)";
        }
        if (e instanceof java.net.http.HttpTimeoutException) {
            return "no answer in time (" + e.getMessage() + ")";
        }
        var text = e.getClass().getSimpleName();
        return e.getMessage() == null ? text : text + ": " + e.getMessage();
    }

    private HttpRequest.Builder request(final String pathAndQuery) {
        var builder = HttpRequest.newBuilder(URI.create(connection.trackingUri() + pathAndQuery))
                .timeout(connection.requestTimeout());
        connection.credentials().authorization().ifPresent(value -> builder.header("Authorization", value));
        return builder;
    }

    private static String queryString(final Map<String, String> query) {
        var joiner = new StringJoiner("&", "?", "").setEmptyValue("");
        query.forEach((key, value) -> {
            if (value != null) {
                joiner.add(encodeSegment(key) + "=" + encodeSegment(value));
            }
        });
        return joiner.toString();
    }

    static byte[] write(final Object body) {
        try {
            return JSON.writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write an MLflow request as JSON", e);
        }
    }
}
