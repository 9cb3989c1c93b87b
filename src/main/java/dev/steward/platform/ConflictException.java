package dev.steward.platform;

/** 409: the request clashes with the current state (a duplicate, a task already completed). */
public class ConflictException extends RuntimeException {

  public ConflictException(String message) {
    super(message);
  }
}
