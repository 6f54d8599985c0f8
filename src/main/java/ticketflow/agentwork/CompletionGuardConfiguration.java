package ticketflow.agentwork;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import ticketflow.macro.CannedReplies;

@Configuration
class CompletionGuardConfiguration {

  /** After engine REST's login filter (order 10, see SecurityConfiguration), so the caller is known. */
  @Bean
  FilterRegistrationBean<CompletionGuard> completionGuard(TaskService tasks, IdentityService identity, ObjectMapper json,
      CannedReplies cannedReplies) {
    var registration = new FilterRegistrationBean<>(new CompletionGuard(tasks, identity, json, cannedReplies::exists));
    registration.setName("agent-task-completion-guard");
    registration.addUrlPatterns("/engine-rest/task/*");
    registration.setOrder(20);
    return registration;
  }
}
