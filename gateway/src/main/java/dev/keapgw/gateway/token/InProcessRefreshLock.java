package dev.keapgw.gateway.token;

import java.util.concurrent.Callable;
import java.util.concurrent.locks.ReentrantLock;

/** A {@link RefreshLock} for one gateway process: a fixed set of striped locks. */
public final class InProcessRefreshLock implements RefreshLock {
  private final ReentrantLock[] stripes = new ReentrantLock[256];

  public InProcessRefreshLock() {
    for (int i = 0; i < stripes.length; i++) {
      stripes[i] = new ReentrantLock();
    }
  }

  @Override
  public <T> T locked(String connectionId, Callable<T> work) throws Exception {
    ReentrantLock lock = stripes[Math.floorMod(connectionId.hashCode(), stripes.length)];
    lock.lock();
    try {
      return work.call();
    } finally {
      lock.unlock();
    }
  }
}
