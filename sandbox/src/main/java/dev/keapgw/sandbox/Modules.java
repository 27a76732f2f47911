package dev.keapgw.sandbox;

import dev.keapgw.sandbox.contacts.ContactsModule;
import dev.keapgw.sandbox.control.ControlModule;
import dev.keapgw.sandbox.notes.NotesModule;
import dev.keapgw.sandbox.tags.TagsModule;
import dev.keapgw.sandbox.users.UsersModule;
import java.util.List;

/**
 * Every part of the emulated Keap, in seeding order: a module may refer to rows that modules
 * before it seeded (tasks to users, opportunities to stages, orders to products).
 */
final class Modules {
  private Modules() {}

  static List<KeapModule> all(Sandbox sandbox) {
    return List.of(
        new ControlModule(sandbox),
        new UsersModule(),
        new TagsModule(),
        new ContactsModule(),
        new NotesModule());
  }
}
