package ticketflow;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.api.parallel.ResourceLock;

/**
 * A test that starts ticketflow nodes as JVMs of their own and mostly waits on them (start-up, due timers, a kill).
 * Such test classes run beside the in-JVM tests (junit-platform.properties), so they take little of the suite's wall
 * time. They must not touch what this JVM's other tests share: Camunda's ClockUtil, Spring contexts, system
 * properties; a database of their own on the embedded PostgreSQL server is fine.
 *
 * <p>One such class at a time, its methods in order (the lock): more nodes starting at once on two cores slow each
 * other and the in-JVM tests beside them.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Tag("cluster")
@Execution(ExecutionMode.CONCURRENT)
@ResourceLock(SeparateJvmTest.NODES)
public @interface SeparateJvmTest {

  /** The lock these tests take; browser tests take it too, so no node starts beside a page under test. */
  String NODES = "ticketflow.separate-jvm-nodes";
}
