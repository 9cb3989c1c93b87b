package dev.steward.bulletin;

/** Where one addressed vendor stands with one bulletin. */
public enum AcknowledgmentStatus {
  OPEN,
  ACKNOWLEDGED,
  /** The deadline passed without an acknowledgment. */
  MISSED
}
