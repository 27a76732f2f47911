package dev.keapgw.sandbox.store;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BiConsumer;

/**
 * Cross-resource consequences that keep a tenant's data consistent: a module that holds
 * references to contacts (sequences, for one) registers here, and the contacts module calls
 * {@link #contactDeleted} inside the tenant's write lock.
 */
public final class Hooks {
  private final List<BiConsumer<Tenant, Long>> onContactDeleted = new CopyOnWriteArrayList<>();

  public void onContactDeleted(BiConsumer<Tenant, Long> listener) {
    onContactDeleted.add(listener);
  }

  public void contactDeleted(Tenant tenant, long contactId) {
    onContactDeleted.forEach(l -> l.accept(tenant, contactId));
  }
}
