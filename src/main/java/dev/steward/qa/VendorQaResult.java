package dev.steward.qa;

/**
 * A vendor's QA cycle results with the 95 % Wilson interval of its pass rate (kpis.md "QA audits"),
 * for brand-wide pages.
 *
 * @param passRateInterval fractions 0..1; {@code null} while nothing is scored
 */
public record VendorQaResult(
    String vendorId, QaCycleResult result, WilsonInterval passRateInterval) {}
