package farmhand.farm.queue;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.JedisClientConfig;

/**
 * Where a Redis is and how to log in to it: a URL ({@code redis://[user:password@]host:port[/db]} or
 * {@code rediss://...}) and, optionally, a file holding the password (so it need not appear on a command
 * line or in an environment variable). {@link #toString()} and {@link #redacted()} never show a password.
 *
 * @param url the Redis URL, possibly with credentials
 * @param passwordFile a file whose first line is the password, or null; it overrides a password in the URL
 */
public record RedisEndpoint(String url, Path passwordFile) {

    private static final String EXPECTED = " (expected redis://host:port, e.g. redis://127.0.0.1:6379)";

    /**
     * @throws IllegalArgumentException when {@code url} is not a Redis URL (the message shows it redacted)
     *                                  or the password file cannot be read (named)
     */
    public RedisEndpoint {
        URI uri = parse(url);
        if (passwordFile != null && !Files.isReadable(passwordFile)) {
            throw new IllegalArgumentException("the Redis password file " + passwordFile + " cannot be read");
        }
        if (uri.getPort() < 0 && uri.getHost() == null) {
            throw new IllegalArgumentException("'" + redact(url) + "' is not a Redis URL" + EXPECTED);
        }
    }

    /** An endpoint with no password file. */
    public static RedisEndpoint of(String url) {
        return new RedisEndpoint(url, null);
    }

    private static URI parse(String url) {
        if (url == null || url.isBlank()) {
            throw new IllegalArgumentException("no Redis URL given" + EXPECTED);
        }
        URI uri;
        try {
            uri = URI.create(url);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("'" + redact(url) + "' is not a Redis URL" + EXPECTED);
        }
        if (!"redis".equals(uri.getScheme()) && !"rediss".equals(uri.getScheme()) || uri.getHost() == null) {
            throw new IllegalArgumentException("'" + redact(url) + "' is not a Redis URL" + EXPECTED);
        }
        return uri;
    }

    /** The URL with any password replaced by {@code ***}: the only form of it that may be printed or logged. */
    public String redacted() {
        return redact(url);
    }

    /** {@code text} with the password of any {@code scheme://user:password@} in it replaced by {@code ***}. */
    public static String redact(String text) {
        if (text == null) {
            return null;
        }
        return text.replaceAll("(?i)([a-z][a-z0-9+.-]*://[^:/@\\s]*:)[^@\\s]*@", "$1***@");
    }

    /** Host and port to connect to. */
    public HostAndPort hostAndPort() {
        URI uri = parse(url);
        return new HostAndPort(uri.getHost(), uri.getPort() < 0 ? 6379 : uri.getPort());
    }

    /** The client settings: credentials, database, TLS, timeouts. */
    public JedisClientConfig clientConfig() {
        URI uri = parse(url);
        var config = DefaultJedisClientConfig.builder().timeoutMillis(5_000).ssl("rediss".equals(uri.getScheme()));
        String userInfo = uri.getRawUserInfo();
        if (userInfo != null && !userInfo.isEmpty()) {
            int colon = userInfo.indexOf(':');
            String user = colon < 0 ? null : decode(userInfo.substring(0, colon));
            String password = decode(colon < 0 ? userInfo : userInfo.substring(colon + 1));
            if (user != null && !user.isEmpty()) {
                config.user(user);
            }
            config.password(password);
        }
        if (passwordFile != null) {
            config.password(readPassword(passwordFile));
        }
        String path = uri.getPath();
        if (path != null && path.length() > 1) {
            try {
                config.database(Integer.parseInt(path.substring(1)));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("'" + redacted() + "' names database '" + path.substring(1)
                        + "', expected a number");
            }
        }
        return config.build();
    }

    private static String decode(String s) {
        return java.net.URLDecoder.decode(s, StandardCharsets.UTF_8);
    }

    private static String readPassword(Path file) {
        try {
            String text = Files.readString(file, StandardCharsets.UTF_8).strip();
            int newline = text.indexOf('\n');
            return newline < 0 ? text : text.substring(0, newline).strip();
        } catch (IOException e) {
            throw new IllegalArgumentException("the Redis password file " + file + " cannot be read: "
                    + e.getClass().getSimpleName());
        }
    }

    @Override
    public String toString() {
        return redacted() + (passwordFile == null ? "" : " (password from " + passwordFile + ")");
    }
}
