package org.liuhua.manual.acknowledgement.domain;

import java.time.Instant;

import org.liuhua.events.manual.CardAcknowledged;
import org.liuhua.kit.domain.AggregateRoot;

/**
 * A staff member's acknowledgement of having read a card in one revision (M-4: "员工学习到位"). Its id is
 * {@code cardId:revision:staffId}, so acknowledging the same revision again is the same acknowledgement; a new
 * revision of the card needs a new one.
 */
public class Acknowledgement extends AggregateRoot {

    private String id;
    private String cardId;
    private int cardRevision;
    private String establishmentId;
    private String townId;
    private String departmentId;
    private String staffId;
    private String staffName;
    private Instant acknowledgedAt;

    Acknowledgement() {
    }

    public static String idOf(String cardId, int revision, String staffId) {
        return cardId + ":" + revision + ":" + staffId;
    }

    public static Acknowledgement of(String cardId, int revision, String establishmentId, String townId,
                                     String departmentId, String staffId, String staffName, Instant now) {
        Acknowledgement a = new Acknowledgement();
        a.id = idOf(cardId, revision, staffId);
        a.cardId = cardId;
        a.cardRevision = revision;
        a.establishmentId = establishmentId;
        a.townId = townId;
        a.departmentId = departmentId;
        a.staffId = staffId;
        a.staffName = staffName;
        a.acknowledgedAt = now;
        a.registerEvent(new CardAcknowledged(a.id, cardId, revision, establishmentId, townId, staffId, staffName,
                now));
        return a;
    }

    @Override
    public String aggregateId() {
        return id;
    }

    public String id() {
        return id;
    }

    public String cardId() {
        return cardId;
    }

    public int cardRevision() {
        return cardRevision;
    }

    public String establishmentId() {
        return establishmentId;
    }

    public String townId() {
        return townId;
    }

    public String staffId() {
        return staffId;
    }

    public String staffName() {
        return staffName;
    }

    public Instant acknowledgedAt() {
        return acknowledgedAt;
    }
}
