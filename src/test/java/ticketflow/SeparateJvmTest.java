package ticketflow;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

/**
 * A test that starts ticketflow nodes as JVMs of their own and mostly waits on them (start-up, due timers, a kill).
 * Such test classes run beside the in-JVM tests (junit-platform.properties), so they take little of the suite's wall
 * time. They must not touch what this JVM's other tests share: Camunda's ClockUtil, Spring contexts, system
 * properties; a database of their own on the embedded PostgreSQL server is fine.
 *
 * <p>Each such class takes one of two lanes ({@link #LANE_A}, {@link #LANE_B}) with {@code @ResourceLock}: two classes
 * at a time at most, each with its methods in order; more nodes starting at once on two cores would slow each other
 * and the in-JVM tests beside them. Browser tests take both lanes, so no node starts beside a page under test.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Tag("cluster")
@Execution(ExecutionMode.CONCURRENT)
public @interface SeparateJvmTest {

  String LANE_A = "ticketflow.node-lane-a";
  String LANE_B = "ticketflow.node-lane-b";
}
