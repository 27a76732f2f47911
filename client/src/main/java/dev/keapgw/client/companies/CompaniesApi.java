package dev.keapgw.client.companies;

import dev.keapgw.client.http.JsonApi;
import dev.keapgw.client.http.ResourceCalls;
import dev.keapgw.client.list.ListQuery;
import dev.keapgw.client.list.Paged;
import java.util.List;

/** Companies: {@code /v2/companies}. */
public final class CompaniesApi {
  private final ResourceCalls<Company> calls;

  public CompaniesApi(JsonApi api) {
    this.calls = new ResourceCalls<>(api, "/v2/companies", "companies", Company.class);
  }

  /** {@code GET /v2/companies}. */
  public Paged<Company> list(ListQuery query) {
    return calls.list(query);
  }

  public Paged<Company> list() {
    return list(ListQuery.all());
  }

  /** {@code GET /v2/companies/{id}}. */
  public Company get(String id) {
    return calls.get(id);
  }

  /** {@code GET /v2/companies/{id}?fields=...} (e.g. address, email_address, phone_number, notes). */
  public Company get(String id, List<String> fields) {
    return calls.get(id, fields);
  }

  /** {@code POST /v2/companies}. */
  public Company create(CompanyInput input) {
    return calls.create(input);
  }

  /** {@code PATCH /v2/companies/{id}}. */
  public Company update(String id, CompanyInput input) {
    return calls.update(id, input);
  }

  /** {@code DELETE /v2/companies/{id}}. */
  public void delete(String id) {
    calls.delete(id);
  }
}
