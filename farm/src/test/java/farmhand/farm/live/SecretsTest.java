package farmhand.farm.live;

import static farmhand.farm.testing.LiveFarms.PAPER;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import farmhand.farm.backend.EpisodeSpec;
import farmhand.farm.platform.LatencyProfile;
import farmhand.farm.platform.LocalPlatform;
import farmhand.farm.queue.RedisEndpoint;
import farmhand.farm.testing.LiveFarms;
import farmhand.farm.testing.PasswordRedis;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/** No password in any output, and a wrong one said at once. */
@Tag("faults")
class SecretsTest {

    private static final String PASSWORD = "pw-9f2c-never-print-me";

    @TempDir
    Path dir;

    @Test
    void aWrongPasswordIsReportedAtOnceAsAnAuthenticationFailure() throws Exception {
        try (PasswordRedis redis = new PasswordRedis(PASSWORD)) {
            String wrong = redis.urlWithoutPassword().replace("redis://", "redis://:wrong-one@");
            long t0 = System.nanoTime();
            IllegalStateException e = assertThrows(IllegalStateException.class, () -> LiveFarmBackend.create(
                    LiveFarms.options(wrong, "auth:", 40), o -> new LocalPlatform(LatencyProfile.instant(), 40)));
            // before: "no Redis answers" after 5 s of retries
            assertTrue(e.getMessage().contains("authentication failed"), e.getMessage());
            assertFalse(e.getMessage().contains("wrong-one"), e.getMessage());
            assertTrue(System.nanoTime() - t0 < 3_000_000_000L, "it retried a refused password");
        }
    }

    @Test
    void thePasswordAppearsInNoLogLineAndNoErrorOfARunThatMeetsAnOutage() throws Exception {
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        ListAppender<ILoggingEvent> captured = new ListAppender<>();
        captured.start();
        root.addAppender(captured);
        List<String> output = new ArrayList<>();
        Path passwordFile = dir.resolve("redis-password");
        Files.writeString(passwordFile, PASSWORD + "\n");
        try (PasswordRedis redis = new PasswordRedis(PASSWORD)) {
            var options = LiveFarms.options(redis.url(), "secret:", 40).withRedisGiveUp(Duration.ofSeconds(1));
            try (LiveFarmBackend farm = LiveFarmBackend.create(options,
                    o -> new LocalPlatform(LatencyProfile.openFaasMeasured(), o.compression()))) {
                farm.start(new EpisodeSpec(PAPER, 8, 1));
                farm.advanceTo(20);
                redis.kill();
                IllegalStateException e = assertThrows(IllegalStateException.class, () -> farm.advanceTo(200));
                output.add(e.getMessage());
                output.add(String.valueOf(e.getCause()));
                assertTrue(e.getMessage().contains("redis://:***@127.0.0.1"), "the URL is shown redacted: "
                        + e.getMessage());
                redis.start();
            }
            // the same Redis with the password from a file, the URL carrying none
            var fromFile = LiveFarms.options(redis.urlWithoutPassword(), "secret-file:", 40)
                    .withRedis(new RedisEndpoint(redis.urlWithoutPassword(), passwordFile));
            output.add(fromFile.redis().toString());
            try (LiveFarmBackend farm = LiveFarmBackend.create(fromFile,
                    o -> new LocalPlatform(LatencyProfile.openFaasMeasured(), o.compression()))) {
                farm.start(new EpisodeSpec(PAPER, 8, 1));
                farm.advanceTo(16);
            }
        } finally {
            root.detachAppender(captured);
        }
        for (ILoggingEvent event : captured.list) {
            output.add(event.getFormattedMessage());
            if (event.getThrowableProxy() != null) {
                output.add(event.getThrowableProxy().getMessage());
            }
        }
        assertTrue(output.size() > 3, "nothing was captured, so the check below could not fail");
        for (String line : output) {
            assertFalse(line != null && line.contains(PASSWORD), "the password leaked: " + line);
        }
    }
}
