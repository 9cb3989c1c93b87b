/**
 * The decision record of a vendor: every selection, pilot go/no-go, QBR outcome and transition
 * approval with who decided, when and what they saw, as JSON or CSV (the audit trail an executive
 * or auditor asks for). Built from {@link dev.steward.platform.DecisionLog} and engine history.
 */
package dev.steward.decision;
