package dev.steward.platform;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * Where a signed-in browser lands: brand staff in Camunda Tasklist, vendor users (who never reach
 * the webapps) in the API documentation until the vendor portal pages exist.
 */
@Controller
class HomeController {

  @GetMapping("/")
  String home() {
    StewardPrincipal user = CurrentUser.get();
    return user.isVendorScoped()
        ? "redirect:/swagger-ui/index.html"
        : "redirect:/camunda/app/tasklist/default/";
  }
}
