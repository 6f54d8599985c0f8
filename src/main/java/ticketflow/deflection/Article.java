package ticketflow.deflection;

import java.util.Set;

/** A knowledge-base article: the categories it serves ("*" for all) and the words it answers. */
public record Article(String id, String title, String summary, String url, Set<String> categories, Set<String> keywords) {
}
