package dev.steward.pilot;

import dev.steward.platform.CurrentUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(
    name = "Pilots",
    description =
        "Vendor pilots: plan, the scorecard over the pilot window (side by side with the incumbent in a"
            + " challenger pilot) and the executive's go/no-go")
class PilotController {

  private final PilotService pilots;

  PilotController(PilotService pilots) {
    this.pilots = pilots;
  }

  @GetMapping("/api/vendors/{id}/pilots")
  @Operation(
      summary = "A vendor's pilots, newest first",
      description =
          "Internal roles; a BPO lead only their own vendor's (404 otherwise), without the incumbent of a"
              + " challenger pilot or its numbers.")
  List<PilotView> ofVendor(@PathVariable String id) {
    return pilots.ofVendor(id, CurrentUser.get());
  }

  @GetMapping("/api/pilots/{id}")
  @Operation(
      summary = "One pilot: plan, scorecard(s) and decision",
      description =
          "Scorecards are computed from the daily rollups of the UTC days [startDate, endDate) with the piloted"
              + " vendor's definition; numbers rounded half-up to 2 decimals. 404 if it does not exist or is not"
              + " the caller's vendor's.")
  PilotView get(@PathVariable String id) {
    return pilots.get(id, CurrentUser.get());
  }
}
