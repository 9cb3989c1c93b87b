package dev.steward.decision;

import dev.steward.platform.DecisionLog;
import dev.steward.platform.StewardPrincipal;
import dev.steward.vendor.Vendor;
import dev.steward.vendor.VendorService;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.identity.User;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A vendor's decisions from the decision log, enriched from engine history (process key and start,
 * task name) and the user store (display name), oldest first.
 */
@Service
class DecisionRecords {

  /** The CSV columns, in order. */
  static final String[] CSV_HEADER = {
    "kind",
    "outcome",
    "decidedBy",
    "decidedByName",
    "decidedAt",
    "reason",
    "inputs",
    "processInstanceId",
    "processDefinitionKey",
    "processStartedAt",
    "taskId",
    "taskName",
    "subjectId"
  };

  private static final CSVFormat CSV =
      CSVFormat.RFC4180.builder().setHeader(CSV_HEADER).setRecordSeparator("\r\n").get();

  private final DecisionLog decisionLog;
  private final VendorService vendors;
  private final HistoryService historyService;
  private final IdentityService identityService;

  DecisionRecords(
      DecisionLog decisionLog,
      VendorService vendors,
      HistoryService historyService,
      IdentityService identityService) {
    this.decisionLog = decisionLog;
    this.vendors = vendors;
    this.historyService = historyService;
    this.identityService = identityService;
  }

  /** The vendor's decisions with the vendor; 404 for a vendor the caller may not see. */
  record VendorDecisions(String vendorId, String vendorCode, List<DecisionView> decisions) {}

  @Transactional(readOnly = true)
  public VendorDecisions of(String vendorId, StewardPrincipal caller) {
    Vendor vendor = vendors.find(vendorId, caller);
    Map<String, Optional<HistoricProcessInstance>> processes = new HashMap<>();
    Map<String, Optional<HistoricTaskInstance>> tasks = new HashMap<>();
    Map<String, String> names = new HashMap<>();
    List<DecisionView> views =
        decisionLog.of(vendor.getId()).stream()
            .map(
                d -> {
                  Optional<HistoricProcessInstance> process =
                      d.processInstanceId() == null
                          ? Optional.empty()
                          : processes.computeIfAbsent(d.processInstanceId(), this::process);
                  Optional<HistoricTaskInstance> task =
                      d.taskId() == null
                          ? Optional.empty()
                          : tasks.computeIfAbsent(d.taskId(), this::task);
                  return new DecisionView(
                      d.kind().name(),
                      d.outcome(),
                      d.decidedBy(),
                      names.computeIfAbsent(d.decidedBy(), this::displayName),
                      d.decidedAt(),
                      d.reason(),
                      d.inputs(),
                      d.processInstanceId(),
                      process.map(HistoricProcessInstance::getProcessDefinitionKey).orElse(null),
                      process.map(p -> instant(p.getStartTime())).orElse(null),
                      d.taskId(),
                      task.map(HistoricTaskInstance::getName).orElse(null),
                      d.subjectId());
                })
            .toList();
    return new VendorDecisions(vendor.getId(), vendor.getCode(), views);
  }

  /** RFC 4180 CSV with a header row. */
  static String csv(List<DecisionView> decisions) {
    StringWriter out = new StringWriter();
    try (CSVPrinter printer = new CSVPrinter(out, CSV)) {
      for (DecisionView d : decisions) {
        printer.printRecord(
            d.kind(),
            d.outcome(),
            d.decidedBy(),
            d.decidedByName(),
            text(d.decidedAt()),
            d.reason(),
            d.inputs(),
            d.processInstanceId(),
            d.processDefinitionKey(),
            text(d.processStartedAt()),
            d.taskId(),
            d.taskName(),
            d.subjectId());
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString();
  }

  private Optional<HistoricProcessInstance> process(String id) {
    return Optional.ofNullable(
        historyService.createHistoricProcessInstanceQuery().processInstanceId(id).singleResult());
  }

  private Optional<HistoricTaskInstance> task(String id) {
    return Optional.ofNullable(
        historyService.createHistoricTaskInstanceQuery().taskId(id).singleResult());
  }

  private String displayName(String username) {
    User user = identityService.createUserQuery().userId(username).singleResult();
    if (user == null) {
      return username;
    }
    String first = user.getFirstName() == null ? "" : user.getFirstName();
    String last = user.getLastName() == null ? "" : user.getLastName();
    String name = (first + " " + last).strip();
    return name.isEmpty() ? username : name;
  }

  private static Instant instant(java.util.Date date) {
    return date == null ? null : date.toInstant();
  }

  private static String text(Instant instant) {
    return instant == null ? null : instant.toString();
  }
}
