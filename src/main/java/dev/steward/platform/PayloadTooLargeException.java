package dev.steward.platform;

/**
 * A request body above the documented limit: 413 with a problem detail; nothing is read further.
 */
public class PayloadTooLargeException extends RuntimeException {

  private final long limit;

  public PayloadTooLargeException(long limit) {
    super("The request body is larger than the limit of " + limit + " bytes");
    this.limit = limit;
  }

  public long limit() {
    return limit;
  }
}
