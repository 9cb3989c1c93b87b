package dev.steward.onboarding;

import dev.steward.platform.CurrentUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(
    name = "Onboarding",
    description = "Vendor onboarding: responsibility split, ground rules, contract, vetted agents")
class OnboardingController {

  private final OnboardingService onboarding;

  OnboardingController(OnboardingService onboarding) {
    this.onboarding = onboarding;
  }

  @GetMapping("/api/vendors/{id}/onboarding")
  @Operation(
      summary = "The vendor's latest onboarding (internal roles; a BPO lead: their own vendor's)",
      description =
          "The responsibility split, communication ground rules, contract status, vetted agents"
              + " (approved, rejected with the reason, awaiting an interview), and the open and"
              + " completed steps with their owner. 404 if the vendor is not the caller's or has no"
              + " onboarding.")
  OnboardingView get(@PathVariable String id) {
    return onboarding.view(id, CurrentUser.get());
  }
}
