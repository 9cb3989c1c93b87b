package dev.steward.identity;

import dev.steward.platform.AccountLookup;
import dev.steward.platform.Role;
import dev.steward.platform.StewardPrincipal;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Signs users in against Camunda's identity service: the one user store of security.md. Passwords
 * are checked by the engine (salted hashes, failed-attempt throttling and lock-out); roles come
 * from group memberships, a BPO lead's vendor from their account.
 *
 * <p>Every API request signs in (stateless HTTP Basic), so this is on every request's path: the
 * password check and the account reads run in one database transaction (one connection, one commit)
 * instead of one each.
 */
@Component
class CamundaAuthenticationProvider implements AuthenticationProvider, AccountLookup {

  private final IdentityService identityService;
  private final TransactionTemplate transactions;

  CamundaAuthenticationProvider(
      IdentityService identityService, PlatformTransactionManager transactionManager) {
    this.identityService = identityService;
    this.transactions = new TransactionTemplate(transactionManager);
  }

  @Override
  public Authentication authenticate(Authentication authentication) {
    String username = authentication.getName();
    Object credentials = authentication.getCredentials();
    if (username == null || username.isBlank() || credentials == null) {
      throw new BadCredentialsException("Bad credentials");
    }
    // a failed attempt is counted (lock-out) by the engine in this transaction, which commits
    StewardPrincipal principal =
        transactions.execute(
            tx ->
                identityService.checkPassword(username, credentials.toString())
                    ? loadPrincipal(username)
                    : null);
    if (principal == null) {
      throw new BadCredentialsException("Bad credentials");
    }
    if (principal.roles().isEmpty()) {
      throw new BadCredentialsException("User has no Steward role");
    }
    List<SimpleGrantedAuthority> authorities =
        principal.roles().stream().map(r -> new SimpleGrantedAuthority(r.authority())).toList();
    return UsernamePasswordAuthenticationToken.authenticated(principal, null, authorities);
  }

  @Override
  public Optional<StewardPrincipal> current(String username) {
    return Optional.ofNullable(transactions.execute(tx -> loadPrincipal(username)));
  }

  /** The user's principal as the account is now; {@code null} if there is no such user. */
  private StewardPrincipal loadPrincipal(String username) {
    User user = identityService.createUserQuery().userId(username).singleResult();
    if (user == null) {
      return null;
    }
    Set<Role> roles = EnumSet.noneOf(Role.class);
    Set<String> groups = new HashSet<>();
    for (Group group : identityService.createGroupQuery().groupMember(username).list()) {
      groups.add(group.getId());
      Role.ofGroup(group.getId()).ifPresent(roles::add);
    }
    String vendorId = identityService.getUserInfo(username, UserAccounts.VENDOR_ID_INFO_KEY);
    return new StewardPrincipal(username, UserAccounts.displayName(user), roles, vendorId, groups);
  }

  @Override
  public boolean supports(Class<?> authentication) {
    return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
  }
}
