package farmhand.controllers;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The controllers' packages depend one way: model files know the agents they hold, the agents and policies
 * do not know model files (the catalog, which loads them, sits above both).
 */
class PackageDependenciesTest {

    private static final Path SOURCES = Path.of("src/main/java/farmhand/controllers");

    private static List<String> importsOf(String fromPackage, String ofPackage) throws IOException {
        try (Stream<Path> files = Files.walk(SOURCES.resolve(fromPackage))) {
            return files.filter(f -> f.toString().endsWith(".java")).filter(f -> {
                try {
                    return Files.readString(f).contains("import farmhand.controllers." + ofPackage + ".");
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }).map(Path::toString).toList();
        }
    }

    @Test
    void noPolicyImportsTheModelFilesSoPolicyAndModelFormNoCycle() throws IOException {
        assertEquals(List.of(), importsOf("policy", "model"));
    }

    @Test
    void noPolicyImportsTheCatalogThatMakesThem() throws IOException {
        assertEquals(List.of(), importsOf("policy", "catalog"));
        assertEquals(List.of(), importsOf("model", "catalog"));
    }
}
