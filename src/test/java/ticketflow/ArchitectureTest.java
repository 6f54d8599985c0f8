package ticketflow;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The house rules that a compiler does not check: domain code free of frameworks, and rooms without cycles. */
@AnalyzeClasses(packages = "ticketflow", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

  /** Rules (*Policy), enums and top-level records; web types and the security adapter's Caller are not domain. */
  static final DescribedPredicate<JavaClass> DOMAIN = DescribedPredicate.describe("domain code", c ->
      !c.getPackageName().equals("ticketflow.security")
          && (c.getSimpleName().endsWith("Policy") || c.isEnum()
          || (c.isRecord() && c.isTopLevelClass() && !c.getSimpleName().endsWith("View") && !c.getSimpleName().endsWith("Request"))));

  /** Policies, value types and enums are plain Java: no framework decides a business rule. */
  @ArchTest
  static final ArchRule domainCodeIsFreeOfSpringAndCamunda = noClasses()
      .that(DOMAIN)
      .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "org.camunda..", "jakarta..");

  /** Delegates stay thin: they talk to domain code and repositories, never to the web layer. */
  @ArchTest
  static final ArchRule delegatesDoNotUseTheWebLayer = noClasses()
      .that().haveSimpleNameEndingWith("Delegate").or().haveSimpleNameEndingWith("Listener")
      .should().dependOnClassesThat().haveSimpleNameEndingWith("Controller");

  /** Controllers do not reach into the engine's internals. */
  @ArchTest
  static final ArchRule controllersDoNotUseEngineImplementation = noClasses()
      .that().haveSimpleNameEndingWith("Controller")
      .should().dependOnClassesThat().resideInAnyPackage("org.camunda.bpm.engine.impl..");

  /** Every class lives in a feature package. */
  @ArchTest
  static final ArchRule featurePackages = classes()
      .that().doNotHaveSimpleName("TicketflowApplication")
      .should().resideInAnyPackage("ticketflow.*");

  private static final String[] OTHER_THAN_PROCESS = {"ticketflow.account..", "ticketflow.agentwork..", "ticketflow.api..",
      "ticketflow.assignment..", "ticketflow.calendar..", "ticketflow.channel..", "ticketflow.database..", "ticketflow.deflection..",
      "ticketflow.demo..", "ticketflow.intake..", "ticketflow.lifecycle..", "ticketflow.macro..", "ticketflow.migration..",
      "ticketflow.note..", "ticketflow.notification..", "ticketflow.report..", "ticketflow.retention..", "ticketflow.satisfaction..",
      "ticketflow.security..", "ticketflow.sla..",
      "ticketflow.ticket..", "ticketflow.timeline.."};

  /** The rooms depend one way: no package reaches back, however long the way round. */
  @ArchTest
  static final ArchRule noPackageCycles = slices().matching("ticketflow.(*)..").should().beFreeOfCycles();

  /** The process kernel (process key, variables, task keys, engine access, clock) stands on nothing of ticketflow. */
  @ArchTest
  static final ArchRule processKernelIsALeaf = noClasses().that().resideInAPackage("ticketflow.process..")
      .should().dependOnClassesThat().resideInAnyPackage(OTHER_THAN_PROCESS);

  /** The BPMN glue is called by the engine only. */
  @ArchTest
  static final ArchRule nobodyUsesTheLifecycleGlue = noClasses().that().resideOutsideOfPackage("ticketflow.lifecycle..")
      .should().dependOnClassesThat().resideInAPackage("ticketflow.lifecycle..");

  /** Tickets, accounts, channels and calendars are the ground floor: they know nothing of the floors above. */
  @ArchTest
  static final ArchRule groundFloorKnowsNothingAbove = noClasses()
      .that().resideInAnyPackage("ticketflow.ticket..", "ticketflow.account..", "ticketflow.channel..", "ticketflow.calendar..")
      .should().dependOnClassesThat().resideInAnyPackage("ticketflow.sla..", "ticketflow.agentwork..", "ticketflow.assignment..",
          "ticketflow.lifecycle..", "ticketflow.intake..", "ticketflow.deflection..", "ticketflow.notification..", "ticketflow.report..",
          "ticketflow.demo..", "ticketflow.migration..", "ticketflow.note..", "ticketflow.macro..", "ticketflow.timeline..",
          "ticketflow.retention..", "ticketflow.satisfaction..");

  /**
   * Notes, canned replies, the timeline and customer satisfaction stand on the tickets (the upper ground floor): the
   * steps and reactions use them, they know nothing of rules, steps or reactions. The ticket's view finds notes through
   * {@code ticket.StaffNotes} and scores through {@code ticket.SatisfactionScores}; the timeline hears of the others
   * through {@code TimelineEvent}s they publish.
   */
  @ArchTest
  static final ArchRule notesMacrosAndTimelineKnowNothingAbove = noClasses()
      .that().resideInAnyPackage("ticketflow.note..", "ticketflow.macro..", "ticketflow.timeline..", "ticketflow.satisfaction..")
      .should().dependOnClassesThat().resideInAnyPackage("ticketflow.sla..", "ticketflow.agentwork..", "ticketflow.assignment..",
          "ticketflow.lifecycle..", "ticketflow.intake..", "ticketflow.deflection..", "ticketflow.migration..",
          "ticketflow.notification..", "ticketflow.report..", "ticketflow.demo..", "ticketflow.retention..");

  /** Calendars are plain time arithmetic: nothing of ticketflow, and no framework outside their configuration. */
  @ArchTest
  static final ArchRule calendarsArePlainJava = noClasses().that().resideInAPackage("ticketflow.calendar..")
      .and().haveSimpleNameNotEndingWith("Configuration").and().haveSimpleNameNotEndingWith("Properties")
      .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "org.camunda..", "ticketflow.process..",
          "ticketflow.ticket..", "ticketflow.sla..");

  /** Mail and metrics react to the lifecycle's events; no step calls them. */
  @ArchTest
  static final ArchRule stepsDoNotCallMailOrMetrics = noClasses()
      .that().resideInAnyPackage("ticketflow.lifecycle..", "ticketflow.sla..", "ticketflow.agentwork..", "ticketflow.assignment..",
          "ticketflow.deflection..", "ticketflow.intake..", "ticketflow.migration..", "ticketflow.retention..", "ticketflow.ticket..",
          "ticketflow.note..", "ticketflow.macro..", "ticketflow.timeline..", "ticketflow.satisfaction..")
      .should().dependOnClassesThat().resideInAnyPackage("ticketflow.notification..", "ticketflow.report..");

}
