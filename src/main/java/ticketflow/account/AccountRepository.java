package ticketflow.account;

import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import ticketflow.database.TransactionMemo;

/** The account directory in ticketflow's own tables. */
@Repository
public class AccountRepository {

  private final JdbcTemplate jdbc;
  private final Clock clock;

  AccountRepository(JdbcTemplate jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  /** The account; read once per transaction, as intake asks for it at several steps (entitlement, channel, forms). */
  public Optional<Account> find(String id) {
    return TransactionMemo.<String, Optional<Account>>of(this).computeIfAbsent(id, this::read);
  }

  private Optional<Account> read(String id) {
    List<Plan> plans = jdbc.query("select plan from tf_account where id = ?", (rs, row) -> Plan.valueOf(rs.getString(1)), id);
    if (plans.isEmpty()) {
      return Optional.empty();
    }
    List<Member> members = jdbc.query(
        "select email, role, personal_meeting_id, host_key_hash from tf_account_member where account_id = ? order by email",
        (rs, row) -> new Member(rs.getString(1), Role.valueOf(rs.getString(2)), rs.getString(3), rs.getString(4)), id);
    return Optional.of(new Account(id, plans.get(0), members));
  }

  /** Replaces the account and its members; returns true when the account is new. */
  public boolean save(Account account) {
    TransactionMemo.of(this).remove(account.id());
    var now = clock.instant().atOffset(ZoneOffset.UTC);
    boolean created = jdbc.update("update tf_account set plan = ?, updated_at = ? where id = ?", account.plan().name(), now, account.id()) == 0;
    if (created) {
      jdbc.update("insert into tf_account (id, plan, updated_at) values (?,?,?)", account.id(), account.plan().name(), now);
    }
    jdbc.update("delete from tf_account_member where account_id = ?", account.id());
    for (Member m : account.members()) {
      jdbc.update("insert into tf_account_member (account_id, email, role, personal_meeting_id, host_key_hash) values (?,?,?,?,?)",
          account.id(), m.email(), m.role().name(), m.personalMeetingId(), m.hostKeyHash());
    }
    return created;
  }

  /** The person leaves every account they belong to (any case of the address); answers how many memberships went. */
  public int removeMember(String email) {
    TransactionMemo.of(this).clear();
    return jdbc.update("delete from tf_account_member where lower(email) = lower(?)", email);
  }
}
