package ticketflow.agentwork;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import ticketflow.process.ModelContract.AgentTask;

/** What a completion and a variable write through an agent task may carry, without an engine. */
class TaskVariablesPolicyTest {

  final TaskVariablesPolicy policy = new TaskVariablesPolicy();
  final Map<String, Object> current = new HashMap<>(Map.of("ticketId", "TF-1001", "priority", "P3", "queue", "support-web",
      "subject", "Recording does not start", "conversation", "Customer: it fails\nAgent: try again", "escalationLevel", 1));

  @Test
  void aCompletionWithItsAnswerOnlyLeavesNothingOut() {
    assertThat(policy.unchangedDisplayFields(AgentTask.FIRST_RESPONSE, "First response",
        given("reply", "Update to 6.3", "action", "PROPOSE_SOLUTION", "newPriority", "P2", "priorityReason", "VIP"), current::get))
        .isEmpty();
  }

  @Test
  void shownFieldsSentBackUnchangedAreLeftOutEvenWithTheBrowsersLineBreaksOrAsEmptyText() {
    assertThat(policy.unchangedDisplayFields(AgentTask.FIRST_RESPONSE, "First response", given("reply", "Hi", "action",
        "REPLY_AND_WAIT", "ticketId", "TF-1001", "priority", "P3", "conversation", "Customer: it fails\r\nAgent: try again",
        "plan", ""), current::get))
        .containsExactlyInAnyOrder("ticketId", "priority", "conversation", "plan");
  }

  @Test
  void whatGatewaysTimersAndCandidateGroupsReadIsRefusedNamingEachVariableAndWhatToDoInstead() {
    assertThatThrownBy(() -> policy.unchangedDisplayFields(AgentTask.FIRST_RESPONSE, "First response",
        given("reply", "Hi", "action", "REPLY_AND_WAIT", "queue", "sales", "priority", "P4", "escalationLevel", 0), current::get))
        .isInstanceOf(TaskVariablesPolicy.UndeclaredVariables.class)
        .hasMessage("Variable 'queue' cannot be set when completing First response; a ticket's queue is decided by routing."
            + " Variable 'priority' is shown for reading in First response and cannot be changed by completing it (reload the"
            + " task if the ticket changed since it was opened); change the priority with newPriority and priorityReason, or"
            + " with a reason at POST /api/tickets/TF-1001/priority."
            + " Variable 'escalationLevel' cannot be set when completing First response; due dates and escalation follow the"
            + " ticket's commitments."
            + " Declared: reply, action, newPriority, priorityReason, macro, note.");
  }

  @Test
  void engineeringTakesOnlyItsFindingsAndSeesTheAgentsAnswerAsUndeclared() {
    assertThat(policy.unchangedDisplayFields(AgentTask.INVESTIGATE_ISSUE, "Investigate issue",
        given("engineeringNotes", "Fixed in 6.3"), current::get)).isEmpty();
    assertThatThrownBy(() -> policy.unchangedDisplayFields(AgentTask.INVESTIGATE_ISSUE, "Investigate issue",
        given("engineeringNotes", "Fixed in 6.3", "reply", "Dear customer"), current::get))
        .hasMessage("Variable 'reply' cannot be set when completing Investigate issue; it is no part of this task's answer."
            + " Declared: engineeringNotes.");
  }

  @Test
  void theEngineeringNotesAreShownInWorkTicketAndCannotBeRewrittenThere() {
    current.put("engineeringNotes", "Root cause: codec");
    assertThat(policy.unchangedDisplayFields(AgentTask.WORK_TICKET, "Work ticket",
        given("reply", "Hi", "action", "REPLY_AND_WAIT", "engineeringNotes", "Root cause: codec"), current::get))
        .containsExactly("engineeringNotes");
    assertThatThrownBy(() -> policy.unchangedDisplayFields(AgentTask.WORK_TICKET, "Work ticket",
        given("reply", "Hi", "action", "REPLY_AND_WAIT", "engineeringNotes", "Nothing found"), current::get))
        .hasMessageStartingWith("Variable 'engineeringNotes' is shown for reading in Work ticket");
  }

  @Test
  void aShownFieldThatHadNoValueIsRefusedWhenOneIsSent() {
    assertThatThrownBy(() -> policy.unchangedDisplayFields(AgentTask.FIRST_RESPONSE, "First response",
        given("reply", "Hi", "action", "REPLY_AND_WAIT", "category", "BILLING"), current::get))
        .hasMessageContaining("Variable 'category' is shown for reading");
  }

  @Test
  void theTicketViewSentBackWithItsBoundFieldsUnchangedIsLeftOutAndAChangedFieldIsNamed() {
    current.put("ticket", "{\"subject\":\"Recording does not start\",\"conversation\":\"Customer: it fails\\nAgent: hi\","
        + "\"notes\":null,\"cannedReplies\":[{\"label\":\"Hello\",\"value\":\"hello\"}]}");
    assertThat(policy.unchangedDisplayFields(AgentTask.FIRST_RESPONSE, "First response", given("reply", "Hi", "action",
        "REPLY_AND_WAIT", "ticket", "{\"subject\":\"Recording does not start\",\"conversation\":\"Customer: it fails\\r\\nAgent: hi\","
        + "\"notes\":\"\"}"), current::get))
        .containsExactly("ticket");
    // The Java API gives the deserialized object.
    current.put("ticket", Map.of("subject", "Recording does not start", "plan", "PRO"));
    assertThat(policy.unchangedDisplayFields(AgentTask.WORK_TICKET, "Work ticket", given("reply", "Hi", "action", "REPLY_AND_WAIT",
        "ticket", Map.of("plan", "PRO")), current::get)).containsExactly("ticket");
    assertThatThrownBy(() -> policy.unchangedDisplayFields(AgentTask.FIRST_RESPONSE, "First response", given("reply", "Hi",
        "action", "REPLY_AND_WAIT", "ticket", "{\"subject\":\"Something else\",\"plan\":\"ENTERPRISE\",\"queue\":\"sales\"}"),
        current::get))
        .isInstanceOf(TaskVariablesPolicy.UndeclaredVariables.class)
        .hasMessage("Variable 'ticket.subject' is shown for reading in First response and cannot be changed by completing it"
            + " (reload the task if the ticket changed since it was opened); the ticket's own record is its source: it changes"
            + " through intake and the customer's messages."
            + " Variable 'ticket.plan' is shown for reading in First response and cannot be changed by completing it"
            + " (reload the task if the ticket changed since it was opened); the ticket's own record is its source: it changes"
            + " through intake and the customer's messages."
            + " Variable 'ticket.queue' is shown for reading in First response and cannot be changed by completing it"
            + " (reload the task if the ticket changed since it was opened); a ticket's queue is decided by routing."
            + " Declared: reply, action, newPriority, priorityReason, macro, note.");
    assertThatThrownBy(() -> policy.unchangedDisplayFields(AgentTask.FIRST_RESPONSE, "First response", given("reply", "Hi",
        "action", "REPLY_AND_WAIT", "ticket", "not an object"), current::get))
        .hasMessageStartingWith("Variable 'ticket' is shown for reading in First response");
  }

  @Test
  void aVariableWriteThroughTheTaskSaysToCompleteItAndWhatDecidesTheNamedVariables() {
    assertThat(policy.variableWriteRefusal(AgentTask.FIRST_RESPONSE, "First response", "TF-1001", List.of("queue", "reply")))
        .isEqualTo("Variables of First response cannot be set or removed by agents ('queue', 'reply'): complete the task with"
            + " its answer (reply, action, newPriority, priorityReason, macro, note) instead. A ticket's queue is decided by routing.");
  }

  @Test
  void errorsAndEscalationsAreNoWayOutOfAnAgentTask() {
    assertThat(policy.outsideCompletionRefusal(AgentTask.INVESTIGATE_ISSUE, "Investigate issue", "throw a BPMN error"))
        .isEqualTo("Investigate issue ends only when completed with its answer (engineeringNotes); agents cannot throw a BPMN"
            + " error on it.");
  }

  private static Map<String, Object> given(Object... pairs) {
    Map<String, Object> given = new LinkedHashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      given.put((String) pairs[i], pairs[i + 1]);
    }
    return given;
  }
}
