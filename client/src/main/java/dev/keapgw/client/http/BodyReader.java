package dev.keapgw.client.http;

import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpHeaders;

/**
 * Reads a successful answer's body as it streams in. It runs inside the transport's retry
 * loop: if reading an idempotent request's body breaks off with an IOException, the whole
 * request is tried again.
 */
@FunctionalInterface
public interface BodyReader<T> {
  T read(int status, HttpHeaders headers, InputStream body) throws IOException;
}
