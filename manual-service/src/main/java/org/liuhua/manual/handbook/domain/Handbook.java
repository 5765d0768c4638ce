package org.liuhua.manual.handbook.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import org.liuhua.events.manual.HandbookAdopted;
import org.liuhua.events.manual.HandbookCompletenessChanged;
import org.liuhua.events.manual.HandbookReviewDue;
import org.liuhua.events.manual.HandbookRevised;
import org.liuhua.kit.domain.AggregateRoot;
import org.liuhua.kit.domain.ConflictException;
import org.liuhua.kit.domain.FieldProblem;
import org.liuhua.kit.domain.InvalidInputException;

/**
 * An establishment's handbook (M-4): the templates it adopted (each pinned to a version), its own posts and the card of
 * each, and its periodic review. One per establishment ({@code id} = establishment id). Every change that makes the
 * handbook more or less complete publishes the new completeness; every revision (adoption, posts, cards, review) is
 * counted for the monthly table.
 */
public class Handbook extends AggregateRoot {

    /** What kind of revision a change is, for the monthly table. */
    public enum Revision { ADOPTION, POSTS, CARD, REVIEW }

    private String id;
    private String establishmentId;
    private String townId;
    private String departmentId;
    private String industry;
    private List<Adoption> adoptions = new ArrayList<>();
    private List<Post> posts = new ArrayList<>();
    private LocalDate reviewDueOn;
    private LocalDate lastReviewedOn;
    private LocalDate remindedFor;
    private Completeness completeness;

    Handbook() {
    }

    /** The handbook of an establishment, empty until it adopts templates and names its posts. */
    public static Handbook open(String establishmentId, String townId, String departmentId, String industry) {
        Handbook handbook = new Handbook();
        handbook.id = establishmentId;
        handbook.establishmentId = establishmentId;
        handbook.townId = townId;
        handbook.departmentId = departmentId;
        handbook.industry = industry;
        handbook.completeness = handbook.currentCompleteness();
        return handbook;
    }

    /** Keeps the establishment's town, department and industry as grid-service last announced them. */
    public void locate(String townId, String departmentId, String industry) {
        this.townId = townId;
        this.departmentId = departmentId;
        this.industry = industry;
    }

    /** Adopts a template's published version; the first adoption sets the review due date. */
    public void adopt(String templateId, String code, String kind, String title, int version, String by,
                      Instant now, LocalDate today, Period reviewInterval, String month) {
        if (adoption(templateId).isPresent()) {
            throw new ConflictException("template " + code + " is already adopted (version "
                    + adoption(templateId).get().version() + "); confirm a newer version instead", "ADOPTED",
                    List.of("confirm"));
        }
        adoptions.add(new Adoption(templateId, code, kind, title, version, version, by, now, now));
        if (reviewDueOn == null) {
            reviewDueOn = today.plus(reviewInterval);
        }
        registerEvent(new HandbookAdopted(id, townId, departmentId, industry, templateId, code, kind, version, null,
                by, now));
        revised(Revision.ADOPTION, templateId, by, now, month);
    }

    /** Moves an adoption to the template's newest published version after reading what changed. */
    public void confirm(String templateId, int newestVersion, String title, String by, Instant now, String month) {
        Adoption adoption = adoption(templateId).orElseThrow(() -> new InvalidInputException("templateId",
                "template " + templateId + " is not adopted here"));
        if (adoption.version() >= newestVersion) {
            throw new ConflictException("version " + adoption.version() + " of " + adoption.templateCode()
                    + " is already the newest published one", "CURRENT", List.of());
        }
        adoptions.replaceAll(a -> a.templateId().equals(templateId) ? a.confirmed(newestVersion, title, by, now) : a);
        registerEvent(new HandbookAdopted(id, townId, departmentId, industry, templateId, adoption.templateCode(),
                adoption.kind(), newestVersion, adoption.version(), by, now));
        revised(Revision.ADOPTION, templateId, by, now, month);
    }

    /** Notes that a newer version of an adopted template was published (it shows as waiting for confirmation). */
    /** Answers whether the adoption's latest known version moved (an older or repeated publication changes nothing). */
    public boolean newerVersionPublished(String templateId, int version, Instant now) {
        Optional<Adoption> adoption = adoption(templateId);
        if (adoption.isEmpty() || adoption.get().latestVersion() >= version) {
            return false;
        }
        adoptions.replaceAll(a -> a.templateId().equals(templateId) ? a.newerPublished(version) : a);
        completenessMayHaveChanged(now);
        return true;
    }

    /** Replaces the list of posts; a post keeps its card while its key stays. */
    public void namePosts(List<Post> named, String by, Instant now, String month) {
        List<FieldProblem> problems = new ArrayList<>();
        Set<String> keys = new HashSet<>();
        for (int i = 0; i < named.size(); i++) {
            Post p = named.get(i);
            if (p.key() == null || !p.key().matches("[A-Za-z0-9_-]{1,40}") || !keys.add(p.key())) {
                problems.add(new FieldProblem("posts[" + i + "].key", "a unique key of letters, digits, '-' or '_'"));
            }
            if (p.name() == null || p.name().isBlank()) {
                problems.add(new FieldProblem("posts[" + i + "].name", "a post needs a name"));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        Map<String, String> cards = new HashMap<>();
        posts.forEach(p -> cards.put(p.key(), p.cardId()));
        posts = new ArrayList<>(named.stream().map(p -> new Post(p.key(), p.name(), cards.get(p.key()))).toList());
        revised(Revision.POSTS, id, by, now, month);
    }

    /** Records the post safety card issued (or revised) for a post. */
    public void cardIssued(String postKey, String cardId, String by, Instant now, String month) {
        Post post = post(postKey);
        posts.replaceAll(p -> p.key().equals(postKey) ? new Post(p.key(), p.name(), cardId) : p);
        revised(Revision.CARD, cardId, by, now, month);
    }

    /** The post with that key, or a 400 naming {@code postKey}. */
    public Post post(String postKey) {
        return posts.stream().filter(p -> p.key().equals(postKey)).findFirst()
                .orElseThrow(() -> new InvalidInputException("postKey", "establishment " + id + " has no post '"
                        + postKey + "'; name its posts first"));
    }

    /** The periodic review is done; the next one is due after the interval. */
    public void reviewed(String by, Instant now, LocalDate today, Period interval, String month) {
        lastReviewedOn = today;
        reviewDueOn = today.plus(interval);
        revised(Revision.REVIEW, id, by, now, month);
    }

    /** Sends the review reminder once per due date when the due date is within {@code lead} (or past). */
    public boolean remindIfDue(LocalDate today, Period lead, Instant now) {
        if (reviewDueOn == null || reviewDueOn.equals(remindedFor) || today.plus(lead).isBefore(reviewDueOn)) {
            return false;
        }
        remindedFor = reviewDueOn;
        registerEvent(new HandbookReviewDue(id, townId, departmentId, reviewDueOn, today.isAfter(reviewDueOn), now));
        return true;
    }

    public boolean reviewOverdue(LocalDate today) {
        return reviewDueOn != null && today.isAfter(reviewDueOn);
    }

    public Completeness currentCompleteness() {
        List<String> missing = posts.stream().filter(p -> !p.hasCard()).map(Post::name).toList();
        int outdated = (int) adoptions.stream().filter(Adoption::outdated).count();
        return new Completeness(posts.size(), posts.size() - missing.size(), missing, adoptions.size(), outdated);
    }

    private void revised(Revision revision, String refId, String by, Instant now, String month) {
        registerEvent(new HandbookRevised(id, townId, departmentId, revision.name(), refId, month, by, now));
        completenessMayHaveChanged(now);
    }

    private void completenessMayHaveChanged(Instant now) {
        Completeness current = currentCompleteness();
        if (!Objects.equals(current, completeness)) {
            completeness = current;
            registerEvent(new HandbookCompletenessChanged(id, townId, departmentId, industry, current.posts(),
                    current.postsWithCard(), current.missingPosts(), current.complete(), current.adoptedTemplates(),
                    current.outdatedAdoptions(), now));
        }
    }

    public Optional<Adoption> adoption(String templateId) {
        return adoptions.stream().filter(a -> a.templateId().equals(templateId)).findFirst();
    }

    @Override
    public String aggregateId() {
        return id;
    }

    public String establishmentId() {
        return id;
    }

    public String townId() {
        return townId;
    }

    public String departmentId() {
        return departmentId;
    }

    public String industry() {
        return industry;
    }

    public List<Adoption> adoptions() {
        return List.copyOf(adoptions);
    }

    public List<Post> posts() {
        return List.copyOf(posts);
    }

    public LocalDate reviewDueOn() {
        return reviewDueOn;
    }

    public LocalDate lastReviewedOn() {
        return lastReviewedOn;
    }
}
