package dev.keapgw.sandbox.events;

import dev.keapgw.sandbox.store.Tenant;
import java.util.List;

/**
 * What a resource tells Keap's event system after a change made through the API, under the
 * REST hook event key Keap announces it with ({@code contact.add}, {@code order.edit}, ...).
 * Called once the change is stored (inside or after the tenant's write lock); never blocks
 * and never fails the request: deliveries happen later, on their own threads. Seeding and
 * journal replay announce nothing.
 */
public interface ChangeEvents {
  /** Announces nothing: for a sandbox built without REST hooks. */
  ChangeEvents NONE = new ChangeEvents() {
    @Override
    public void changed(Tenant tenant, String eventKey, long id) {}

    @Override
    public void tagged(Tenant tenant, String eventKey, long tagId, List<Long> contactIds) {}
  };

  /** One object ({@code id} of the resource the key names) was added, edited or deleted. */
  void changed(Tenant tenant, String eventKey, long id);

  /**
   * A tag was applied to or removed from contacts ({@code contactGroup.applied},
   * {@code contactGroup.removed}); {@code contactIds} are the contacts whose tags changed.
   */
  void tagged(Tenant tenant, String eventKey, long tagId, List<Long> contactIds);
}
