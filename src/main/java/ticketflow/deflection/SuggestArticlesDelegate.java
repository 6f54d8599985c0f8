package ticketflow.deflection;

import java.util.List;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import ticketflow.ticket.Author;
import ticketflow.ticket.Conversation;
import ticketflow.ticket.Suggestions;
import ticketflow.ticket.Ticket;
import ticketflow.ticket.TicketDeflected;
import ticketflow.ticket.TicketRepository;
import ticketflow.ticket.TicketStatus;
import ticketflow.process.ModelContract.Beans;

/** BPMN {@code SuggestArticles}: answers a self-service ticket from the knowledge base and marks it deflected. */
@Component(Beans.SUGGEST_ARTICLES)
class SuggestArticlesDelegate implements JavaDelegate {

  private final ArticleSuggestionPolicy policy = new ArticleSuggestionPolicy();
  private final KnowledgeBase knowledgeBase;
  private final TicketRepository tickets;
  private final Suggestions suggestions;
  private final Conversation conversation;
  private final ApplicationEventPublisher events;

  SuggestArticlesDelegate(KnowledgeBase knowledgeBase, TicketRepository tickets, Suggestions suggestions, Conversation conversation,
      ApplicationEventPublisher events) {
    this.knowledgeBase = knowledgeBase;
    this.tickets = tickets;
    this.suggestions = suggestions;
    this.conversation = conversation;
    this.events = events;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Ticket ticket = tickets.find(execution.getProcessBusinessKey()).orElseThrow();
    List<Article> suggested = policy.suggest(ticket.category().name(), ticket.subject(), ticket.description(),
        knowledgeBase.all());
    suggestions.record(ticket.id(), suggested.stream().map(Article::id).toList());
    tickets.updateStatus(ticket.id(), TicketStatus.DEFLECTED);
    conversation.add(ticket.id(), Author.SYSTEM, ticket.channelReason() + "\nThese articles answer most questions like yours:\n"
        + suggested.stream().map(a -> "- " + a.title() + " (" + a.url() + ")").collect(Collectors.joining("\n")));
    events.publishEvent(new TicketDeflected(ticket));
  }
}
