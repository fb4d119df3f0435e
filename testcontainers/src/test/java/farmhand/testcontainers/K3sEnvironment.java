package farmhand.testcontainers;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.testcontainers.DockerClientFactory;

/**
 * Runs the k3s suite only where it can run: a Docker engine, images pullable through a registry,
 * and the OpenFaaS chart repository named. Otherwise every test is reported as skipped with the
 * reason, and the reason is printed once, in one line (never a stack trace).
 */
final class K3sEnvironment implements ExecutionCondition {

    /** The k3s image (the platform-regression matrix sets it). */
    static String k3sImage() {
        return System.getProperty("k3s.image", "rancher/k3s:v1.31.4-k3s1");
    }

    /** The openfaas chart's version (the matrix sets it). */
    static String chartVersion() {
        return System.getProperty("openfaas.chart.version", "14.2.103");
    }

    /** The function image in the local engine that the suite pushes into its registry. */
    static String functionImage() {
        return System.getProperty("function.image", "farmhand/function:latest");
    }

    /** The OpenFaaS chart repository URL, from the environment. */
    static String chartRepository() {
        return System.getenv("OPENFAAS_CHART_REPO");
    }

    private static final AtomicBoolean PRINTED = new AtomicBoolean();
    private static volatile Optional<String> missing;

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        Optional<String> why = whyNot();
        if (why.isEmpty()) {
            return ConditionEvaluationResult.enabled("Docker, a registry and the chart repository are reachable");
        }
        if (PRINTED.compareAndSet(false, true)) {
            System.err.println("k3s suite skipped: " + why.get());
        }
        return ConditionEvaluationResult.disabled(why.get());
    }

    private static synchronized Optional<String> whyNot() {
        if (missing == null) {
            missing = Optional.ofNullable(check());
        }
        return missing;
    }

    private static String check() {
        String dockerHost = System.getenv("DOCKER_HOST");
        boolean socket = Files.exists(Path.of("/var/run/docker.sock"))
                || Files.exists(Path.of(System.getProperty("user.home"), ".docker", "run", "docker.sock"));
        if ((dockerHost == null || dockerHost.isBlank()) && !socket) {
            return "no registry reachable: no Docker engine here (DOCKER_HOST unset, no /var/run/docker.sock), so "
                    + k3sImage() + ", registry:2 and the OpenFaaS images cannot be pulled";
        }
        try {
            if (!DockerClientFactory.instance().isDockerAvailable()) {
                return "a Docker socket exists but the engine does not answer";
            }
            DockerClientFactory.lazyClient().pullImageCmd(k3sImage()).start().awaitCompletion(5, TimeUnit.MINUTES);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted while pulling " + k3sImage();
        } catch (RuntimeException e) {
            return "Docker runs but cannot pull " + k3sImage() + " (no registry reachable): "
                    + String.valueOf(e.getMessage()).lines().findFirst().orElse(e.getClass().getSimpleName());
        }
        String repo = chartRepository();
        if (repo == null || repo.isBlank()) {
            return "OPENFAAS_CHART_REPO is not set: the k3s suite needs the OpenFaaS chart repository's URL";
        }
        try {
            // the function image the suite pushes into its registry (./mvnw -pl farm -am package jib:dockerBuild)
            DockerClientFactory.lazyClient().inspectImageCmd(functionImage()).exec();
            return null;
        } catch (com.github.dockerjava.api.exception.NotFoundException e) {
            return "the function image " + functionImage() + " is not in the Docker engine (build it with "
                    + "./mvnw -pl farm -am package -DskipTests jib:dockerBuild)";
        }
    }
}
