package dev.keapgw.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** The body given with {@code --data}: JSON itself, {@code @file}, or {@code @-} for stdin. */
final class DataArg {
  private DataArg() {}

  /** The JSON; {@code requireObject} refuses anything but an object (create and update bodies). */
  static JsonNode read(String arg, InputStream stdin, ObjectMapper mapper, boolean requireObject) {
    String text;
    String from;
    if (arg.startsWith("@")) {
      String file = arg.substring(1);
      from = file.equals("-") ? "stdin" : file;
      try {
        text = file.equals("-")
            ? new String(readAll(stdin), StandardCharsets.UTF_8)
            : Files.readString(Path.of(file), StandardCharsets.UTF_8);
      } catch (NoSuchFileException e) {
        throw CliFailure.usage(
            "--data " + arg + ": there is no file " + file,
            "check the path; --data takes JSON itself, @file or @- for stdin");
      } catch (IOException e) {
        throw CliFailure.usage(
            "--data " + arg + ": cannot read " + from + ": " + e.getMessage(), "check the file");
      }
    } else {
      text = arg;
      from = "--data";
    }
    JsonNode node;
    try {
      node = mapper.readTree(text);
    } catch (JsonProcessingException e) {
      String where = e.getLocation() == null
          ? ""
          : " at line " + e.getLocation().getLineNr() + ", column "
              + e.getLocation().getColumnNr();
      throw CliFailure.usage(
          "the JSON in " + from + " is not valid" + where + ": " + e.getOriginalMessage(),
          "pass a JSON object, e.g. --data '{\"given_name\":\"Jo\"}' (single quotes keep the shell off it),"
              + " or --data @file.json");
    }
    if (node == null || node.isMissingNode()) {
      throw CliFailure.usage(
          "the JSON in " + from + " is empty",
          "pass a JSON object, e.g. --data '{\"name\":\"VIP\"}'");
    }
    if (requireObject && !node.isObject()) {
      throw CliFailure.usage(
          "the JSON in " + from + " is a " + node.getNodeType().name().toLowerCase()
              + ", not an object",
          "pass a JSON object: {\"field\": value, ...}");
    }
    return node;
  }

  private static byte[] readAll(InputStream in) throws IOException {
    return in.readAllBytes();
  }
}
