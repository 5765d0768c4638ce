package org.liuhua.training.exam;

import java.io.InputStream;
import java.util.List;

import org.liuhua.kit.domain.InvalidInputException;
import org.liuhua.training.TrainingProperties;
import org.liuhua.training.exam.domain.QuestionDraft;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.io.Resource;
import org.springframework.core.io.ResourceLoader;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Loads the reviewed starter bank ({@code liuhua.training.exams.starter-bank}, a JSON array of questions in the
 * draft's shape) at start-up: questions whose code is not in the bank yet are added as version 1; questions already
 * there are left as the city may have edited them. Safe on several replicas (a code's version 1 is one id).
 */
@Component
class StarterBank implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(StarterBank.class);
    private static final JsonMapper JSON = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

    private final Questions questions;
    private final ResourceLoader resources;
    private final TrainingProperties.Exams properties;

    StarterBank(Questions questions, ResourceLoader resources, TrainingProperties properties) {
        this.questions = questions;
        this.resources = resources;
        this.properties = properties.exams();
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!properties.loadStarterBank()) {
            return;
        }
        Resource bank = resources.getResource(properties.starterBank());
        if (!bank.exists()) {
            log.info("no starter question bank at {}", properties.starterBank());
            return;
        }
        int added = 0;
        int invalid = 0;
        try (InputStream in = bank.getInputStream()) {
            List<QuestionDraft> drafts = JSON.readValue(in, new TypeReference<List<QuestionDraft>>() { });
            for (QuestionDraft draft : drafts) {
                try {
                    questions.current(draft.code());
                } catch (org.liuhua.kit.domain.NotFoundException absent) {
                    try {
                        questions.create(draft, "starter-bank");
                        added++;
                    } catch (InvalidInputException e) {
                        invalid++;
                        log.warn("starter bank question {} skipped: {}", draft.code(), e.getMessage());
                    } catch (org.liuhua.kit.domain.ConflictException concurrent) {
                        // another replica added it
                    }
                }
            }
        } catch (java.io.IOException | RuntimeException e) {
            log.warn("starter question bank {} not loaded: {}", properties.starterBank(), e.toString());
            return;
        }
        log.info("starter question bank: {} questions added, {} invalid", added, invalid);
    }
}
