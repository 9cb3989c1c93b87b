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

  /**
   * Per vendor: open escalations (not resolved or closed), the open ones with a breached SLA, and
   * the escalations whose response or resolution SLA was breached since {@code since}; one grouped
   * query for all vendors.
   */
  @Query(
      """
      select e.vendorId,
             sum(case when e.status not in :done then 1 else 0 end),
             sum(case when e.status not in :done
                       and (e.responseBreachedAt is not null or e.resolutionBreachedAt is not null)
                      then 1 else 0 end),
             sum(case when e.responseBreachedAt >= :since or e.resolutionBreachedAt >= :since
                      then 1 else 0 end)
      from Escalation e
      group by e.vendorId
      """)
  List<Object[]> countsByVendor(
      @Param("done") java.util.Collection<EscalationStatus> done,
      @Param("since") java.time.Instant since);
}
