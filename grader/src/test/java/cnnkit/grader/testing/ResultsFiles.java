package cnnkit.grader.testing;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** A submission's {@code results.json} as tests compare it: every field but the one timing. */
public final class ResultsFiles {
    private ResultsFiles() {}

    /** @return {@code dir/<id>/results.json} without {@code execution_time} */
    public static JsonObject withoutTime(Path dir, String id) throws IOException {
        JsonObject json = JsonParser.parseString(
                        Files.readString(dir.resolve(id).resolve("results.json")))
                .getAsJsonObject();
        json.remove("execution_time");
        return json;
    }
}
