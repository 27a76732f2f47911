package dev.keapgw.gateway.feature;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** One gateway's extra conditions for {@code /readyz} (the demo adds "its connection is ACTIVE"). */
public final class ReadinessChecks {
  private final List<ReadinessCheck> checks = new CopyOnWriteArrayList<>();

  public void add(ReadinessCheck check) {
    checks.add(check);
  }

  public void remove(ReadinessCheck check) {
    checks.remove(check);
  }

  /** What the checks report now; empty when all pass. Blocking. */
  public List<String> problems() {
    List<String> out = new ArrayList<>();
    for (ReadinessCheck c : checks) {
      String p = c.problem();
      if (p != null) {
        out.add(p);
      }
    }
    return out;
  }
}
