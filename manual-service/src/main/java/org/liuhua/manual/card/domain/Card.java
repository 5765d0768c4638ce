package org.liuhua.manual.card.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntPredicate;

import org.liuhua.kit.domain.AggregateRoot;
import org.liuhua.kit.domain.FieldProblem;
import org.liuhua.kit.domain.InvalidInputException;

/**
 * A one-page card (M-3) of an establishment (a post safety card belongs to one of its posts) or of an industrial
 * cluster. Every part its kind requires has at least one line; everything fits one printed A4 page; every character
 * can be printed in the card font. Revising it raises its revision (staff acknowledge a revision).
 */
public class Card extends AggregateRoot {

    /** Most lines a part may have, and most characters on the whole card: what fits one A4 page. */
    public static final int MAX_LINES_PER_PART = 10;
    public static final int MAX_CHARACTERS = 1200;

    private String id;
    private CardKind kind;
    private String establishmentId;
    private String clusterId;
    private String townId;
    private String departmentId;
    private String ownerName;
    private String postKey;
    private String postName;
    private String title;
    private Map<String, List<String>> parts = new LinkedHashMap<>();
    private boolean publicCard;
    private int revision;
    private String issuedBy;
    private Instant issuedAt;
    private String revisedBy;
    private Instant revisedAt;

    Card() {
    }

    /** Where a card hangs: an establishment (and one of its posts) or a cluster. */
    public record Owner(String establishmentId, String clusterId, String townId, String departmentId, String name,
                        String postKey, String postName) {
    }

    /**
     * Issues a card; refuses it with a 400 naming every missing part ({@code parts.<part>}) and every line that
     * cannot be printed.
     *
     * @param printable whether the card font has a glyph for a code point
     */
    public static Card issue(String id, CardKind kind, Owner owner, String title, Map<String, List<String>> parts,
                             boolean publicCard, IntPredicate printable, String by, Instant now) {
        Card card = new Card();
        card.id = id;
        card.kind = kind;
        card.establishmentId = owner.establishmentId();
        card.clusterId = owner.clusterId();
        card.townId = owner.townId();
        card.departmentId = owner.departmentId();
        card.ownerName = owner.name();
        card.postKey = owner.postKey();
        card.postName = owner.postName();
        card.title = title == null || title.isBlank() ? defaultTitle(kind, owner) : title.strip();
        card.parts = checked(kind, parts, card.title, printable);
        card.publicCard = publicCard;
        card.revision = 1;
        card.issuedBy = by;
        card.issuedAt = now;
        card.revisedBy = by;
        card.revisedAt = now;
        return card;
    }

    /** Replaces the card's text; the revision goes up. */
    public void revise(String newTitle, Map<String, List<String>> newParts, boolean makePublic,
                       IntPredicate printable, String by, Instant now) {
        String t = newTitle == null || newTitle.isBlank() ? title : newTitle.strip();
        this.parts = checked(kind, newParts, t, printable);
        this.title = t;
        this.publicCard = makePublic;
        this.revision++;
        this.revisedBy = by;
        this.revisedAt = now;
    }

    private static String defaultTitle(CardKind kind, Owner owner) {
        return (owner.postName() != null ? owner.postName() : owner.name() == null ? "" : owner.name()) + kind.title();
    }

    static Map<String, List<String>> checked(CardKind kind, Map<String, List<String>> given, String title,
                                             IntPredicate printable) {
        List<FieldProblem> problems = new ArrayList<>();
        Map<String, List<String>> parts = new LinkedHashMap<>();
        int characters = title.length();
        for (String key : kind.partKeys()) {
            List<String> lines = given == null || given.get(key) == null ? List.of()
                    : given.get(key).stream().filter(l -> l != null && !l.isBlank()).map(String::strip).toList();
            if (lines.isEmpty()) {
                problems.add(new FieldProblem("parts." + key, "the card needs its part " + kind.heading(key)
                        + " (" + key + ")"));
                continue;
            }
            if (lines.size() > MAX_LINES_PER_PART) {
                problems.add(new FieldProblem("parts." + key, "at most " + MAX_LINES_PER_PART
                        + " lines, so that the card fits one page"));
            }
            for (int i = 0; i < lines.size(); i++) {
                String unprintable = unprintable(lines.get(i), printable);
                if (!unprintable.isEmpty()) {
                    problems.add(new FieldProblem("parts." + key + "[" + i + "]", "cannot be printed: "
                            + unprintable));
                }
                characters += lines.get(i).length();
            }
            parts.put(key, lines);
        }
        if (given != null) {
            given.keySet().stream().filter(k -> !kind.partKeys().contains(k)).forEach(k -> problems.add(
                    new FieldProblem("parts." + k, "a " + kind + " card has the parts " + kind.partKeys())));
        }
        String unprintableTitle = unprintable(title, printable);
        if (!unprintableTitle.isEmpty()) {
            problems.add(new FieldProblem("title", "cannot be printed: " + unprintableTitle));
        }
        if (characters > MAX_CHARACTERS) {
            problems.add(new FieldProblem("parts", "at most " + MAX_CHARACTERS
                    + " characters in all, so that the card fits one page (" + characters + " given)"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        return parts;
    }

    private static String unprintable(String text, IntPredicate printable) {
        StringBuilder bad = new StringBuilder();
        text.codePoints().filter(cp -> Character.isISOControl(cp) || !printable.test(cp)).distinct()
                .forEach(cp -> bad.append(String.format("U+%04X ", cp)));
        return bad.toString().trim();
    }

    @Override
    public String aggregateId() {
        return id;
    }

    public String id() {
        return id;
    }

    public CardKind kind() {
        return kind;
    }

    public String establishmentId() {
        return establishmentId;
    }

    public String clusterId() {
        return clusterId;
    }

    public String townId() {
        return townId;
    }

    public String departmentId() {
        return departmentId;
    }

    public String ownerName() {
        return ownerName;
    }

    public String postKey() {
        return postKey;
    }

    public String postName() {
        return postName;
    }

    public String title() {
        return title;
    }

    /** The parts in printing order. */
    public Map<String, List<String>> parts() {
        Map<String, List<String>> ordered = new LinkedHashMap<>();
        kind.partKeys().forEach(k -> ordered.put(k, parts.getOrDefault(k, List.of())));
        return ordered;
    }

    public boolean publicCard() {
        return publicCard;
    }

    public int revision() {
        return revision;
    }

    public String issuedBy() {
        return issuedBy;
    }

    public Instant issuedAt() {
        return issuedAt;
    }

    public String revisedBy() {
        return revisedBy;
    }

    public Instant revisedAt() {
        return revisedAt;
    }
}
