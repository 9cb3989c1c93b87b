package dev.steward.vendor;

import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * On start, gives every vendor registered before lifecycles existed (or whose start was lost) its
 * lifecycle process, entering at the vendor's current phase. Idempotent; on several nodes at once a
 * duplicate start is harmless because {@link VendorLifecycles#start} checks first and each vendor
 * is started in its own transaction.
 */
@Component
@Order(5)
class LifecycleBackfill implements ApplicationRunner {

  private static final Logger log = LoggerFactory.getLogger(LifecycleBackfill.class);

  private final VendorRepository vendors;
  private final VendorLifecycles lifecycles;
  private final TransactionTemplate transactions;

  LifecycleBackfill(
      VendorRepository vendors, VendorLifecycles lifecycles, TransactionTemplate transactions) {
    this.vendors = vendors;
    this.lifecycles = lifecycles;
    this.transactions = transactions;
  }

  @Override
  public void run(ApplicationArguments args) {
    int started = 0;
    // one query for the vendors that have a lifecycle, then a start (which checks again) only for
    // the others
    Set<String> withLifecycle = lifecycles.vendorsWithLifecycle();
    for (Vendor vendor : vendors.findAll()) {
      if (withLifecycle.contains(vendor.getId())) {
        continue;
      }
      Boolean done = transactions.execute(tx -> lifecycles.start(vendor));
      if (Boolean.TRUE.equals(done)) {
        started++;
      }
    }
    if (started > 0) {
      log.info("Started the lifecycle process of {} vendor(s) that had none", started);
    }
  }
}
