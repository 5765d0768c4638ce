package org.liuhua.e2e.fuzz;

import java.util.Set;

/**
 * Findings in modules that are fixed elsewhere (each line: category, service, method and path template), printed
 * but not failing the run until the fix lands. Empty it as the fixes are merged: the acceptance is 0 findings.
 */
final class KnownElsewhere {

    static final Set<String> ENTRIES = Set.of(
            // rules across fields that a schema cannot state (a question's answer names its option keys, a true/false
            // question has two options; a template's sections and items, a card's parts must fit its kind): a
            // generated "valid" body is refused on another field first. The answer is still a 400 problem naming a field.
            "400 naming another field than the bad one training-service POST /api/v1/training/questions",
            "400 naming another field than the bad one manual-service POST /api/v1/templates",
            "400 naming another field than the bad one manual-service POST /api/v1/cards",
            // the fuzzer does not generate strings for a regular expression (a track batch id's pattern): open, see
            // the closing note
            "400 naming another field than the bad one grid-service POST /api/v1/patrols/{id}/track");

    private KnownElsewhere() {
    }

    static boolean covers(ApiFuzzer.Finding finding) {
        return ENTRIES.contains(finding.category() + " " + finding.operation().service() + " "
                + finding.operation().label());
    }
}
