package dev.steward.platform;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The login page and where a signed-in browser lands: executives and RMs on the dashboard, BPO
 * leads (who never reach the Camunda webapps) in the vendor portal, QA analysts in Tasklist.
 */
@Controller
class HomeController {

  @GetMapping("/login")
  String login() {
    return "login";
  }

  @GetMapping("/")
  String home() {
    StewardPrincipal user = CurrentUser.get();
    if (user.isVendorScoped()) {
      return "redirect:/portal";
    }
    if (user.roles().contains(Role.EXECUTIVE)
        || user.roles().contains(Role.RELATIONSHIP_MANAGER)
        || user.roles().contains(Role.ADMIN)) {
      return "redirect:/dashboard";
    }
    return "redirect:/camunda/app/tasklist/default/";
  }
}
