package dev.steward.escalation;

import dev.steward.platform.BadRequestException;
import dev.steward.platform.CurrentUser;
import dev.steward.platform.FieldError;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.net.URI;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/escalations")
@Tag(
    name = "Escalations",
    description = "File and follow escalations; the SLA is enforced by the process engine")
class EscalationController {

  static final String IDEMPOTENCY_KEY = "Idempotency-Key";

  private final EscalationService escalations;

  EscalationController(EscalationService escalations) {
    this.escalations = escalations;
  }

  @PostMapping
  @Operation(
      summary = "File an escalation (a BPO lead for their own vendor, or an RM)",
      description =
          "With an Idempotency-Key header, repeating the request (same key, same user) returns the first"
              + " escalation instead of filing a new one; the answer then carries Idempotent-Replayed: true.")
  ResponseEntity<EscalationView> file(
      @Valid @RequestBody NewEscalation request,
      @Parameter(description = "1-200 printable characters chosen by the client")
          @RequestHeader(name = IDEMPOTENCY_KEY, required = false)
          String idempotencyKey) {
    if (idempotencyKey != null && !idempotencyKey.matches("[\\x21-\\x7E]{1,200}")) {
      throw new BadRequestException(
          "Invalid Idempotency-Key header",
          List.of(
              FieldError.field(
                  IDEMPOTENCY_KEY, "1-200 printable ASCII characters without spaces")));
    }
    EscalationService.Filed filed = escalations.file(request, CurrentUser.get(), idempotencyKey);
    return ResponseEntity.status(HttpStatus.CREATED)
        .location(URI.create("/api/escalations/" + filed.escalation().id()))
        .header("Idempotent-Replayed", Boolean.toString(filed.replayed()))
        .body(filed.escalation());
  }

  @GetMapping
  @Operation(summary = "Escalations the caller may see (a BPO lead: their vendor's), newest first")
  List<EscalationView> list(
      @RequestParam(required = false) String vendorId,
      @RequestParam(required = false) EscalationStatus status) {
    return escalations.list(CurrentUser.get(), vendorId, status);
  }

  @GetMapping("/{id}")
  @Operation(summary = "One escalation; 404 if it does not exist or is not the caller's vendor's")
  EscalationView get(@PathVariable String id) {
    return escalations.get(id, CurrentUser.get());
  }
}
