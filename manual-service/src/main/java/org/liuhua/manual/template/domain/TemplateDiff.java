package org.liuhua.manual.template.domain;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What changed between two versions of a template, section by section and post by post, in words a safety officer
 * reads: which sections were added or removed, which items a section gained or lost, which posts' cards changed.
 */
public record TemplateDiff(String templateId, int from, int to, boolean titleChanged, List<SectionChange> sections,
                           List<PostChange> posts, List<String> summary) {

    public enum Change { ADDED, REMOVED, CHANGED, UNCHANGED }

    /** One section compared: its items added and removed (by text), and whether its heading changed. */
    public record SectionChange(String key, String heading, Change change, boolean headingChanged,
                                List<String> addedItems, List<String> removedItems) {
    }

    /** One post compared: the lines added to and removed from its proposed card. */
    public record PostChange(String key, String name, Change change, List<String> addedLines,
                             List<String> removedLines) {
    }

    /** The section keys that differ (for the published event). */
    public List<String> changedSectionKeys() {
        return sections.stream().filter(s -> s.change() != Change.UNCHANGED).map(SectionChange::key).toList();
    }

    public static TemplateDiff between(String templateId, TemplateVersion older, TemplateVersion newer) {
        TemplateContent a = older.content();
        TemplateContent b = newer.content();
        List<SectionChange> sections = new ArrayList<>();
        List<String> summary = new ArrayList<>();
        Map<String, Section> before = new LinkedHashMap<>();
        a.sections().forEach(s -> before.put(s.key(), s));
        Map<String, Section> after = new LinkedHashMap<>();
        b.sections().forEach(s -> after.put(s.key(), s));
        for (Section s : b.sections()) {
            Section old = before.get(s.key());
            if (old == null) {
                sections.add(new SectionChange(s.key(), s.heading(), Change.ADDED, false, texts(s.items()), List.of()));
                summary.add("新增章节「" + s.heading() + "」（" + s.items().size() + " 条）");
                continue;
            }
            List<String> added = minus(texts(s.items()), texts(old.items()));
            List<String> removed = minus(texts(old.items()), texts(s.items()));
            boolean headingChanged = !Objects.equals(old.heading(), s.heading());
            boolean changed = headingChanged || !added.isEmpty() || !removed.isEmpty()
                    || !old.items().equals(s.items());
            sections.add(new SectionChange(s.key(), s.heading(), changed ? Change.CHANGED : Change.UNCHANGED,
                    headingChanged, added, removed));
            if (changed) {
                StringBuilder line = new StringBuilder("章节「" + s.heading() + "」");
                if (headingChanged) {
                    line.append("标题由「").append(old.heading()).append("」改为「").append(s.heading()).append("」；");
                }
                added.forEach(t -> line.append("新增：").append(t).append("；"));
                removed.forEach(t -> line.append("删除：").append(t).append("；"));
                if (added.isEmpty() && removed.isEmpty() && !headingChanged) {
                    line.append("条目顺序或出处有调整；");
                }
                summary.add(line.toString());
            }
        }
        for (Section old : a.sections()) {
            if (!after.containsKey(old.key())) {
                sections.add(new SectionChange(old.key(), old.heading(), Change.REMOVED, false, List.of(),
                        texts(old.items())));
                summary.add("删除章节「" + old.heading() + "」");
            }
        }
        List<PostChange> posts = comparePosts(a.posts(), b.posts(), summary);
        boolean titleChanged = !Objects.equals(a.title(), b.title());
        if (titleChanged) {
            summary.add(0, "标题由「" + a.title() + "」改为「" + b.title() + "」");
        }
        return new TemplateDiff(templateId, older.number(), newer.number(), titleChanged, sections, posts, summary);
    }

    private static List<PostChange> comparePosts(List<TemplatePost> a, List<TemplatePost> b, List<String> summary) {
        Map<String, TemplatePost> before = new LinkedHashMap<>();
        a.forEach(p -> before.put(p.key(), p));
        List<PostChange> posts = new ArrayList<>();
        for (TemplatePost p : b) {
            TemplatePost old = before.remove(p.key());
            if (old == null) {
                posts.add(new PostChange(p.key(), p.name(), Change.ADDED, lines(p.card()), List.of()));
                summary.add("新增岗位「" + p.name() + "」");
                continue;
            }
            List<String> added = minus(lines(p.card()), lines(old.card()));
            List<String> removed = minus(lines(old.card()), lines(p.card()));
            boolean changed = !added.isEmpty() || !removed.isEmpty() || !Objects.equals(old.name(), p.name());
            posts.add(new PostChange(p.key(), p.name(), changed ? Change.CHANGED : Change.UNCHANGED, added, removed));
            if (changed) {
                summary.add("岗位「" + p.name() + "」的卡片有修改（新增 " + added.size() + " 条，删除 " + removed.size()
                        + " 条）");
            }
        }
        before.values().forEach(old -> {
            posts.add(new PostChange(old.key(), old.name(), Change.REMOVED, List.of(), lines(old.card())));
            summary.add("删除岗位「" + old.name() + "」");
        });
        return posts;
    }

    private static List<String> texts(List<SectionItem> items) {
        return items.stream().map(SectionItem::text).toList();
    }

    private static List<String> lines(PostCardParts card) {
        if (card == null) {
            return List.of();
        }
        List<String> all = new ArrayList<>();
        card.operatingProcedure().forEach(l -> all.add("操作规程：" + l));
        card.hazardsAndProtection().forEach(l -> all.add("危险因素及防护：" + l));
        card.emergencyResponse().forEach(l -> all.add("应急处置：" + l));
        card.protectiveEquipment().forEach(l -> all.add("防护用品：" + l));
        return all;
    }

    private static List<String> minus(List<String> a, List<String> b) {
        List<String> rest = new ArrayList<>(a);
        rest.removeAll(b);
        return rest;
    }
}
