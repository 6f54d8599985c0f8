package ticketflow.channel;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import ticketflow.account.Plan;
import ticketflow.account.Role;

/**
 * The channel policy (README, "The process"): plan, role and category decide which
 * channels a requester is entitled to, and the requester is served on the channel they asked for when entitled,
 * otherwise on the best one they have. bpmn/entitlement.dmn is asked for every plan, role and category and its
 * answer is compared with the policy restated below in plain Java.
 */
@DisplayName("Requesters get the channels their plan and role entitle them to, and are served on the best of them")
class EntitlementDecisionTest {

  private static final List<String> CATEGORIES =
      List.of("TECHNICAL", "ACCOUNT", "ABUSE_REPORT", "BILLING_DISCREPANCY", "SALES_INQUIRY");

  /** The order in which the policy prefers channels when the requested one is not entitled. */
  private static final List<Channel> BEST_FIRST =
      List.of(Channel.PHONE, Channel.CHAT, Channel.WEB, Channel.CHATBOT, Channel.SELF_SERVICE);

  private static DmnEngine engine;
  private static DmnDecision entitlement;

  @BeforeAll
  static void parseTheDecisionFromTheModelFolder() throws IOException {
    engine = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
    try (InputStream model = Files.newInputStream(Path.of("bpmn", "entitlement.dmn"))) {
      entitlement = engine.parseDecision("entitlement", model);
    }
  }

  @ParameterizedTest(name = "{1} on {0} asking about {2}")
  @MethodSource("everyPlanRoleAndCategory")
  void planRoleAndCategoryDecideTheEntitledChannels(Plan plan, Role role, String category) {
    assertThat(entitledByTheDecision(plan, role, category))
        .containsExactlyInAnyOrderElementsOf(entitledByThePolicy(plan, role, category));
  }

  @ParameterizedTest(name = "{1} on {0} asking about {3} by {2}")
  @MethodSource("everyPlanRoleRequestedChannelAndCategory")
  void requesterIsServedOnTheRequestedChannelWhenEntitledOtherwiseOnTheBestEntitledOne(
      Plan plan, Role role, Channel requested, String category) {
    Set<Channel> entitled = entitledByThePolicy(plan, role, category);
    Channel expected = entitled.contains(requested)
        ? requested
        : BEST_FIRST.stream().filter(entitled::contains).findFirst().orElseThrow();

    ChannelAssignment assignment = new ChannelAssignmentPolicy()
        .assign(requested, entitledByTheDecision(plan, role, category), CallerVerification.PASSED);

    assertThat(assignment.requested()).isEqualTo(requested);
    assertThat(assignment.assigned()).isEqualTo(expected);
    assertThat(assignment.deflected())
        .as("deflected exactly when served by the chatbot or the knowledge base")
        .isEqualTo(expected == Channel.CHATBOT || expected == Channel.SELF_SERVICE);
    assertThat(assignment.reason()).isNotBlank();
  }

  @Test
  void businessOwnerWhoseCallerVerificationFailsIsServedByChatAndTheTicketSaysWhy() {
    ChannelAssignment assignment = new ChannelAssignmentPolicy().assign(
        Channel.PHONE, entitledByTheDecision(Plan.BUSINESS, Role.OWNER, "TECHNICAL"), CallerVerification.FAILED);

    assertThat(assignment.requested()).isEqualTo(Channel.PHONE);
    assertThat(assignment.assigned()).isEqualTo(Channel.CHAT);
    assertThat(assignment.deflected()).isFalse();
    assertThat(assignment.reason()).contains("verification failed");
  }

  /** What bpmn/entitlement.dmn grants; a channel granted by several rows counts once. */
  private static Set<Channel> entitledByTheDecision(Plan plan, Role role, String category) {
    List<String> channels = engine.evaluateDecisionTable(entitlement, Variables.createVariables()
            .putValue("plan", plan.name())
            .putValue("role", role.name())
            .putValue("category", category))
        .collectEntries("channel");
    return channels.stream().map(Channel::valueOf).collect(Collectors.toCollection(() -> EnumSet.noneOf(Channel.class)));
  }

  /** The policy table, restated independently of the DMN. */
  private static Set<Channel> entitledByThePolicy(Plan plan, Role role, String category) {
    Set<Channel> channels = EnumSet.of(Channel.SELF_SERVICE, Channel.CHATBOT);
    boolean paidPlan = plan != Plan.FREE;
    boolean ownerOrAdmin = role == Role.OWNER || role == Role.ADMIN;
    boolean planWithPhone = plan == Plan.BUSINESS || plan == Plan.EDUCATION || plan == Plan.ENTERPRISE || plan == Plan.API;
    if (paidPlan && role == Role.LICENSED) {
      channels.add(Channel.WEB);
    }
    if (plan == Plan.PRO && ownerOrAdmin) {
      channels.addAll(List.of(Channel.WEB, Channel.CHAT));
    }
    if (planWithPhone && ownerOrAdmin) {
      channels.addAll(List.of(Channel.WEB, Channel.CHAT, Channel.PHONE));
    }
    if (category.equals("ABUSE_REPORT") || category.equals("BILLING_DISCREPANCY") || category.equals("SALES_INQUIRY")) {
      channels.add(Channel.WEB);
    }
    return channels;
  }

  static Stream<Arguments> everyPlanRoleAndCategory() {
    return Stream.of(Plan.values()).flatMap(plan -> Stream.of(Role.values()).flatMap(role -> CATEGORIES.stream()
        .map(category -> Arguments.of(plan, role, category))));
  }

  static Stream<Arguments> everyPlanRoleRequestedChannelAndCategory() {
    return Stream.of(Plan.values()).flatMap(plan -> Stream.of(Role.values()).flatMap(role -> Stream.of(Channel.values())
        .flatMap(requested -> CATEGORIES.stream().map(category -> Arguments.of(plan, role, requested, category)))));
  }
}
