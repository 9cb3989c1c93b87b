package dev.steward.decision;

import dev.steward.platform.BadRequestException;
import dev.steward.platform.CurrentUser;
import dev.steward.platform.FieldError;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(
    name = "Decision record",
    description =
        "Every vendor decision (selection, pilot go/no-go, QBR outcome, transition approval) with"
            + " who, when, why and what they saw: the exportable audit trail")
class DecisionController {

  static final MediaType TEXT_CSV = new MediaType("text", "csv", StandardCharsets.UTF_8);

  private final DecisionRecords records;

  DecisionController(DecisionRecords records) {
    this.records = records;
  }

  @GetMapping("/api/vendors/{id}/decisions")
  @Operation(
      summary = "A vendor's decisions, oldest first (brand staff only)",
      description =
          "JSON by default; RFC 4180 CSV (UTF-8, header row, as an attachment"
              + " decisions-<vendorCode>.csv) with Accept: text/csv or ?format=csv. BPO leads get"
              + " 403, also for their own vendor: the record holds the brand's internal reasoning."
              + " 404 for an unknown vendor.")
  @ApiResponse(
      responseCode = "200",
      content = {
        @Content(
            mediaType = "application/json",
            array = @ArraySchema(schema = @Schema(implementation = DecisionView.class))),
        @Content(mediaType = "text/csv")
      })
  ResponseEntity<?> decisions(
      @PathVariable String id,
      @Parameter(description = "json (default) or csv; overrides the Accept header")
          @RequestParam(required = false)
          String format,
      @RequestHeader(name = HttpHeaders.ACCEPT, required = false) String accept) {
    boolean csv;
    if (format == null) {
      csv = wantsCsv(accept);
    } else if (format.equalsIgnoreCase("csv") || format.equalsIgnoreCase("json")) {
      csv = format.equalsIgnoreCase("csv");
    } else {
      throw new BadRequestException(
          "Unknown format", List.of(FieldError.field("format", "must be json or csv")));
    }
    DecisionRecords.VendorDecisions found = records.of(id, CurrentUser.get());
    if (!csv) {
      return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(found.decisions());
    }
    String filename = "decisions-" + found.vendorCode().replaceAll("[^A-Za-z0-9._-]", "_") + ".csv";
    return ResponseEntity.ok()
        .contentType(TEXT_CSV)
        .header(
            HttpHeaders.CONTENT_DISPOSITION,
            ContentDisposition.attachment().filename(filename).build().toString())
        .body(DecisionRecords.csv(found.decisions()).getBytes(StandardCharsets.UTF_8));
  }

  /** Whether the Accept header prefers CSV (named, and JSON not named before it). */
  static boolean wantsCsv(String accept) {
    if (accept == null || accept.isBlank()) {
      return false;
    }
    List<MediaType> types;
    try {
      types = MediaType.parseMediaTypes(accept);
    } catch (IllegalArgumentException e) {
      return false;
    }
    for (MediaType type : types) {
      if (type.isCompatibleWith(MediaType.APPLICATION_JSON) && !type.isWildcardType()) {
        return false;
      }
      if (type.getType().equals("text") && type.getSubtype().equals("csv")) {
        return true;
      }
    }
    return false;
  }
}
