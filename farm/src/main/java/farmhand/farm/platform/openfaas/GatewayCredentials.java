package farmhand.farm.platform.openfaas;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * The gateway's basic-auth login: user {@code admin} (the chart's default) and a password from an environment
 * variable or a file (the chart's {@code basic-auth} secret, key {@code basic-auth-password}). The password
 * is never printed: {@link #toString()} hides it.
 *
 * @param user the user, {@code admin} on a default installation
 * @param password the password
 */
public record GatewayCredentials(String user, String password) {

    /** The user the openfaas chart creates. */
    public static final String DEFAULT_USER = "admin";
    /** The environment variable faas-cli's docs use for the password. */
    public static final String PASSWORD_ENV = "OPENFAAS_PASSWORD";

    public GatewayCredentials {
        if (user == null || user.isBlank() || password == null || password.isEmpty()) {
            throw new IllegalArgumentException("gateway credentials need a user and a password");
        }
    }

    /**
     * The password from {@code passwordFile} (first line) if given, else from {@code OPENFAAS_PASSWORD} in
     * {@code env}, else null (a gateway without auth).
     *
     * @throws IllegalArgumentException naming the file when it cannot be read or is empty
     */
    public static GatewayCredentials resolve(Path passwordFile, Map<String, String> env) {
        if (passwordFile != null) {
            String first;
            try {
                first = Files.readAllLines(passwordFile, StandardCharsets.UTF_8).stream().findFirst().orElse("").strip();
            } catch (IOException e) {
                throw new IllegalArgumentException("the gateway password file " + passwordFile + " cannot be read");
            }
            if (first.isEmpty()) {
                throw new IllegalArgumentException("the gateway password file " + passwordFile + " is empty");
            }
            return new GatewayCredentials(DEFAULT_USER, first);
        }
        String fromEnv = env.get(PASSWORD_ENV);
        return fromEnv == null || fromEnv.isEmpty() ? null : new GatewayCredentials(DEFAULT_USER, fromEnv);
    }

    @Override
    public String toString() {
        return user + ":***";
    }
}
