package dev.keapgw.cli.commands;

import static dev.keapgw.cli.commands.ResourceSpec.CRUD;
import static dev.keapgw.cli.commands.ResourceSpec.READ;

import dev.keapgw.cli.commands.ResourceSpec.Op;
import dev.keapgw.cli.output.Column;
import java.util.EnumSet;
import java.util.List;

/** The seed's resources on the command line, with the columns their tables show. */
public final class Resources {
  private Resources() {}

  private static List<Column> cols(String spec) {
    return Column.parseList(spec);
  }

  public static final List<ResourceSpec> ALL = List.of(
      new ResourceSpec(
          "contacts",
          "contact",
          "/v2/contacts",
          "contacts",
          CRUD,
          cols(
              "id,given_name,family_name,email=email_addresses.0.email,phone=phone_numbers.0.number,update_time"),
          1000,
          null),
      new ResourceSpec(
          "notes",
          "note",
          "/v2/contacts/%s/notes",
          "notes",
          EnumSet.of(Op.LIST, Op.CREATE),
          cols("id,type,title,text,create_time"),
          1000,
          "contact"),
      new ResourceSpec(
          "companies",
          "company",
          "/v2/companies",
          "companies",
          CRUD,
          cols("id,company_name,website,contact_type,owner_id"),
          1000,
          null),
      new ResourceSpec(
          "tags",
          "tag",
          "/v2/tags",
          "tags",
          CRUD,
          cols("id,name,category=category.id,description"),
          1000,
          null),
      new ResourceSpec(
          "tag-categories",
          "tag category",
          "/v2/tags/categories",
          "tag_categories",
          EnumSet.of(Op.LIST, Op.CREATE),
          cols("id,name,description"),
          1000,
          null),
      new ResourceSpec(
          "tasks",
          "task",
          "/v2/tasks",
          "tasks",
          CRUD,
          cols("id,title,priority,completed,due_time,contact_id,assigned_to_user_id"),
          1000,
          null),
      new ResourceSpec(
          "opportunities",
          "opportunity",
          "/v2/opportunities",
          "opportunities",
          CRUD,
          cols(
              "id,opportunity_title,stage=stage.name,contact=contact.id,projected_revenue_high,next_action_time"),
          1000,
          null),
      new ResourceSpec(
          "stages",
          "stage",
          "/v2/opportunities/stages",
          "stages",
          EnumSet.of(Op.LIST),
          cols("id,name,order,probability,target_number_days"),
          1000,
          null),
      new ResourceSpec(
          "orders",
          "order",
          "/v2/orders",
          "orders",
          EnumSet.of(Op.LIST, Op.GET, Op.CREATE),
          cols("id,title,status,total=total.formatted_amount,contact=contact.id,order_time"),
          1000,
          null),
      new ResourceSpec(
          "products",
          "product",
          "/v2/products",
          "products",
          EnumSet.of(Op.LIST, Op.GET, Op.CREATE),
          cols("id,name,sku,price=price.formatted_amount,active"),
          1000,
          null),
      new ResourceSpec(
          "campaigns",
          "campaign",
          "/v2/campaigns",
          "campaigns",
          READ,
          cols("id,name,published_status,active_contact_count,completed_contact_count"),
          1000,
          null),
      new ResourceSpec(
          "emails",
          "email",
          "/v2/emails",
          "emails",
          READ,
          cols("id,subject,contact_id,sent_to_address,sent_time"),
          1000,
          null),
      new ResourceSpec(
          "users",
          "user",
          "/v2/users",
          "users",
          READ,
          cols("id,given_name,family_name,email=email_addresses.0.email,status,admin"),
          100,
          null),
      new ResourceSpec(
          "subscriptions",
          "subscription",
          "/v2/subscriptions",
          "subscriptions",
          READ,
          cols("id,contact_id,product_id,billing_amount,billing_cycle,active,next_bill_date"),
          1000,
          null),
      new ResourceSpec(
          "affiliates",
          "affiliate",
          "/v2/affiliates",
          "affiliates",
          READ,
          cols("id,code,name,status,contact_id"),
          1000,
          null),
      new ResourceSpec(
          "automations",
          "automation",
          "/v2/automations",
          "automations",
          READ,
          cols("id,title,status,active_contacts,published_date"),
          25,
          null));

  public static ResourceSpec named(String name) {
    return ALL.stream().filter(r -> r.name().equals(name)).findFirst().orElseThrow();
  }
}
