package ticketflow.account;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import ticketflow.api.ApiException;

/** The account directory, for administrators. Host keys are write-only: a read says only whether one is set. */
@RestController
@Validated
@RequestMapping(path = "/api/accounts", produces = MediaType.APPLICATION_JSON_VALUE)
class AccountController {

  static final String ID_PATTERN = "[A-Za-z0-9][A-Za-z0-9._-]{0,63}";

  private final AccountRepository accounts;
  private final HostKeyHasher hasher;

  AccountController(AccountRepository accounts, HostKeyHasher hasher) {
    this.accounts = accounts;
    this.hasher = hasher;
  }

  @GetMapping("/{id}")
  AccountView get(@PathVariable @Pattern(regexp = ID_PATTERN, message = "must be 1-64 letters, digits, '.', '_' or '-'") String id) {
    return accounts.find(id).map(AccountView::of).orElseThrow(() -> ApiException.notFound("Account", id));
  }

  @PutMapping("/{id}")
  @Transactional
  ResponseEntity<AccountView> put(
      @PathVariable @Pattern(regexp = ID_PATTERN, message = "must be 1-64 letters, digits, '.', '_' or '-'") String id,
      @Valid @RequestBody AccountRequest request) {
    var emails = new HashSet<String>();
    for (int i = 0; i < request.members().size(); i++) {
      MemberRequest m = request.members().get(i);
      if (!emails.add(m.email().toLowerCase())) {
        throw ApiException.invalidField("members[" + i + "].email", "lists " + m.email() + " twice");
      }
    }
    Optional<Account> existing = accounts.find(id);
    List<Member> members = request.members().stream().map(m -> new Member(m.email(), m.role(), m.personalMeetingId(),
        m.hostKey() != null ? hasher.hash(m.hostKey())
            : existing.flatMap(a -> a.member(m.email())).map(Member::hostKeyHash).orElse(null))).toList();
    Account account = new Account(id, request.plan(), members);
    boolean created = accounts.save(account);
    AccountView view = AccountView.of(account);
    return created ? ResponseEntity.status(201).body(view) : ResponseEntity.ok(view);
  }

  record AccountRequest(@NotNull Plan plan, @NotNull @Size(max = 10_000) List<@Valid @NotNull MemberRequest> members) {
  }

  record MemberRequest(
      @NotBlank @Email @Size(max = 320) String email,
      @NotNull Role role,
      @Pattern(regexp = "[0-9]{9,11}", message = "must be 9 to 11 digits") String personalMeetingId,
      @Pattern(regexp = "[0-9]{6,10}", message = "must be 6 to 10 digits") String hostKey) {
  }

  record AccountView(String id, Plan plan, List<MemberView> members) {
    static AccountView of(Account a) {
      return new AccountView(a.id(), a.plan(), a.members().stream()
          .map(m -> new MemberView(m.email(), m.role(), m.personalMeetingId(), m.hostKeyHash() != null)).toList());
    }
  }

  record MemberView(String email, Role role, String personalMeetingId, boolean hostKeySet) {
  }
}
