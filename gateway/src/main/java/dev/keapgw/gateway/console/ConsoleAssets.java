package dev.keapgw.gateway.console;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The console's files (resources under {@code /console/}): its pages and the scripts and styles
 * they load, read once at start. Only the names listed here are ever served.
 */
final class ConsoleAssets {
  static final List<String> PAGES = List.of(
      "signin.html",
      "admin-signin.html",
      "connections.html",
      "traffic.html",
      "triggers.html",
      "operator.html");
  static final List<String> ASSETS = List.of(
      "console.css",
      "common.js",
      "chart.js",
      "signin.js",
      "connections.js",
      "traffic.js",
      "traffic-view.js",
      "operator.js",
      "triggers.js",
      "favicon.svg");

  record Asset(byte[] bytes, String contentType) {}

  private final Map<String, Asset> files = new HashMap<>();

  ConsoleAssets() {
    for (String name : PAGES) {
      files.put(name, load(name));
    }
    for (String name : ASSETS) {
      files.put(name, load(name));
    }
  }

  /** The file, or null for a name that is not the console's. */
  Asset get(String name) {
    return files.get(name);
  }

  private static Asset load(String name) {
    try (InputStream in = ConsoleAssets.class.getResourceAsStream("/console/" + name)) {
      if (in == null) {
        throw new IllegalStateException(
            "the console's file " + name + " is missing from the build");
      }
      return new Asset(in.readAllBytes(), type(name));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String type(String name) {
    if (name.endsWith(".html")) {
      return "text/html; charset=utf-8";
    }
    if (name.endsWith(".css")) {
      return "text/css; charset=utf-8";
    }
    if (name.endsWith(".svg")) {
      return "image/svg+xml";
    }
    return "text/javascript; charset=utf-8";
  }
}
