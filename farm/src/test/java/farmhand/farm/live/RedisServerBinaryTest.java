package farmhand.farm.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RedisServerBinaryTest {

    private static Path executable(Path dir) throws IOException {
        Path p = dir.resolve(RedisServerBinary.COMMAND);
        Files.writeString(p, "#!/bin/sh\necho fake\n");
        Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rwx------"));
        return p;
    }

    @Test
    void aRedisServerOnThePathIsTakenFirst(@TempDir Path tmp) throws IOException {
        Path empty = Files.createDirectory(tmp.resolve("empty"));
        Path bin = Files.createDirectory(tmp.resolve("bin"));
        Path server = executable(bin);
        assertEquals(server, RedisServerBinary.resolve(empty + ":" + bin, tmp.resolve("cache")));
    }

    @Test
    void aFileThatIsNotExecutableIsNotTakenForTheServer(@TempDir Path tmp) throws IOException {
        Path bin = Files.createDirectory(tmp.resolve("bin"));
        Files.writeString(bin.resolve(RedisServerBinary.COMMAND), "not a program");
        assertEquals(Optional.empty(), RedisServerBinary.onPath(bin.toString()));
    }

    @Test
    void withoutOneOnThePathTheServerFromTheMavenArtifactIsUnpackedOnceAndRuns(@TempDir Path tmp) throws Exception {
        Path cache = tmp.resolve("cache");
        Path server = RedisServerBinary.resolve("", cache);
        assertTrue(server.startsWith(cache), "not the bundled one: " + server);
        long modified = Files.getLastModifiedTime(server).toMillis();
        assertEquals(server, RedisServerBinary.resolve(tmp.resolve("nothing-here").toString(), cache));
        assertEquals(modified, Files.getLastModifiedTime(server).toMillis(), "unpacked twice");
        Process p = new ProcessBuilder(server.toString(), "--version").redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes()).trim();
        assertTrue(p.waitFor(10, TimeUnit.SECONDS));
        assertTrue(out.startsWith("Redis server v=6.2"), out);
    }
}
