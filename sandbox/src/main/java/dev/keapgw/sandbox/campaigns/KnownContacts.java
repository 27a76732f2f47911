package dev.keapgw.sandbox.campaigns;

import dev.keapgw.sandbox.store.Tenant;

/**
 * Whether a contact exists, asked of the {@code contacts} table that the contacts module
 * declares. Where no module declares it, no contact exists.
 */
final class KnownContacts {
  static final String TABLE = "contacts";

  private KnownContacts() {}

  static boolean exists(Tenant tenant, String contactId) {
    try {
      return tenant.table(TABLE).contains(contactId);
    } catch (IllegalArgumentException undeclared) {
      return false;
    }
  }
}
