package dev.steward.bulletin;

import dev.steward.platform.CurrentUser;
import io.swagger.v3.oas.annotations.Operation;
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
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(
    name = "Change bulletins",
    description =
        "An RM publishes a change (launch, promotion, stock-out, policy); each addressed vendor's"
            + " lead acknowledges it; acknowledgment rates per bulletin and per vendor")
class BulletinController {

  private final BulletinService bulletins;

  BulletinController(BulletinService bulletins) {
    this.bulletins = bulletins;
  }

  @PostMapping("/api/bulletins")
  @Operation(
      summary = "Publish a bulletin (RM, admin)",
      description =
          "vendorIds absent or empty addresses every vendor whose lifecycle has not ended. One"
              + " acknowledgment process per vendor starts in the same transaction. ackDueAt"
              + " defaults to 14 days after publishing. 422 for unknown or ended vendors or a"
              + " deadline in the past.")
  ResponseEntity<BulletinView> publish(@Valid @RequestBody NewBulletin request) {
    BulletinView published = bulletins.publish(request, CurrentUser.get());
    return ResponseEntity.status(HttpStatus.CREATED)
        .location(URI.create("/api/bulletins/" + published.id()))
        .body(published);
  }

  @GetMapping("/api/bulletins")
  @Operation(
      summary = "Bulletins the caller may see, newest first",
      description =
          "Brand staff: all, with counts over every addressed vendor. A BPO lead: those addressed"
              + " to their vendor, with counts of their vendor only.")
  List<BulletinView> list() {
    return bulletins.list(CurrentUser.get());
  }

  @GetMapping("/api/bulletins/{id}")
  @Operation(
      summary = "One bulletin with each addressed vendor's acknowledgment (who, when)",
      description =
          "acknowledgmentRate = acknowledged / addressed vendors in percent, half-up to 2"
              + " decimals. A BPO lead sees only their vendor's row; 404 if not addressed to it.")
  BulletinView get(@PathVariable String id) {
    return bulletins.get(id, CurrentUser.get());
  }

  @GetMapping("/api/vendors/{id}/bulletins")
  @Operation(
      summary = "A vendor's bulletins and its acknowledgment rate across them",
      description = "404 for a vendor the caller may not see (a BPO lead: any other vendor).")
  VendorBulletinsView ofVendor(@PathVariable String id) {
    return bulletins.ofVendor(id, CurrentUser.get());
  }
}
