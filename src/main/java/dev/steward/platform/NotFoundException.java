package dev.steward.platform;

/** 404: the object does not exist, or the caller may not see it (the two are never told apart). */
public class NotFoundException extends RuntimeException {

  public NotFoundException(String what, String id) {
    super(what + " '" + id + "' was not found");
  }
}
