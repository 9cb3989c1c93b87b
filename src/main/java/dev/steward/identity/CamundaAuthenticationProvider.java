package dev.steward.identity;

import dev.steward.platform.AccountLookup;
import dev.steward.platform.Role;
import dev.steward.platform.StewardPrincipal;
import java.util.EnumSet;
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

/**
 * Signs users in against Camunda's identity service: the one user store of security.md. Passwords
 * are checked by the engine (salted hashes, failed-attempt throttling and lock-out); roles come
 * from group memberships, a BPO lead's vendor from their account.
 */
@Component
class CamundaAuthenticationProvider implements AuthenticationProvider, AccountLookup {

  private final IdentityService identityService;

  CamundaAuthenticationProvider(IdentityService identityService) {
    this.identityService = identityService;
  }

  @Override
  public Authentication authenticate(Authentication authentication) {
    String username = authentication.getName();
    Object credentials = authentication.getCredentials();
    if (username == null || username.isBlank() || credentials == null) {
      throw new BadCredentialsException("Bad credentials");
    }
    if (!identityService.checkPassword(username, credentials.toString())) {
      throw new BadCredentialsException("Bad credentials");
    }
    StewardPrincipal principal = loadPrincipal(username);
    if (principal.roles().isEmpty()) {
      throw new BadCredentialsException("User has no Steward role");
    }
    List<SimpleGrantedAuthority> authorities =
        principal.roles().stream().map(r -> new SimpleGrantedAuthority(r.authority())).toList();
    return UsernamePasswordAuthenticationToken.authenticated(principal, null, authorities);
  }

  @Override
  public Optional<StewardPrincipal> current(String username) {
    if (identityService.createUserQuery().userId(username).count() == 0) {
      return Optional.empty();
    }
    return Optional.of(loadPrincipal(username));
  }

  StewardPrincipal loadPrincipal(String username) {
    User user = identityService.createUserQuery().userId(username).singleResult();
    Set<Role> roles = EnumSet.noneOf(Role.class);
    for (Group group : identityService.createGroupQuery().groupMember(username).list()) {
      Role.ofGroup(group.getId()).ifPresent(roles::add);
    }
    String vendorId = identityService.getUserInfo(username, UserAccounts.VENDOR_ID_INFO_KEY);
    String displayName = user == null ? username : UserAccounts.displayName(user);
    return new StewardPrincipal(username, displayName, roles, vendorId);
  }

  @Override
  public boolean supports(Class<?> authentication) {
    return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
  }
}
