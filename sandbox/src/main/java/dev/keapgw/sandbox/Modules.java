package dev.keapgw.sandbox;

import dev.keapgw.sandbox.affiliates.AffiliatesModule;
import dev.keapgw.sandbox.automations.AutomationsModule;
import dev.keapgw.sandbox.campaigns.CampaignsModule;
import dev.keapgw.sandbox.companies.CompaniesModule;
import dev.keapgw.sandbox.contacts.ContactsModule;
import dev.keapgw.sandbox.control.ControlModule;
import dev.keapgw.sandbox.emails.EmailsModule;
import dev.keapgw.sandbox.notes.NotesModule;
import dev.keapgw.sandbox.oauth.OAuthModule;
import dev.keapgw.sandbox.opportunities.OpportunitiesModule;
import dev.keapgw.sandbox.orders.OrdersModule;
import dev.keapgw.sandbox.products.ProductsModule;
import dev.keapgw.sandbox.resthooks.RestHooksModule;
import dev.keapgw.sandbox.subscriptions.SubscriptionsModule;
import dev.keapgw.sandbox.tags.TagsModule;
import dev.keapgw.sandbox.tasks.TasksModule;
import dev.keapgw.sandbox.users.UsersModule;
import java.util.List;

/**
 * Every part of the emulated Keap, in seeding order: a module may refer to rows that modules
 * before it seeded (contacts to companies and tags, tasks to users and opportunities,
 * opportunities to stages and contacts, orders to products and contacts). REST hooks come
 * last: they seed nothing and hear of changes made through the API.
 */
final class Modules {
  private Modules() {}

  static List<KeapModule> all(Sandbox sandbox) {
    return List.of(
        new ControlModule(sandbox),
        new OAuthModule(),
        new UsersModule(),
        new CompaniesModule(),
        new TagsModule(),
        new ContactsModule(),
        new NotesModule(),
        new CampaignsModule(),
        new EmailsModule(),
        new AutomationsModule(),
        new ProductsModule(),
        new AffiliatesModule(),
        new OrdersModule(),
        new SubscriptionsModule(),
        new OpportunitiesModule(),
        new TasksModule(),
        new RestHooksModule(sandbox::restHooks));
  }
}
