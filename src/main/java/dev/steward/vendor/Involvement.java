package dev.steward.vendor;

/**
 * How much the vendor owns (product.md "Involvement levels"); a DMN table turns it into a
 * responsibility split.
 */
public enum Involvement {
  LOW,
  PARTIAL,
  HIGH
}
