package org.liuhua.kit.problem;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

import static org.assertj.core.api.Assertions.assertThat;

class ProblemsTest {

    @Test
    void theKitsStatusesHaveTheirOwnTypesAndOthersOneNamedAfterTheStatus() {
        assertThat(ProblemType.of(HttpStatus.BAD_REQUEST)).isEqualTo(ProblemType.INVALID_INPUT);
        assertThat(ProblemType.of(HttpStatus.NOT_FOUND).uri()).hasToString("https://liuhua.org/problems/not-found");
        assertThat(ProblemType.of(HttpStatus.CONTENT_TOO_LARGE)).isEqualTo(ProblemType.PAYLOAD_TOO_LARGE);
        assertThat(ProblemType.of(HttpStatus.INTERNAL_SERVER_ERROR)).isEqualTo(ProblemType.INTERNAL_ERROR);
        assertThat(ProblemType.of(HttpStatus.METHOD_NOT_ALLOWED))
                .isEqualTo(new ProblemType("method-not-allowed", "Method not allowed"));
        assertThat(ProblemType.of(HttpStatus.UNSUPPORTED_MEDIA_TYPE).name()).isEqualTo("unsupported-media-type");
    }

    @Test
    void theBodyHasTheSameMembersInTheSameOrderOnBothStacks() {
        ProblemDetail problem = Problems.of(HttpStatus.BAD_REQUEST, "title: must not be blank", "abc");
        problem.setProperty("errors", List.of());

        assertThat(Problems.members(problem)).containsExactly(
                org.assertj.core.api.Assertions.entry("type", "https://liuhua.org/problems/invalid-input"),
                org.assertj.core.api.Assertions.entry("title", "Invalid input"),
                org.assertj.core.api.Assertions.entry("status", 400),
                org.assertj.core.api.Assertions.entry("detail", "title: must not be blank"),
                org.assertj.core.api.Assertions.entry("traceId", "abc"),
                org.assertj.core.api.Assertions.entry("errors", List.of()));
        assertThat(new String(Problems.json(problem))).startsWith("{\"type\":\"https://liuhua.org/problems/");
    }

    @Test
    void aProblemSpringMadeGetsTheKitsTypeAndTheTraceIdButKeepsItsDetail() {
        ProblemDetail spring = ProblemDetail.forStatusAndDetail(HttpStatus.METHOD_NOT_ALLOWED,
                "Method 'DELETE' is not supported.");

        Problems.adopt(spring, "abc");

        assertThat(spring.getType()).hasToString("https://liuhua.org/problems/method-not-allowed");
        assertThat(spring.getTitle()).isEqualTo("Method not allowed");
        assertThat(spring.getDetail()).isEqualTo("Method 'DELETE' is not supported.");
        assertThat(spring.getProperties()).containsEntry("traceId", "abc");
    }
}
