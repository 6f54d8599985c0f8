package ticketflow.intake;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import ticketflow.channel.Channel;
import ticketflow.ticket.Category;
import ticketflow.ticket.Impact;
import ticketflow.ticket.Workaround;

/** A ticket as an intake client (portal, chat widget, phone IVR) submits it. */
record TicketRequest(
    @NotBlank @Size(max = 64) String accountId,
    @NotBlank @Email @Size(max = 320) String requesterEmail,
    @NotNull Channel channel,
    @NotNull Category category,
    @NotNull Impact impact,
    @NotNull Workaround workaround,
    @NotBlank @Size(min = 1, max = 200) String subject,
    @NotBlank @Size(min = 1, max = 20_000) String description,
    @Valid CallerVerificationRequest callerVerification) {

  /** What the phone caller typed in; checked once at intake and then forgotten. */
  record CallerVerificationRequest(
      @NotBlank @Pattern(regexp = "[0-9]{9,11}", message = "must be 9 to 11 digits") String personalMeetingId,
      @NotBlank @Size(max = 32) String hostKey) {

    @Override
    public String toString() {
      return "CallerVerificationRequest[personalMeetingId=" + personalMeetingId + ", hostKey=<hidden>]";
    }
  }

  /** Everything that identifies the request for idempotency, except the host key (never kept, not even hashed). */
  String fingerprint() {
    return String.join("\u0000", accountId, requesterEmail, channel.name(), category.name(), impact.name(),
        workaround.name(), subject, description,
        callerVerification == null ? "" : callerVerification.personalMeetingId());
  }
}
