package dev.steward.platform;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A browser session ends on the first request after its user lost access (operations.md: "a removed
 * user loses access at once"). The API signs in on every request anyway (stateless HTTP Basic); a
 * session signed in by the login form keeps its roles from the sign-in, so every request of a
 * session re-reads the account: a user who was deleted, or whose roles or vendor changed
 * (UserAccounts.revokeAccess takes every role away) loses the session and is treated as not signed
 * in (pages go to the login form, everything else gets 401). A user whose roles changed signs in
 * again and gets the new ones. Costs two indexed identity queries per session request.
 */
class RevokedAccountFilter extends OncePerRequestFilter {

  private static final Logger log = LoggerFactory.getLogger(RevokedAccountFilter.class);
  private static final String VENDOR_ID_INFO_KEY = "steward.vendorId";

  private final IdentityService identityService;

  RevokedAccountFilter(IdentityService identityService) {
    this.identityService = identityService;
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    HttpSession session = request.getSession(false);
    Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
    if (session != null
        && authentication != null
        && authentication.getPrincipal() instanceof StewardPrincipal principal
        && !stillHasAccess(principal)) {
      log.info("Ending the session of '{}': their access changed", principal.username());
      SecurityContextHolder.clearContext();
      session.invalidate();
    }
    chain.doFilter(request, response);
  }

  private boolean stillHasAccess(StewardPrincipal principal) {
    String username = principal.username();
    var user = identityService.createUserQuery().userId(username).singleResult();
    if (user == null) {
      return false;
    }
    Set<Role> roles = EnumSet.noneOf(Role.class);
    for (Group group : identityService.createGroupQuery().groupMember(username).list()) {
      Role.ofGroup(group.getId()).ifPresent(roles::add);
    }
    if (roles.isEmpty() || !roles.equals(principal.roles())) {
      return false;
    }
    return !principal.roles().contains(Role.BPO_LEAD)
        || Objects.equals(
            principal.vendorId(), identityService.getUserInfo(username, VENDOR_ID_INFO_KEY));
  }
}
