package org.liuhua.grid.patrol;

import org.liuhua.grid.patrol.domain.Patrol;

/**
 * In-process notice that a patrol was written (check-ins, findings, corrections, withdrawals, completion, a sync —
 * also a re-sent one that changed nothing), with the patrol as stored. The plan feature keeps its read models
 * (coverage windows, inspector months) from it, idempotently, so the patrol feature knows nothing of plans.
 */
public record PatrolRecorded(Patrol patrol) {
}
