package dev.steward.escalation;

/** What an escalation is about. */
public enum EscalationCategory {
  CUSTOMER_COMPLAINT,
  PRODUCT_ISSUE,
  BILLING,
  ORDER_OR_DELIVERY,
  POLICY_QUESTION,
  SYSTEM_ACCESS,
  SYSTEM_OUTAGE,
  STAFFING,
  SECURITY_OR_PRIVACY,
  OTHER
}
