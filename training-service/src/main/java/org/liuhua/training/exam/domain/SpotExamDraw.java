package org.liuhua.training.exam.domain;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import org.liuhua.training.rules.domain.RuleViolationException;

/**
 * The draw of a spot exam (逢查必考, "双随机"), a pure function of its inputs so that an auditor can replay it: the
 * seed (HMAC of the inspection under the server's secret), the active staff of the establishment at the time, and
 * the question pool with each question's use count at the time. It draws {@code examinees} people, then for each
 * person {@code questionsPerPaper} questions fitting their industry and role: first every quota (knowledge point
 * and/or difficulty) from questions no other quota covers, then the rest from questions no quota covers (so each
 * quota is the exact number of its kind, also when quotas overlap); within each choice the least-used questions first (ties broken by the seeded
 * random order), never one question twice in a paper, and each person's paper different from the others'.
 */
public final class SpotExamDraw {

    public static final String RULE_QUOTA = "SPOT_EXAM_QUOTA";
    public static final String RULE_DIFFERENT_PAPERS = "SPOT_EXAM_DIFFERENT_PAPERS";
    public static final String RULE_ACTIVE_STAFF = "SPOT_EXAM_ACTIVE_STAFF";

    /** A question as the draw sees it. */
    public record Candidate(String questionId, String knowledgePoint, Difficulty difficulty, long usage,
                            List<String> industries, List<String> roles) {

        boolean fits(String industry, String role) {
            return matches(industries, industry) && matches(roles, role);
        }

        private static boolean matches(List<String> allowed, String value) {
            return allowed == null || allowed.isEmpty() || allowed.stream().anyMatch(a ->
                    Question.WILDCARDS.contains(a.toUpperCase(java.util.Locale.ROOT)) || a.equalsIgnoreCase(value));
        }
    }

    /** A quota: {@code count} questions of a knowledge point and/or difficulty in every paper. */
    public record Quota(String knowledgePoint, Difficulty difficulty, int count) {

        boolean covers(Candidate c) {
            return (knowledgePoint == null || knowledgePoint.equals(c.knowledgePoint()))
                    && (difficulty == null || difficulty == c.difficulty());
        }

        String describe() {
            return (knowledgePoint == null ? "" : "knowledge point '" + knowledgePoint + "' ")
                    + (difficulty == null ? "" : difficulty + " ") + "× " + count;
        }
    }

    /** One person of the pool: id and role. */
    public record Person(String staffId, String role) {
    }

    /** One drawn paper: the person and the question ids (with versions) in the order asked. */
    public record Paper(String staffId, List<String> questionIds) {
    }

    private SpotExamDraw() {
    }

    public static List<Paper> draw(byte[] seed, List<Person> staff, int examinees, String industry,
                                   List<Candidate> pool, int questionsPerPaper, List<Quota> quotas) {
        Random random = new Random(ByteBuffer.wrap(seed).getLong());
        List<Person> people = new ArrayList<>(staff);
        people.sort(Comparator.comparing(Person::staffId));
        if (people.isEmpty()) {
            throw new RuleViolationException(RULE_ACTIVE_STAFF, "establishmentId", "逢查必考 draws from the active"
                    + " staff of the establishment, and it has none registered");
        }
        java.util.Collections.shuffle(people, random);
        List<Person> drawn = people.subList(0, Math.min(examinees, people.size()));

        List<Candidate> sorted = new ArrayList<>(pool);
        sorted.sort(Comparator.comparing(Candidate::questionId));
        Map<String, Long> usage = new HashMap<>();
        sorted.forEach(c -> usage.put(c.questionId(), c.usage()));
        List<Paper> papers = new ArrayList<>();
        List<Set<String>> earlier = new ArrayList<>();
        for (Person person : drawn) {
            Map<String, Long> tieBreak = new HashMap<>();
            for (Candidate c : sorted) {
                tieBreak.put(c.questionId(), random.nextLong());
            }
            Comparator<Candidate> leastUsedFirst = Comparator.<Candidate>comparingLong(c -> usage.get(c.questionId()))
                    .thenComparingLong(c -> tieBreak.get(c.questionId()));
            List<Candidate> eligible = sorted.stream().filter(c -> c.fits(industry, person.role()))
                    .sorted(leastUsedFirst).toList();
            Set<String> chosen = new LinkedHashSet<>();
            for (Quota quota : quotas) {
                List<Candidate> inQuota = eligible.stream().filter(quota::covers)
                        .filter(c -> quotas.stream().noneMatch(other -> other != quota && other.covers(c)))
                        .filter(c -> !chosen.contains(c.questionId())).toList();
                if (inQuota.size() < quota.count()) {
                    throw new RuleViolationException(RULE_QUOTA, "quotas", "the bank has " + inQuota.size()
                            + " questions for the quota " + quota.describe() + " fitting a " + person.role()
                            + " in " + industry);
                }
                inQuota.stream().limit(quota.count()).forEach(c -> chosen.add(c.questionId()));
            }
            for (Candidate c : eligible) {
                if (chosen.size() >= questionsPerPaper) {
                    break;
                }
                if (quotas.stream().noneMatch(q -> q.covers(c))) {
                    chosen.add(c.questionId());
                }
            }
            if (chosen.size() < questionsPerPaper) {
                throw new RuleViolationException(RULE_QUOTA, "questionsPerPerson", "the bank has only "
                        + eligible.size() + " questions fitting a " + person.role() + " in " + industry + ", not "
                        + questionsPerPaper);
            }
            Set<String> set = new HashSet<>(chosen);
            if (earlier.contains(set)) {
                throw new RuleViolationException(RULE_DIFFERENT_PAPERS, "questionsPerPerson", "each person gets a"
                        + " different paper, and the bank has too few questions for " + drawn.size() + " different"
                        + " papers of " + questionsPerPaper + " under these quotas");
            }
            earlier.add(set);
            chosen.forEach(id -> usage.merge(id, 1L, Long::sum));
            List<String> ordered = new ArrayList<>(chosen);
            java.util.Collections.shuffle(ordered, random);
            papers.add(new Paper(person.staffId(), List.copyOf(ordered)));
        }
        return papers;
    }
}
