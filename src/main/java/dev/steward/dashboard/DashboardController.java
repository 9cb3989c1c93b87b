package dev.steward.dashboard;

import dev.steward.platform.CurrentUser;
import dev.steward.platform.StewardPrincipal;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.servlet.ModelAndView;

/**
 * The executive dashboard's pages. Each request records how long gathering its data took ({@link
 * ServerTiming}), shown in the page footer and sent as a {@code Server-Timing} header.
 */
@Controller
class DashboardController {

  private final DashboardQueries queries;

  DashboardController(DashboardQueries queries) {
    this.queries = queries;
  }

  @GetMapping("/dashboard")
  String overview(Model model, HttpServletRequest request) {
    StewardPrincipal user = CurrentUser.get();
    long started = System.nanoTime();
    Timings timings = new Timings();
    model.addAttribute("overview", queries.overview(user, timings));
    model.addAttribute("dataMillis", ServerTiming.recordData(request, started, timings));
    return "dashboard/index";
  }

  @GetMapping("/dashboard/vendors/{vendorId}")
  ModelAndView vendor(@PathVariable String vendorId, HttpServletRequest request) {
    StewardPrincipal user = CurrentUser.get();
    long started = System.nanoTime();
    Timings timings = new Timings();
    Optional<DashboardModel.VendorPage> page = queries.vendor(vendorId, user, timings);
    long millis = ServerTiming.recordData(request, started, timings);
    if (page.isEmpty()) {
      return new ModelAndView("error/404", HttpStatus.NOT_FOUND);
    }
    ModelAndView view = new ModelAndView("dashboard/vendor");
    view.addObject("page", page.get());
    view.addObject("dataMillis", millis);
    return view;
  }
}
