package dev.steward.portal;

import java.util.UUID;

/**
 * What the "file an escalation" form posts: text as typed, so a re-rendered form shows exactly what
 * the lead entered. The vendor is not among the fields: it is the lead's own.
 */
public class EscalationForm {

  private String severity;
  private String category;
  private String title;
  private String description;
  private String customerImpact;
  private String idempotencyKey = UUID.randomUUID().toString();

  public String getSeverity() {
    return severity;
  }

  public void setSeverity(String severity) {
    this.severity = severity;
  }

  public String getCategory() {
    return category;
  }

  public void setCategory(String category) {
    this.category = category;
  }

  public String getTitle() {
    return title;
  }

  public void setTitle(String title) {
    this.title = title;
  }

  public String getDescription() {
    return description;
  }

  public void setDescription(String description) {
    this.description = description;
  }

  public String getCustomerImpact() {
    return customerImpact;
  }

  public void setCustomerImpact(String customerImpact) {
    this.customerImpact = customerImpact;
  }

  public String getIdempotencyKey() {
    return idempotencyKey;
  }

  public void setIdempotencyKey(String idempotencyKey) {
    this.idempotencyKey = idempotencyKey;
  }
}
