package dev.steward.escalation;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.PostLoad;
import jakarta.persistence.PostPersist;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;
import java.io.Serializable;
import java.time.Instant;
import org.springframework.data.domain.Persistable;

/**
 * Remembers which escalation a user's {@code Idempotency-Key} created. A new key is always
 * inserted, never merged into an existing row: a key that a concurrent request stored first must
 * make this insert fail (the primary key decides the winner), not be silently re-pointed to a
 * second escalation.
 */
@Entity
@Table(name = "escalation_idempotency_key")
class IdempotencyKey implements Persistable<IdempotencyKey.Id> {

  @Embeddable
  record Id(
      @Column(name = "username") String username, @Column(name = "idempotency_key") String key)
      implements Serializable {}

  @EmbeddedId private Id id;
  private String escalationId;
  private Instant createdAt;

  @Transient private boolean isNew = true;

  protected IdempotencyKey() {}

  IdempotencyKey(String username, String key, String escalationId, Instant createdAt) {
    this.id = new Id(username, key);
    this.escalationId = escalationId;
    this.createdAt = createdAt;
  }

  String getEscalationId() {
    return escalationId;
  }

  @Override
  public Id getId() {
    return id;
  }

  /** Only a key created here is new; one read from the database never is. */
  @Override
  public boolean isNew() {
    return isNew;
  }

  @PostLoad
  @PostPersist
  void stored() {
    isNew = false;
  }
}
