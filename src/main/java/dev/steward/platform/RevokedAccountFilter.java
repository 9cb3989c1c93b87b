package dev.steward.platform;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A browser session ends on the first request after its user lost access (operations.md: "a removed
 * user loses access at once"). The API signs in on every request anyway (stateless HTTP Basic); a
 * session signed in by the login form keeps its roles from the sign-in, so every request of a
 * session re-reads the account: a user who was deleted, or whose roles or vendor changed
 * (UserAccounts.revokeAccess takes every role away) loses the session and is treated as not signed
 * in (pages go to the login form, everything else gets 401). A user whose roles changed signs in
 * again and gets the new ones; a change of groups only (an on-call rota: task routing, no role) is
 * taken into the session, whose principal carries the groups for task queries. Costs a few indexed
 * identity queries per session request (none for static assets).
 */
class RevokedAccountFilter extends OncePerRequestFilter {

  private static final Logger log = LoggerFactory.getLogger(RevokedAccountFilter.class);

  private final AccountLookup accounts;

  RevokedAccountFilter(AccountLookup accounts) {
    this.accounts = accounts;
  }

  /** Static assets change nothing and show nothing of the user: no account read for them. */
  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    String path = request.getRequestURI().substring(request.getContextPath().length());
    return path.startsWith("/css/")
        || path.startsWith("/js/")
        || path.startsWith("/images/")
        || path.startsWith("/webjars/");
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    HttpSession session = request.getSession(false);
    Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
    if (session != null
        && authentication != null
        && authentication.getPrincipal() instanceof StewardPrincipal principal) {
      Optional<StewardPrincipal> now = accounts.current(principal.username());
      if (!stillHasAccess(principal, now)) {
        log.info("Ending the session of '{}': their access changed", principal.username());
        SecurityContextHolder.clearContext();
        session.invalidate();
      } else if (!Objects.equals(principal.groups(), now.get().groups())) {
        // same roles, other task-routing groups (an on-call rota changed): the session goes on
        // with the groups as they are now, so tasks follow the current membership
        SecurityContext refreshed = SecurityContextHolder.createEmptyContext();
        refreshed.setAuthentication(
            UsernamePasswordAuthenticationToken.authenticated(
                now.get(), null, authentication.getAuthorities()));
        SecurityContextHolder.setContext(refreshed);
        session.setAttribute(
            HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY, refreshed);
      }
    }
    chain.doFilter(request, response);
  }

  /** Same roles and (for a BPO lead) the same vendor as at sign-in. */
  private static boolean stillHasAccess(
      StewardPrincipal principal, Optional<StewardPrincipal> now) {
    return now.filter(p -> !p.roles().isEmpty() && p.roles().equals(principal.roles()))
        .filter(
            p ->
                !principal.roles().contains(Role.BPO_LEAD)
                    || Objects.equals(principal.vendorId(), p.vendorId()))
        .isPresent();
  }
}
