package org.liuhua.manual.checklist.domain;

import java.time.Instant;

/** One item of a run: a copy of the check item as it was when the run started, and its result once recorded. */
public record RunItem(String code, String text, boolean major, String category, String legalBasis,
                      ItemResult result, String note, String photoId, String recordedBy, Instant recordedAt) {

    public static RunItem of(ChecklistItem item) {
        return new RunItem(item.code(), item.text(), item.major(), item.category(),
                item.legalBasis() == null ? null : item.legalBasis().cite(), null, null, null, null, null);
    }

    RunItem recorded(ItemResult newResult, String newNote, String newPhotoId, String by, Instant at) {
        return new RunItem(code, text, major, category, legalBasis, newResult, newNote, newPhotoId, by, at);
    }
}
