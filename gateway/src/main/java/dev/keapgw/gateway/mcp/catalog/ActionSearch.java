package dev.keapgw.gateway.mcp.catalog;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Finds actions by the words of a request ("apply tag to contacts"), best first. Each action is
 * indexed by the words of its name (split at case changes: {@code applyTags} is "apply tags"),
 * summary, path and description, each word reduced to a rough stem ("contacts", "contact";
 * "applies", "apply"). A query word scores in each field it occurs in, weighted by the field
 * (name and summary most, description least) and by how rare the word is across all actions
 * (so "tag" counts more than "v2"); actions matching more distinct query words always rank
 * above those matching fewer. Ties keep the spec's order.
 */
public final class ActionSearch {
  private static final Set<String> STOP = Set.of(
      "a", "an", "the", "to", "of", "for", "in", "on", "by", "with", "and", "or", "from", "into",
      "all", "my", "me", "i", "is", "be", "rest", "crm", "v2", "keap");
  private static final double NAME = 3, SUMMARY = 3, PATH = 2, DESCRIPTION = 1;

  private final List<Action> actions;
  private final List<Map<String, Double>> weights = new ArrayList<>();
  private final Map<String, Integer> documentFrequency = new HashMap<>();

  public ActionSearch(List<Action> actions) {
    this.actions = actions;
    for (Action a : actions) {
      Map<String, Double> w = new HashMap<>();
      add(w, a.name(), NAME);
      add(w, a.summary(), SUMMARY);
      add(w, a.path(), PATH);
      add(w, a.description(), DESCRIPTION);
      weights.add(w);
      w.keySet().forEach(t -> documentFrequency.merge(t, 1, Integer::sum));
    }
  }

  /** Up to {@code limit} actions matching at least one word of {@code query}, best first. */
  public List<Action> search(String query, int limit) {
    List<String> terms = terms(query).stream().distinct().toList();
    record Hit(int index, int matched, double score) {}
    List<Hit> hits = new ArrayList<>();
    for (int i = 0; i < actions.size(); i++) {
      int matched = 0;
      double score = 0;
      for (String t : terms) {
        Double w = weights.get(i).get(t);
        if (w != null) {
          matched++;
          score += w * Math.log(1 + (double) actions.size() / documentFrequency.get(t));
        }
      }
      if (matched > 0) {
        hits.add(new Hit(i, matched, score));
      }
    }
    hits.sort(Comparator.comparingInt(Hit::matched)
        .reversed()
        .thenComparing(Comparator.comparingDouble(Hit::score).reversed())
        .thenComparingInt(Hit::index));
    return hits.stream()
        .limit(Math.max(0, limit))
        .map(h -> actions.get(h.index()))
        .toList();
  }

  private static void add(Map<String, Double> into, String text, double weight) {
    for (String t : new HashSet<>(terms(text))) {
      into.merge(t, weight, Double::sum);
    }
  }

  /** The stems of the words of {@code text}: split at non-letters and case changes, lower case, stop words left out. */
  static List<String> terms(String text) {
    List<String> out = new ArrayList<>();
    if (text == null) {
      return out;
    }
    String spaced = text.replaceAll("([a-z0-9])([A-Z])", "$1 $2");
    for (String word : spaced.toLowerCase(Locale.ROOT).split("[^a-z0-9]+")) {
      if (!word.isEmpty() && !STOP.contains(word)) {
        out.add(stem(word));
      }
    }
    return out;
  }

  /** A rough English stem, enough to meet plural and third-person forms: tags/tag, applies/apply, addresses/address. */
  static String stem(String w) {
    if (w.length() > 4 && w.endsWith("ies")) {
      return w.substring(0, w.length() - 3) + "y";
    }
    if (w.length() > 4
        && (w.endsWith("sses") || w.endsWith("shes") || w.endsWith("ches") || w.endsWith("xes"))) {
      return w.substring(0, w.length() - 2);
    }
    if (w.length() > 3 && w.endsWith("s") && !w.endsWith("ss") && !w.endsWith("us")) {
      return w.substring(0, w.length() - 1);
    }
    return w;
  }
}
