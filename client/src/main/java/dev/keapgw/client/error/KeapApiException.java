package dev.keapgw.client.error;

import dev.keapgw.client.http.QuotaStatus;
import java.time.Duration;

/**
 * An HTTP error answer (4xx or 5xx) from the gateway or from Keap, with its parsed body. The
 * subclasses name the common statuses so callers can catch what they handle; anything else is
 * this class itself.
 */
public class KeapApiException extends KeapException {
  private final String method;
  private final String url;
  private final int status;
  private final ErrorEnvelope envelope;
  private final String requestId;
  private final QuotaStatus quota;

  protected KeapApiException(Details d) {
    super(message(d));
    this.method = d.method();
    this.url = d.url();
    this.status = d.status();
    this.envelope = d.envelope();
    this.requestId = d.requestId();
    this.quota = d.quota();
  }

  /**
   * Everything known about a failed answer.
   *
   * @param retryAfter the answer's {@code Retry-After}, or null
   */
  public record Details(
      String method,
      String url,
      int status,
      ErrorEnvelope envelope,
      String requestId,
      QuotaStatus quota,
      Duration retryAfter) {}

  /** The exception for this answer's status. */
  public static KeapApiException of(Details d) {
    return switch (d.status()) {
      case 400 -> new BadRequestException(d);
      case 401 -> new AuthenticationException(d);
      case 403 -> new PermissionDeniedException(d);
      case 404 -> new NotFoundException(d);
      case 409 -> new ConflictException(d);
      case 424 -> new ConnectionNotReadyException(d);
      case 429 -> new RateLimitException(d);
      default -> d.status() >= 500 ? new ServerException(d) : new KeapApiException(d);
    };
  }

  public int status() {
    return status;
  }

  public ErrorEnvelope envelope() {
    return envelope;
  }

  /** The request id: the one in the gateway's error body, else the answer's {@code X-Request-Id}, else the one sent. */
  public String requestId() {
    return requestId;
  }

  /** Keap's quota headers on the answer, or null. */
  public QuotaStatus quota() {
    return quota;
  }

  public String method() {
    return method;
  }

  public String url() {
    return url;
  }

  /** The error's machine-readable type (see {@link ErrorEnvelope#type()}), or null. */
  public String type() {
    return envelope.type();
  }

  /** The server's message alone, without status and request id. */
  public String serverMessage() {
    return envelope.message();
  }

  /** The gateway (not Keap) produced this error. */
  public boolean fromGateway() {
    return envelope.source() == ErrorEnvelope.Source.GATEWAY;
  }

  private static String message(Details d) {
    StringBuilder b = new StringBuilder().append(d.status());
    if (d.envelope().type() != null) {
      b.append(' ').append(d.envelope().type());
    }
    b.append(": ").append(d.envelope().message());
    b.append(" (").append(d.method()).append(' ').append(d.url());
    if (d.requestId() != null) {
      b.append(", request id ").append(d.requestId());
    }
    return b.append(')').toString();
  }
}
