package org.liuhua.manual.checklist.web;

import java.time.Instant;
import java.util.List;

import org.liuhua.manual.checklist.ChecklistRuns;
import org.liuhua.manual.checklist.domain.ChecklistItem;
import org.liuhua.manual.checklist.domain.ChecklistRun;
import org.liuhua.manual.checklist.domain.ItemResult;
import org.liuhua.manual.checklist.domain.LegalBasis;
import org.liuhua.manual.checklist.domain.RunItem;
import org.liuhua.manual.checklist.domain.RunSource;

final class ChecklistViews {

    private ChecklistViews() {
    }

    record ItemView(String code, String domain, List<String> industries, List<String> flags, String text,
                    LegalBasis legalBasis, String citation, boolean major, String category, boolean verified,
                    String note) {

        static ItemView of(ChecklistItem i) {
            return new ItemView(i.code(), i.domain(), i.industries(), i.flags(), i.text(), i.legalBasis(),
                    i.legalBasis() == null ? null : i.legalBasis().cite(), i.major(), i.category(), i.verified(),
                    i.note());
        }
    }

    record RunView(String id, String establishmentId, String townId, String departmentId, RunSource source,
                   ChecklistRun.State state, List<RunItem> items, int failed, int majorFailed, String startedBy,
                   Instant startedAt, String completedBy, Instant completedAt) {

        static RunView of(ChecklistRun r) {
            List<RunItem> failedItems = r.items().stream().filter(i -> i.result() == ItemResult.FAIL).toList();
            return new RunView(r.id(), r.establishmentId(), r.townId(), r.departmentId(), r.source(), r.state(),
                    r.items(), failedItems.size(), (int) failedItems.stream().filter(RunItem::major).count(),
                    r.startedBy(), r.startedAt(), r.completedBy(), r.completedAt());
        }
    }

    record RunSummary(String id, String establishmentId, String townId, RunSource source, ChecklistRun.State state,
                      int items, int failed, Instant startedAt, Instant completedAt) {

        static RunSummary of(ChecklistRun r) {
            return new RunSummary(r.id(), r.establishmentId(), r.townId(), r.source(), r.state(), r.items().size(),
                    (int) r.items().stream().filter(i -> i.result() == ItemResult.FAIL).count(), r.startedAt(),
                    r.completedAt());
        }
    }

    /** Starts a run; results and {@code complete} may come in the same request. */
    record StartRequest(String establishmentId, RunSource source, List<String> itemCodes,
                        List<ChecklistRuns.Result> results, Boolean complete, Instant checkedAt) {
    }

    record ResultsRequest(List<ChecklistRuns.Result> results) {
    }

    record PhotoView(String id, String runId) {
    }
}
