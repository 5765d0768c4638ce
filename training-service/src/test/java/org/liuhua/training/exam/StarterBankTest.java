package org.liuhua.training.exam;

import java.io.InputStream;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.liuhua.training.exam.domain.QuestionDraft;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/** The shipped starter bank reads in the loader's format and every question passes the bank's validation. */
class StarterBankTest {

    @Test
    void everyStarterQuestionIsValidAndThereAreAtLeast200() throws Exception {
        JsonMapper json = JsonMapper.builder().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();
        try (InputStream in = StarterBankTest.class.getResourceAsStream("/starter/question-bank.json")) {
            assertThat(in).as("starter/question-bank.json on the classpath").isNotNull();
            List<QuestionDraft> drafts = json.readValue(in, new TypeReference<List<QuestionDraft>>() { });
            assertThat(drafts).hasSizeGreaterThanOrEqualTo(200);
            assertThat(drafts.stream().map(QuestionDraft::code)).doesNotHaveDuplicates();
            for (QuestionDraft d : drafts) {
                assertThat(d.problems()).as(d.code()).isEmpty();
            }
        }
    }
}
