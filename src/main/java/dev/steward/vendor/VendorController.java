package dev.steward.vendor;

import dev.steward.platform.CurrentUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.net.URI;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/vendors")
@Tag(name = "Vendors", description = "The vendor registry")
class VendorController {

  private final VendorService vendors;

  VendorController(VendorService vendors) {
    this.vendors = vendors;
  }

  @PostMapping
  @Operation(summary = "Register a vendor (relationship managers, administrators)")
  ResponseEntity<VendorView> register(@Valid @RequestBody NewVendor request) {
    VendorView vendor = vendors.register(request, CurrentUser.get());
    return ResponseEntity.created(URI.create("/api/vendors/" + vendor.id())).body(vendor);
  }

  @GetMapping
  @Operation(summary = "List the vendors the caller may see (a BPO lead: only their own)")
  List<VendorView> list() {
    return vendors.list(CurrentUser.get());
  }

  @GetMapping("/{id}")
  @Operation(summary = "One vendor; 404 if it does not exist or is not the caller's")
  VendorView get(@PathVariable String id) {
    return vendors.get(id, CurrentUser.get());
  }

  @GetMapping("/{id}/lifecycle")
  @Operation(
      summary =
          "The vendor's lifecycle: current phase, the lifecycle's current steps and when the vendor"
              + " entered each phase; 404 if the vendor is not the caller's")
  LifecycleView lifecycle(@PathVariable String id) {
    return vendors.lifecycle(id, CurrentUser.get());
  }
}
