package dev.steward.kpi;

import dev.steward.platform.CurrentUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.InputStream;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Interactions", description = "A vendor's interaction records (kpis.md)")
class InteractionController {

  static final String TEXT_CSV = "text/csv";

  private static final String EXAMPLE =
      """
      interaction_id,agent_id,channel,started_at,handle_seconds,first_contact_resolved,wait_seconds,abandoned,csat,nps,ces
      C-1001,agent.7,PHONE,2026-07-01T09:15:00+05:30,310,true,12,false,5,9,6
      """;

  private final InteractionImport imports;

  InteractionController(InteractionImport imports) {
    this.imports = imports;
  }

  /** The body is read as a stream: the file is never held in memory. */
  @PostMapping(
      path = "/api/vendors/{id}/interactions",
      consumes = TEXT_CSV,
      produces = MediaType.APPLICATION_JSON_VALUE)
  @Operation(
      summary =
          "Import interaction records from a CSV file (RMs, administrators, the vendor's BPO lead)",
      description =
          "RFC 4180 CSV in UTF-8 with a header row; columns as kpis.md lists them, in any order and case. All or"
              + " nothing: any bad row answers 422 with every error (line, column, message; the first 1,000) and"
              + " stores nothing. A row whose interaction_id the vendor already has replaces it. An empty body is a"
              + " file without its header row: 422.",
      requestBody =
          @io.swagger.v3.oas.annotations.parameters.RequestBody(
              required = true,
              content =
                  @Content(
                      mediaType = TEXT_CSV,
                      schema = @Schema(type = "string", example = EXAMPLE))))
  ImportSummary importInteractions(@PathVariable String id, InputStream csv) {
    return imports.importCsv(id, csv, CurrentUser.get());
  }
}
