package dev.steward.identity;

import dev.steward.platform.CurrentUser;
import dev.steward.platform.StewardPrincipal;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Users", description = "Accounts in the one user store")
class UserController {

  private final UserAccounts accounts;
  private final IdentityService identityService;

  UserController(UserAccounts accounts, IdentityService identityService) {
    this.accounts = accounts;
    this.identityService = identityService;
  }

  @PostMapping("/api/users")
  @ResponseStatus(HttpStatus.CREATED)
  @Operation(summary = "Create a user (administrators)")
  UserView create(@Valid @RequestBody NewUser request) {
    return accounts.create(request, CurrentUser.get().username());
  }

  @GetMapping("/api/me")
  @Operation(summary = "The signed-in user, their roles and (for a BPO lead) their vendor")
  UserView me() {
    StewardPrincipal me = CurrentUser.get();
    boolean onCall =
        identityService
                .createGroupQuery()
                .groupMember(me.username())
                .groupId(IdentityBootstrap.ON_CALL_GROUP)
                .count()
            > 0;
    return UserAccounts.view(me, onCall);
  }
}
