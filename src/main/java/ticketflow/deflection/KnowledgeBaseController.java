package ticketflow.deflection;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import ticketflow.api.ApiException;

/** Admins read and extend the knowledge base that deflected tickets are answered from. */
@RestController
@Validated
@RequestMapping(path = "/api/knowledge-base/articles", produces = MediaType.APPLICATION_JSON_VALUE)
class KnowledgeBaseController {

  private static final String ID = "[a-z0-9][a-z0-9-]{0,63}";

  private final KnowledgeBase knowledgeBase;

  KnowledgeBaseController(KnowledgeBase knowledgeBase) {
    this.knowledgeBase = knowledgeBase;
  }

  @GetMapping
  List<Article> all() {
    return knowledgeBase.all();
  }

  @GetMapping("/{id}")
  Article get(@PathVariable @Pattern(regexp = ID, message = "must be lowercase letters, digits and '-'") String id) {
    return knowledgeBase.find(id).orElseThrow(() -> ApiException.notFound("Article", id));
  }

  @PutMapping("/{id}")
  ResponseEntity<Article> put(@PathVariable @Pattern(regexp = ID, message = "must be lowercase letters, digits and '-'") String id,
      @Valid @RequestBody ArticleRequest body) {
    Article article = new Article(id, body.title(), body.summary(), body.url(), new LinkedHashSet<>(body.categories()),
        lower(body.keywords()));
    boolean created = knowledgeBase.save(article);
    return created ? ResponseEntity.status(201).body(article) : ResponseEntity.ok(article);
  }

  private static Set<String> lower(List<String> values) {
    Set<String> lowered = new LinkedHashSet<>();
    values.forEach(v -> lowered.add(v.trim().toLowerCase()));
    return lowered;
  }

  record ArticleRequest(
      @NotBlank @Size(max = 200) String title,
      @NotBlank @Size(max = 1000) String summary,
      @NotBlank @Size(max = 500) @Pattern(regexp = "(https?://|/)[^\\s<>\"]*", message = "must be an http(s) address or a path starting with /") String url,
      @NotEmpty @Size(max = 10) List<@Pattern(regexp = "\\*|TECHNICAL|ACCOUNT|ABUSE_REPORT|BILLING_DISCREPANCY|SALES_INQUIRY",
          message = "must be * or a ticket category") String> categories,
      @NotEmpty @Size(max = 50) List<@Pattern(regexp = "[\\p{L}\\p{N}]{3,40}", message = "must be one word of 3 to 40 letters or digits") String> keywords) {
  }
}
