package cnnkit.grader.course;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystemAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The files the kit carries inside its own jar (or its {@code target/classes} folder when run from the build): the
 * handout tree and the Gradescope templates. Both places are read through {@link Path}, so the same code walks a
 * folder and a jar.
 */
final class KitResources {
    private static final Pattern PLACEHOLDER = Pattern.compile("@[A-Za-z][\\w.-]*@");

    private KitResources() {}

    /**
     * @param folder a resource folder, e.g. {@code "handout"}
     * @return that folder as a path, in the jar's file system when the kit runs from its jar
     * @throws IllegalStateException if the kit was built without it
     */
    static Path folder(String folder) {
        URL url = KitResources.class.getResource("/" + folder + "/");
        if (url == null) {
            throw new IllegalStateException("the kit carries no '" + folder + "/' resources: rebuild it with "
                    + "`mvn -B -DskipTests package` (the grader module copies them at build time)");
        }
        try {
            URI uri = url.toURI();
            if (!"jar".equals(uri.getScheme())) {
                return Path.of(uri);
            }
            return jarFileSystem(uri).getPath("/" + folder);
        } catch (URISyntaxException | IOException e) {
            throw new IllegalStateException("cannot open the kit's '" + folder + "/' resources: " + e.getMessage(), e);
        }
    }

    private static FileSystem jarFileSystem(URI uri) throws IOException {
        try {
            return FileSystems.newFileSystem(uri, Map.of());
        } catch (FileSystemAlreadyExistsException e) {
            return FileSystems.getFileSystem(uri);
        }
    }

    /**
     * @param resource a resource path below {@code cnnkit/grader/course/}
     * @return its text (UTF-8)
     */
    static String text(String resource) {
        try (InputStream in = open(resource)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** @return the versions the kit was built with (root pom properties), for the handout's pom */
    static Properties versions() {
        Properties p = new Properties();
        try (InputStream in = open("kit-versions.properties")) {
            p.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return p;
    }

    private static InputStream open(String resource) {
        InputStream in = KitResources.class.getResourceAsStream(resource);
        if (in == null) {
            throw new IllegalStateException("the kit carries no resource cnnkit/grader/course/" + resource);
        }
        return in;
    }

    /**
     * Fills {@code @key@} placeholders.
     *
     * @param template text with placeholders
     * @param values   key to value
     * @return the filled text
     * @throws IllegalStateException if a placeholder has no value (a template and its filler out of step)
     */
    static String fill(String template, Map<?, ?> values) {
        String text = template;
        for (Map.Entry<?, ?> e : values.entrySet()) {
            text = text.replace("@" + e.getKey() + "@", String.valueOf(e.getValue()));
        }
        Matcher left = PLACEHOLDER.matcher(text);
        if (left.find()) {
            throw new IllegalStateException("template placeholder without a value: " + left.group());
        }
        return text;
    }
}
