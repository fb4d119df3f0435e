package farmhand.farm.container;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class FunctionServerTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private static HttpResponse<String> get(FunctionServer s, String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + s.port() + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void healthAnswersBeforeAnyInvocationAndDoesNotStartTheLoop() throws Exception {
        AtomicInteger runs = new AtomicInteger();
        try (FunctionServer s = FunctionServer.start(0, runs::incrementAndGet)) {
            assertEquals(200, get(s, FunctionServer.HEALTH_PATH).statusCode());
            assertFalse(s.started());
            assertEquals(0, runs.get());
        }
    }

    @Test
    void twoInvocationsRunTheLoopOnceAndBothAnswerWhenItEnds() throws Exception {
        AtomicInteger runs = new AtomicInteger();
        CountDownLatch release = new CountDownLatch(1);
        try (FunctionServer s = FunctionServer.start(0, () -> {
            runs.incrementAndGet();
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        })) {
            HttpRequest invoke = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + s.port() + "/"))
                    .POST(HttpRequest.BodyPublishers.noBody()).build();
            CompletableFuture<HttpResponse<String>> first = HTTP.sendAsync(invoke, HttpResponse.BodyHandlers.ofString());
            CompletableFuture<HttpResponse<String>> second = HTTP.sendAsync(invoke, HttpResponse.BodyHandlers.ofString());
            Thread.sleep(200);
            assertFalse(first.isDone(), "an invocation answers when the loop ends");
            release.countDown();
            assertEquals(200, first.get(5, TimeUnit.SECONDS).statusCode());
            assertEquals(200, second.get(5, TimeUnit.SECONDS).statusCode());
            assertEquals(1, runs.get(), "the second invocation joins the first loop");
        }
    }

    @Test
    void anAsyncInvocationAnswersAtOnceAndAFailedLoopIsReportedAs500() throws Exception {
        try (FunctionServer s = FunctionServer.start(0, () -> {
            throw new IllegalStateException("boom");
        })) {
            HttpResponse<String> async = get(s, "/?async=true");
            assertEquals(202, async.statusCode());
            HttpResponse<String> joined = get(s, "/");
            assertEquals(500, joined.statusCode());
            assertTrue(joined.body().contains("boom"), joined.body());
        }
    }
}
