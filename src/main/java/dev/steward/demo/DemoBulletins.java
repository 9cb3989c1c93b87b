package dev.steward.demo;

import dev.steward.bulletin.BulletinKind;
import dev.steward.bulletin.BulletinProcess;
import dev.steward.bulletin.BulletinService;
import dev.steward.bulletin.BulletinView;
import dev.steward.bulletin.NewBulletin;
import dev.steward.platform.Role;
import dev.steward.platform.StewardPrincipal;
import dev.steward.vendor.VendorService;
import dev.steward.vendor.VendorView;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.Variables;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Demo change bulletin: rachel publishes a POLICY bulletin to every vendor whose lifecycle has not
 * ended; lena acknowledged it for ACME-MNL, the other vendors' leads still have it open.
 * Idempotent: skipped once the bulletin exists, or without the demo world.
 */
@Component
@Order(80)
@ConditionalOnProperty(name = "steward.demo.enabled", havingValue = "true")
class DemoBulletins implements ApplicationRunner {

  static final String TITLE = "Returns window extended to 60 days";

  private static final Logger log = LoggerFactory.getLogger(DemoBulletins.class);

  private final BulletinService bulletins;
  private final VendorService vendors;
  private final TaskService taskService;
  private final Clock clock;

  DemoBulletins(
      BulletinService bulletins, VendorService vendors, TaskService taskService, Clock clock) {
    this.bulletins = bulletins;
    this.vendors = vendors;
    this.taskService = taskService;
    this.clock = clock;
  }

  @Override
  @Transactional
  public void run(ApplicationArguments args) {
    StewardPrincipal rachel =
        new StewardPrincipal("rachel", "Rachel Moreno", Set.of(Role.RELATIONSHIP_MANAGER), null);
    if (bulletins.list(rachel).stream().anyMatch(b -> b.title().equals(TITLE))) {
      log.info("Demo bulletin already present");
      return;
    }
    Optional<VendorView> acme = vendors.findByCode("ACME-MNL");
    if (acme.isEmpty()) {
      log.info("No demo vendor ACME-MNL: no demo bulletin");
      return;
    }
    BulletinView published =
        bulletins.publish(
            new NewBulletin(
                TITLE,
                "From the effective date customers may return any item within 60 days of delivery"
                    + " (was 30). Refunds go to the original payment method. Update your macros"
                    + " RET-01 to RET-04 and tell every agent before their next shift.",
                BulletinKind.POLICY,
                null,
                clock.instant().plus(Duration.ofDays(7)),
                clock.instant().plus(Duration.ofDays(5))),
            rachel);
    Task task =
        taskService
            .createTaskQuery()
            .processInstanceBusinessKey(
                BulletinProcess.businessKey(published.id(), acme.get().id()))
            .taskDefinitionKey(BulletinProcess.Elements.ACKNOWLEDGE)
            .singleResult();
    if (task != null) {
      taskService.setAssignee(task.getId(), "lena");
      taskService.complete(
          task.getId(),
          Variables.createVariables()
              .putValue(BulletinProcess.ACKNOWLEDGED.name(), true)
              .putValue(BulletinProcess.ACK_COMMENT.name(), "Macros updated, team briefed"));
    }
    log.info(
        "Demo bulletin published to {} vendors, acknowledged for ACME-MNL by lena",
        published.addressed());
  }
}
