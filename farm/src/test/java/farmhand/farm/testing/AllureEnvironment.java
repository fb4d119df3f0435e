package farmhand.farm.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * Writes the machine the tests ran on (JDK, OS, cores, memory, {@code redis-server} version) to the
 * Allure results directory as {@code environment.properties}, which the report shows as its
 * Environment panel: measured numbers mean little without the machine. Registered through
 * {@code META-INF/services}, so every module whose tests see the farm's test classes writes it; does
 * nothing when the build does not set {@code allure.results.directory}.
 */
public final class AllureEnvironment implements LauncherSessionListener {

    @Override
    public void launcherSessionOpened(LauncherSession session) {
        String dir = System.getProperty("allure.results.directory");
        if (dir == null || dir.isBlank()) {
            return;
        }
        Map<String, String> env = new LinkedHashMap<>();
        env.put("java.version", System.getProperty("java.version"));
        env.put("java.vm", System.getProperty("java.vm.name") + " " + System.getProperty("java.vm.version"));
        env.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version") + " "
                + System.getProperty("os.arch"));
        env.put("cores", Integer.toString(Runtime.getRuntime().availableProcessors()));
        env.put("max.heap.mb", Long.toString(Runtime.getRuntime().maxMemory() >> 20));
        env.put("redis-server", redisVersion());
        env.put("REDIS_URL", System.getenv().getOrDefault("REDIS_URL", "(unset: a private redis-server per test JVM)"));
        StringBuilder text = new StringBuilder();
        env.forEach((k, v) -> text.append(k).append('=').append(v.replace("\\", "\\\\")).append('\n'));
        try {
            Path out = Path.of(dir);
            Files.createDirectories(out);
            Files.writeString(out.resolve("environment.properties"), text);
        } catch (IOException e) {
            throw new UncheckedIOException("could not write environment.properties to " + dir, e);
        }
    }

    private static String redisVersion() {
        try {
            Process p = new ProcessBuilder(farmhand.farm.live.RedisServerBinary.resolve().toString(), "--version")
                    .redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes()).trim();
            return p.waitFor(10, TimeUnit.SECONDS) ? out : "(redis-server --version did not answer)";
        } catch (IOException | IllegalStateException e) {
            return "(no redis-server: " + e.getMessage() + ")";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "(interrupted)";
        }
    }
}
