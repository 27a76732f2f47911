package dev.keapgw.gateway.account;

/** Who a request comes from: the account, and which of its keys (logged by id, never the key). */
public record Principal(String keyId, Account account) {
  public String accountId() {
    return account.id();
  }
}
