package dev.steward.vendor;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

/**
 * Vendors, always read through a scope: {@code scopeVendorId} is the caller's own vendor for a BPO
 * lead and {@code null} for brand staff, so a lead's query can never return another vendor.
 */
interface VendorRepository extends JpaRepository<Vendor, String> {

  @Query(
      "select v from Vendor v where (:scopeVendorId is null or v.id = :scopeVendorId) order by v.code")
  List<Vendor> findAllVisible(@Param("scopeVendorId") String scopeVendorId);

  @Query(
      "select v from Vendor v where v.id = :id and (:scopeVendorId is null or v.id = :scopeVendorId)")
  Optional<Vendor> findVisible(
      @Param("id") String id, @Param("scopeVendorId") String scopeVendorId);

  boolean existsByCode(String code);

  Optional<Vendor> findByCode(String code);
}
