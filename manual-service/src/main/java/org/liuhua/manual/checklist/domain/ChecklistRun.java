package org.liuhua.manual.checklist.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.liuhua.events.manual.ChecklistItemFailed;
import org.liuhua.events.manual.ChecklistRunCompleted;
import org.liuhua.kit.domain.AggregateRoot;
import org.liuhua.kit.domain.ConflictException;
import org.liuhua.kit.domain.InvalidInputException;

/**
 * A checklist run (M-6): an enterprise self-check, a grid patrol or a third-party inspection of one establishment
 * against a list of check items. Results are recorded item by item (with an optional photo); completing the run
 * publishes one event per failed item — keyed by {@code runId:itemCode}, so hazard-service makes exactly one hazard of
 * each, whatever the redeliveries — and a summary of the run. A completed run does not change any more.
 */
public class ChecklistRun extends AggregateRoot {

    public enum State { OPEN, COMPLETED }

    private String id;
    private String establishmentId;
    private String townId;
    private String departmentId;
    private RunSource source;
    private State state;
    private List<RunItem> items = new ArrayList<>();
    private String startedBy;
    private Instant startedAt;
    private String completedBy;
    private Instant completedAt;

    ChecklistRun() {
    }

    public static ChecklistRun start(String id, String establishmentId, String townId, String departmentId,
                                     RunSource source, List<RunItem> items, String by, Instant now) {
        if (items.isEmpty()) {
            throw new InvalidInputException("itemCodes", "a run needs at least one check item");
        }
        ChecklistRun run = new ChecklistRun();
        run.id = id;
        run.establishmentId = establishmentId;
        run.townId = townId;
        run.departmentId = departmentId;
        run.source = source;
        run.state = State.OPEN;
        run.items = new ArrayList<>(items);
        run.startedBy = by;
        run.startedAt = now;
        return run;
    }

    /** Records (or corrects) an item's result while the run is open. */
    public void record(String code, ItemResult result, String note, String photoId, String by, Instant now) {
        requireOpen("record results");
        if (result == null) {
            throw new InvalidInputException("result", "one of " + List.of(ItemResult.values()));
        }
        if (items.stream().noneMatch(i -> i.code().equals(code))) {
            throw new InvalidInputException("itemCode", "item " + code + " is not part of run " + id);
        }
        if (result == ItemResult.FAIL && (note == null || note.isBlank()) && photoId == null) {
            throw new InvalidInputException("note", "a failed item needs a note or a photo of what was found");
        }
        items.replaceAll(i -> i.code().equals(code) ? i.recorded(result, note, photoId, by, now) : i);
    }

    /**
     * Completes the run: one event per failed item (the hazards, found when the check was done: {@code startedAt})
     * and a summary counted in the month of the check.
     */
    public void complete(String by, Instant now, String month) {
        requireOpen("complete it");
        List<RunItem> unchecked = items.stream().filter(i -> i.result() == null).toList();
        if (!unchecked.isEmpty()) {
            throw new InvalidInputException("results", "items without a result: "
                    + unchecked.stream().map(RunItem::code).toList());
        }
        state = State.COMPLETED;
        completedBy = by;
        completedAt = now;
        int failed = 0;
        int majorFailed = 0;
        for (RunItem item : items) {
            if (item.result() != ItemResult.FAIL) {
                continue;
            }
            failed++;
            majorFailed += item.major() ? 1 : 0;
            String description = item.text() + (item.note() == null || item.note().isBlank() ? ""
                    : "（" + item.note().strip() + "）");
            registerEvent(new ChecklistItemFailed(findingKey(id, item.code()), id, item.code(), establishmentId,
                    townId, departmentId, source.name(), item.major() ? "MAJOR" : "GENERAL", item.category(),
                    description, item.legalBasis(), item.photoId(), item.recordedBy(), startedAt));
        }
        int passed = (int) items.stream().filter(i -> i.result() == ItemResult.PASS).count();
        registerEvent(new ChecklistRunCompleted(id, establishmentId, townId, departmentId, source.name(),
                items.size(), passed, failed, majorFailed, month, by, now));
    }

    /** The stable key hazard-service de-duplicates on: one hazard per failed item of a run. */
    public static String findingKey(String runId, String itemCode) {
        return runId + ":" + itemCode;
    }

    private void requireOpen(String what) {
        if (state != State.OPEN) {
            throw new ConflictException("run " + id + " is completed; cannot " + what, state.name(), List.of());
        }
    }

    @Override
    public String aggregateId() {
        return id;
    }

    public String id() {
        return id;
    }

    public String establishmentId() {
        return establishmentId;
    }

    public String townId() {
        return townId;
    }

    public String departmentId() {
        return departmentId;
    }

    public RunSource source() {
        return source;
    }

    public State state() {
        return state;
    }

    public List<RunItem> items() {
        return List.copyOf(items);
    }

    public String startedBy() {
        return startedBy;
    }

    public Instant startedAt() {
        return startedAt;
    }

    public String completedBy() {
        return completedBy;
    }

    public Instant completedAt() {
        return completedAt;
    }
}
