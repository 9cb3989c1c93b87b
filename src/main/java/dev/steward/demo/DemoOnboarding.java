package dev.steward.demo;

import dev.steward.identity.NewUser;
import dev.steward.identity.UserAccounts;
import dev.steward.platform.Role;
import dev.steward.platform.StewardPrincipal;
import dev.steward.vendor.DeliveryModel;
import dev.steward.vendor.Involvement;
import dev.steward.vendor.LifecyclePhase;
import dev.steward.vendor.NewVendor;
import dev.steward.vendor.TeamModel;
import dev.steward.vendor.VendorService;
import dev.steward.vendor.VendorView;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A vendor in onboarding for the demo: Cedar Contact Center Bogotá (nearshore, partial
 * involvement), with its BPO lead {@code sofia}, and its onboarding started, so the relationship
 * managers (rachel) and sofia have onboarding tasks. Idempotent: does nothing once the vendor
 * exists.
 */
@Component
@Order(40)
@ConditionalOnProperty(name = "steward.demo.enabled", havingValue = "true")
class DemoOnboarding implements ApplicationRunner {

  static final String VENDOR_CODE = "CEDAR-BOG";
  static final String LEAD = "sofia";

  private static final Logger log = LoggerFactory.getLogger(DemoOnboarding.class);

  private static final StewardPrincipal SYSTEM =
      new StewardPrincipal("admin", "Steward Administrator", Set.of(Role.ADMIN), null);

  private final VendorService vendors;
  private final UserAccounts users;
  private final DemoProcesses processes;
  private final TransactionTemplate transactions;

  DemoOnboarding(
      VendorService vendors,
      UserAccounts users,
      DemoProcesses processes,
      TransactionTemplate transactions) {
    this.vendors = vendors;
    this.users = users;
    this.processes = processes;
    this.transactions = transactions;
  }

  @Override
  public void run(ApplicationArguments args) {
    if (vendors.findByCode(VENDOR_CODE).isPresent()) {
      log.info("Demo onboarding already present");
      return;
    }
    String vendorId = transactions.execute(tx -> registerVendorAndLead());
    // registered in ONBOARDING, the vendor's lifecycle calls the onboarding process; run its first
    // steps now (responsibility split), each in its own transaction, so the tasks are there on the
    // first page load
    processes.settle(vendorId);
    log.info("Demo onboarding started: vendor {} with BPO lead {}", VENDOR_CODE, LEAD);
  }

  private String registerVendorAndLead() {
    VendorView cedar =
        vendors.register(
            new NewVendor(
                VENDOR_CODE,
                "Cedar Contact Center Bogotá",
                DeliveryModel.NEARSHORE,
                TeamModel.DEDICATED,
                Involvement.PARTIAL,
                "America/Bogota",
                List.of("es", "en"),
                null,
                null,
                null,
                // assigned by the onboarding's "Assign relationship manager" step
                null,
                LifecyclePhase.ONBOARDING),
            SYSTEM);
    if (!users.exists(LEAD)) {
      users.create(
          new NewUser(
              LEAD, DemoWorld.DEMO_PASSWORD, "Sofía Gómez", Role.BPO_LEAD, cedar.id(), false),
          "demo");
    }
    return cedar.id();
  }
}
