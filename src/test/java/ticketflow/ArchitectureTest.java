package ticketflow;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The house rules of DESIGN §4 that a compiler does not check. */
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
}
