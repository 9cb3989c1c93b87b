package dev.steward.vendor;

/** Whether the vendor's agents work only for the brand or share their time with other clients. */
public enum TeamModel {
  SHARED,
  DEDICATED
}
