package dev.steward.evaluation;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;

/**
 * An exact fraction. RFP points are means of ratings and ratios of bids, so totals are fractions;
 * computing them exactly means two candidates with mathematically equal totals are tied, never
 * separated by a rounding error in the 34th digit.
 */
record Ratio(BigInteger numerator, BigInteger denominator) implements Comparable<Ratio> {

  static final Ratio ZERO = new Ratio(BigInteger.ZERO, BigInteger.ONE);

  Ratio {
    if (denominator.signum() == 0) {
      throw new ArithmeticException("denominator 0");
    }
    if (denominator.signum() < 0) {
      numerator = numerator.negate();
      denominator = denominator.negate();
    }
    BigInteger gcd = numerator.gcd(denominator);
    if (!gcd.equals(BigInteger.ONE) && gcd.signum() != 0) {
      numerator = numerator.divide(gcd);
      denominator = denominator.divide(gcd);
    }
  }

  static Ratio of(long numerator, long denominator) {
    return new Ratio(BigInteger.valueOf(numerator), BigInteger.valueOf(denominator));
  }

  static Ratio of(BigDecimal value) {
    return value.scale() >= 0
        ? new Ratio(value.unscaledValue(), BigInteger.TEN.pow(value.scale()))
        : new Ratio(
            value.unscaledValue().multiply(BigInteger.TEN.pow(-value.scale())), BigInteger.ONE);
  }

  Ratio plus(Ratio o) {
    return new Ratio(
        numerator.multiply(o.denominator).add(o.numerator.multiply(denominator)),
        denominator.multiply(o.denominator));
  }

  Ratio minus(Ratio o) {
    return plus(new Ratio(o.numerator.negate(), o.denominator));
  }

  Ratio times(Ratio o) {
    return new Ratio(numerator.multiply(o.numerator), denominator.multiply(o.denominator));
  }

  Ratio times(long factor) {
    return new Ratio(numerator.multiply(BigInteger.valueOf(factor)), denominator);
  }

  Ratio dividedBy(Ratio o) {
    return new Ratio(numerator.multiply(o.denominator), denominator.multiply(o.numerator));
  }

  Ratio dividedBy(long divisor) {
    return new Ratio(numerator, denominator.multiply(BigInteger.valueOf(divisor)));
  }

  /** The value to 34 significant digits: far beyond the 2 decimals of the answers. */
  BigDecimal toBigDecimal() {
    return new BigDecimal(numerator).divide(new BigDecimal(denominator), MathContext.DECIMAL128);
  }

  @Override
  public int compareTo(Ratio o) {
    return numerator.multiply(o.denominator).compareTo(o.numerator.multiply(denominator));
  }
}
