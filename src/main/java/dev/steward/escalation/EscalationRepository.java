package dev.steward.escalation;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

/** Escalations, read through the caller's vendor scope ({@code null} for brand staff). */
interface EscalationRepository extends JpaRepository<Escalation, String> {

  @Query(
      """
      select e from Escalation e
      where (:scopeVendorId is null or e.vendorId = :scopeVendorId)
        and (:vendorId is null or e.vendorId = :vendorId)
        and (:status is null or e.status = :status)
      order by e.filedAt desc, e.id
      """)
  List<Escalation> findAllVisible(
      @Param("scopeVendorId") String scopeVendorId,
      @Param("vendorId") String vendorId,
      @Param("status") EscalationStatus status);

  @Query(
      "select e from Escalation e where e.id = :id and (:scopeVendorId is null or e.vendorId = :scopeVendorId)")
  Optional<Escalation> findVisible(
      @Param("id") String id, @Param("scopeVendorId") String scopeVendorId);
}
