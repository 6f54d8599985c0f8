package ticketflow.deflection;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Picks the articles that best answer a deflected ticket, from those of its category and the general ones ({@code *}):
 * those sharing the most keywords with its subject and description first, one of its category before a general one
 * sharing as many; at most {@link #MAX}, and none when no article is of its category or general.
 */
public final class ArticleSuggestionPolicy {

  public static final int MAX = 3;

  public List<Article> suggest(String category, String subject, String description, List<Article> articles) {
    Set<String> words = Arrays.stream((subject + " " + description).toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+"))
        .filter(w -> w.length() > 2).collect(Collectors.toSet());
    record Scored(Article article, long score) {
    }
    List<Scored> scored = articles.stream()
        .filter(a -> a.categories().contains(category) || a.categories().contains("*"))
        .map(a -> new Scored(a, a.keywords().stream().filter(words::contains).count() * 2
            + (a.categories().contains(category) ? 1 : 0)))
        .sorted(Comparator.comparingLong(Scored::score).reversed().thenComparing(s -> s.article().id()))
        .toList();
    return scored.stream().limit(MAX).map(Scored::article).toList();
  }
}
