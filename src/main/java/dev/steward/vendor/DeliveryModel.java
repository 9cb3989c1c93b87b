package dev.steward.vendor;

/** Where the vendor's agents sit relative to the brand's customers. */
public enum DeliveryModel {
  ONSHORE,
  NEARSHORE,
  OFFSHORE
}
