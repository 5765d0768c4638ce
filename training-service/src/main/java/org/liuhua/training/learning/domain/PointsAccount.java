package org.liuhua.training.learning.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.liuhua.events.training.PointsRedeemed;
import org.liuhua.kit.domain.AggregateRoot;
import org.liuhua.kit.domain.InvalidInputException;
import org.liuhua.training.rules.domain.RuleViolationException;

/**
 * A person's learning points (学习积分): a ledger of awards (one per completion, by reference) and redemptions for
 * rewards; the balance never goes below zero.
 */
public class PointsAccount extends AggregateRoot {

    public static final String RULE_BALANCE = "POINTS_BALANCE";

    /** One ledger entry: positive for an award, negative for a redemption. */
    public record Entry(String reference, int points, String reason, Instant at) {
    }

    private String id;
    private String establishmentId;
    private String townId;
    private int balance;
    private List<Entry> entries = new ArrayList<>();

    PointsAccount() {
    }

    public static PointsAccount open(String staffId, String establishmentId, String townId) {
        PointsAccount a = new PointsAccount();
        a.id = staffId;
        a.establishmentId = establishmentId;
        a.townId = townId;
        return a;
    }

    /** Awards points once per reference (a repeated award changes nothing). */
    public boolean award(String reference, int points, String reason, Instant now) {
        if (entries.stream().anyMatch(e -> e.reference().equals(reference))) {
            return false;
        }
        entries.add(new Entry(reference, points, reason, now));
        balance += points;
        return true;
    }

    public Entry redeem(String reward, Integer points, Instant now) {
        if (reward == null || reward.isBlank() || points == null || points < 1) {
            throw new InvalidInputException("points", "name the reward and at least 1 point");
        }
        if (points > balance) {
            throw new RuleViolationException(RULE_BALANCE, "points", "积分兑换: " + points + " points asked, the"
                    + " balance is " + balance);
        }
        Entry entry = new Entry("redeem:" + (entries.size() + 1), -points, reward.trim(), now);
        entries.add(entry);
        balance -= points;
        registerEvent(new PointsRedeemed(id, establishmentId, townId, reward.trim(), points, balance, now));
        return entry;
    }

    @Override
    public String aggregateId() {
        return id;
    }

    public String id() { return id; }
    public String establishmentId() { return establishmentId; }
    public int balance() { return balance; }
    public List<Entry> entries() { return List.copyOf(entries); }
}
