package org.liuhua.manual.checklist.domain;

import java.time.Instant;
import java.util.List;

import org.liuhua.events.manual.ChecklistItemPublished;
import org.liuhua.kit.domain.AggregateRoot;

/**
 * A hazard-check item (M-6) under a stable code: its text, legal basis, whether failing it is a major hazard
 * (重大事故隐患), the hazard category it raises, and whether its wording was verified against the official text.
 * Publishing it tells the other services (grid-service validates item codes against these).
 */
public class ChecklistItem extends AggregateRoot {

    private String id;
    private String domain;
    private List<String> industries;
    private List<String> flags;
    private String text;
    private LegalBasis legalBasis;
    private boolean major;
    private String category;
    private boolean verified;
    private String note;

    ChecklistItem() {
    }

    public static ChecklistItem publish(String code, String domain, List<String> industries, List<String> flags,
                                        String text, LegalBasis legalBasis, boolean major, String category,
                                        boolean verified, String note, Instant now) {
        ChecklistItem item = new ChecklistItem();
        item.id = code;
        item.domain = domain;
        item.industries = industries == null ? List.of() : List.copyOf(industries);
        item.flags = flags == null ? List.of() : List.copyOf(flags);
        item.text = text;
        item.legalBasis = legalBasis;
        item.major = major;
        item.category = category;
        item.verified = verified;
        item.note = note;
        LegalBasis basis = legalBasis == null ? new LegalBasis(null, null, null, null) : legalBasis;
        item.registerEvent(new ChecklistItemPublished(code, domain, item.industries, item.flags, text,
                basis.document(), basis.number(), basis.article(), basis.clause(), major, category, verified, now));
        return item;
    }

    /** Whether the item applies to an establishment of this industry with these risk flags. */
    public boolean appliesTo(String industry, List<String> establishmentFlags) {
        return industries.contains(industry) || flags.stream().anyMatch(establishmentFlags::contains);
    }

    @Override
    public String aggregateId() {
        return id;
    }

    public String code() {
        return id;
    }

    public String domain() {
        return domain;
    }

    public List<String> industries() {
        return industries;
    }

    public List<String> flags() {
        return flags;
    }

    public String text() {
        return text;
    }

    public LegalBasis legalBasis() {
        return legalBasis;
    }

    public boolean major() {
        return major;
    }

    public String category() {
        return category;
    }

    public boolean verified() {
        return verified;
    }

    public String note() {
        return note;
    }
}
