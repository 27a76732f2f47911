package dev.keapgw.gateway.feature;

import dev.keapgw.gateway.token.TokenManager;

/**
 * What a started gateway offers its features (see {@link Feature#start}): its data plane's
 * token source and the other mounted features. The gateway implements it; the features see
 * only this, so they never depend on the package that assembles them.
 */
public interface Running {
  /** The data plane's token source. */
  TokenManager tokens();

  /** The mounted feature of this type. */
  <T extends Feature> T feature(Class<T> type);
}
