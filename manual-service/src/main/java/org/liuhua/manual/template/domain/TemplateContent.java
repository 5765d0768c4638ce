package org.liuhua.manual.template.domain;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.liuhua.kit.domain.FieldProblem;
import org.liuhua.kit.domain.InvalidInputException;

/** What a template version says: its title, structured sections and the typical posts with their proposed cards. */
public record TemplateContent(String title, List<Section> sections, List<TemplatePost> posts) {

    public TemplateContent {
        sections = sections == null ? List.of() : List.copyOf(sections);
        posts = posts == null ? List.of() : List.copyOf(posts);
    }

    /** Refuses content that is not a usable handbook, naming each problem. */
    public TemplateContent checked() {
        List<FieldProblem> problems = new ArrayList<>();
        if (title == null || title.isBlank()) {
            problems.add(new FieldProblem("title", "a template needs a title"));
        }
        if (sections.isEmpty() && posts.isEmpty()) {
            problems.add(new FieldProblem("sections", "a template needs at least one section or post"));
        }
        Set<String> keys = new HashSet<>();
        for (int i = 0; i < sections.size(); i++) {
            Section section = sections.get(i);
            String at = "sections[" + i + "]";
            if (section.key() == null || section.key().isBlank()) {
                problems.add(new FieldProblem(at + ".key", "a section needs a key"));
            } else if (!keys.add(section.key())) {
                problems.add(new FieldProblem(at + ".key", "section key '" + section.key() + "' is used twice"));
            }
            if (section.heading() == null || section.heading().isBlank()) {
                problems.add(new FieldProblem(at + ".heading", "a section needs a heading"));
            }
            for (int j = 0; j < section.items().size(); j++) {
                SectionItem item = section.items().get(j);
                if (item == null || item.text() == null || item.text().isBlank()) {
                    problems.add(new FieldProblem(at + ".items[" + j + "].text", "an item needs its text"));
                }
            }
        }
        Set<String> postKeys = new HashSet<>();
        for (int i = 0; i < posts.size(); i++) {
            TemplatePost post = posts.get(i);
            if (post.key() == null || post.key().isBlank() || !postKeys.add(post.key())) {
                problems.add(new FieldProblem("posts[" + i + "].key", "a post needs a key of its own"));
            }
            if (post.name() == null || post.name().isBlank()) {
                problems.add(new FieldProblem("posts[" + i + "].name", "a post needs a name"));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        return this;
    }
}
