package dev.keapgw.gateway.house;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * A rule of the house (docs/ARCHITECTURE.md), checked on the sources: the gateway's top-level
 * packages depend on each other without a cycle, so each layer can be read, tested and changed
 * without the ones above it. A feature's subpackages (e.g. {@code trigger.delivery}) count as
 * their feature; the root package (the {@code Gateway} that assembles everything) is the top.
 */
@Tag("unit")
class PackageCyclesTest {
  static final Path SOURCES = EventLoopConfinementTest.SOURCES;
  static final Pattern REFERENCE =
      Pattern.compile("\\bdev\\.keapgw\\.gateway\\.([a-z][a-z0-9]*)\\.");

  @Test
  void theTopLevelPackagesFormNoCycle() throws IOException {
    Map<String, Map<String, String>> named = dependencies(SOURCES);
    Map<String, Set<String>> uses = new TreeMap<>();
    named.forEach((from, to) -> uses.put(from, to.keySet()));
    assertThat(uses).containsKeys("proxy", "connection", "http", "feature");
    List<String> edges = new ArrayList<>();
    for (List<String> cycle : cycles(uses)) {
      for (String from : cycle) {
        named.get(from).forEach((to, file) -> {
          if (cycle.contains(to)) {
            edges.add(from + " -> " + to + " (" + file + ")");
          }
        });
      }
    }
    assertThat(edges).as("references that close a cycle of packages").isEmpty();
  }

  @Test
  void theCheckFindsACycle() {
    Map<String, Set<String>> uses = new TreeMap<>();
    uses.put("a", Set.of("b"));
    uses.put("b", Set.of("c"));
    uses.put("c", Set.of("a"));
    uses.put("d", Set.of("a"));
    assertThat(cycles(uses)).containsExactly(List.of("a", "b", "c"));
    uses.put("c", Set.of());
    assertThat(cycles(uses)).isEmpty();
  }

  /** Each top-level package, the other top-level packages its files name and a file naming each. */
  static Map<String, Map<String, String>> dependencies(Path sources) throws IOException {
    Map<String, Map<String, String>> uses = new TreeMap<>();
    try (Stream<Path> files = Files.walk(sources)) {
      for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
        Path rel = sources.relativize(f);
        String from = rel.getNameCount() == 1 ? "(root)" : rel.getName(0).toString();
        Map<String, String> to = uses.computeIfAbsent(from, k -> new TreeMap<>());
        Matcher m = REFERENCE.matcher(Files.readString(f));
        while (m.find()) {
          if (!m.group(1).equals(from)) {
            to.putIfAbsent(m.group(1), rel.toString());
          }
        }
      }
    }
    return uses;
  }

  /** The strongly connected groups of more than one package (Tarjan), each sorted. */
  static List<List<String>> cycles(Map<String, Set<String>> uses) {
    var search = new Object() {
      final Map<String, Integer> index = new HashMap<>();
      final Map<String, Integer> low = new HashMap<>();
      final List<String> stack = new ArrayList<>();
      final List<List<String>> found = new ArrayList<>();

      void visit(String v) {
        index.put(v, index.size());
        low.put(v, index.get(v));
        stack.add(v);
        for (String w : uses.getOrDefault(v, Set.of())) {
          if (!index.containsKey(w)) {
            visit(w);
            low.put(v, Math.min(low.get(v), low.get(w)));
          } else if (stack.contains(w)) {
            low.put(v, Math.min(low.get(v), index.get(w)));
          }
        }
        if (low.get(v).equals(index.get(v))) {
          List<String> group = new ArrayList<>();
          String w;
          do {
            w = stack.remove(stack.size() - 1);
            group.add(w);
          } while (!w.equals(v));
          if (group.size() > 1) {
            found.add(group.stream().sorted().toList());
          }
        }
      }
    };
    for (String v : uses.keySet()) {
      if (!search.index.containsKey(v)) {
        search.visit(v);
      }
    }
    return search.found;
  }
}
