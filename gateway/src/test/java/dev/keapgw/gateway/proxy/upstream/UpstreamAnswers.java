package dev.keapgw.gateway.proxy.upstream;

import io.netty.handler.codec.http.DefaultHttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;

/** Answers made in memory, for tests of what reads an answer's head (its body cannot be taken). */
public final class UpstreamAnswers {
  private UpstreamAnswers() {}

  /** A 200 answer with these headers, given as name, value, name, value, ... */
  public static UpstreamAnswer withHeaders(String... namesAndValues) {
    DefaultHttpResponse head = new DefaultHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.OK);
    for (int i = 0; i < namesAndValues.length; i += 2) {
      head.headers().add(namesAndValues[i], namesAndValues[i + 1]);
    }
    return new UpstreamAnswer(null, head);
  }
}
