package dev.steward.escalation;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;

/** Remembers which escalation a user's {@code Idempotency-Key} created. */
@Entity
@Table(name = "escalation_idempotency_key")
class IdempotencyKey {

  @Embeddable
  record Id(@Column(name = "username") String username, @Column(name = "idempotency_key") String key)
      implements Serializable {}

  @EmbeddedId private Id id;
  private String escalationId;
  private Instant createdAt;

  protected IdempotencyKey() {}

  IdempotencyKey(String username, String key, String escalationId, Instant createdAt) {
    this.id = new Id(username, key);
    this.escalationId = escalationId;
    this.createdAt = createdAt;
  }

  String getEscalationId() {
    return escalationId;
  }
}
