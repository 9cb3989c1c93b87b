package dev.steward.demo;

import dev.steward.platform.Role;
import dev.steward.platform.StewardPrincipal;
import dev.steward.review.NewReview;
import dev.steward.review.ReviewService;
import dev.steward.risk.NewRiskItem;
import dev.steward.risk.RiskService;
import dev.steward.vendor.VendorService;
import dev.steward.vendor.VendorView;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * A quarterly business review of Acme Manila's last full quarter waiting for rachel (its RM) to
 * hold it (the facts are assembled by the job executor), and two items in its risk log, one of them
 * overdue. Idempotent: does nothing once the vendor has a review.
 */
@Component
@Order(60)
@ConditionalOnProperty(name = "steward.demo.enabled", havingValue = "true")
class DemoReviews implements ApplicationRunner {

  static final String VENDOR_CODE = "ACME-MNL";
  static final String RM = "rachel";

  private static final Logger log = LoggerFactory.getLogger(DemoReviews.class);

  private static final StewardPrincipal RACHEL =
      new StewardPrincipal(RM, "Rachel Moreno", Set.of(Role.RELATIONSHIP_MANAGER), null);

  private final VendorService vendors;
  private final ReviewService reviews;
  private final RiskService risks;
  private final Clock clock;

  DemoReviews(VendorService vendors, ReviewService reviews, RiskService risks, Clock clock) {
    this.vendors = vendors;
    this.reviews = reviews;
    this.risks = risks;
    this.clock = clock;
  }

  @Override
  public void run(ApplicationArguments args) {
    Optional<VendorView> acme = vendors.findByCode(VENDOR_CODE);
    if (acme.isEmpty() || !risks.userExists(RM)) {
      log.info("Demo reviews skipped: no vendor {} or no user {}", VENDOR_CODE, RM);
      return;
    }
    String vendorId = acme.get().id();
    if (!reviews.list(vendorId, RACHEL).isEmpty()) {
      return;
    }
    reviews.request(vendorId, new NewReview(null), RACHEL);
    LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
    risks.create(
        vendorId,
        new NewRiskItem(
            "Night-shift staffing below forecast",
            "Two of eight night-shift seats unfilled since the last sync; service level at risk.",
            RM,
            "HIGH",
            today.minusDays(5).toString()),
        RACHEL);
    risks.create(
        vendorId,
        new NewRiskItem(
            "Refund macro outdated in the knowledge base",
            "Agents quote the old 14-day refund window.",
            RM,
            "MEDIUM",
            today.plusDays(10).toString()),
        RACHEL);
    log.info("Demo: QBR for {} waiting for {}, two risk items (one overdue)", VENDOR_CODE, RM);
  }
}
