package dev.keapgw.sandbox.list;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keapgw.sandbox.http.ApiException;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("unit")
class ListSpecTest {
  private final ListFixture fix = new ListFixture();

  @Test
  void keepsFilterAndOrderFieldsInTheOrderTheyAreDeclared() {
    assertThat(ListFixture.SPEC.filters().keySet()).containsExactly("name", "n", "ids");
    assertThat(ListFixture.SPEC.orders().keySet()).containsExactly("id", "name", "n");
    assertThat(ListFixture.SPEC.pageSizes(1, 10, 5).orders().keySet())
        .containsExactly("id", "name", "n");
  }

  @Test
  void errorsListTheAllowedFieldsInDeclarationOrder() {
    assertThatThrownBy(() -> fix.page("filter=colour%3D%3Dred"))
        .isInstanceOf(ApiException.class)
        .hasMessageContaining("Allowed fields: name, n, ids");
    assertThatThrownBy(() -> fix.page("order_by=colour"))
        .isInstanceOf(ApiException.class)
        .hasMessageContaining("Allowed fields: id, name, n,");
  }
}
