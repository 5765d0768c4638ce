package org.liuhua.training;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Every number the 全员化 policies give, as configuration with the policy's value as default ({@code liuhua.training.*}).
 *
 * @param personalData how personal data is minimised
 * @param induction    three-level induction (T-2)
 * @param sessions     shift briefings, quarterly lectures (T-3)
 * @param certificates certificates of the three certified roles (T-4)
 * @param exams        question bank and spot exams (T-6)
 * @param drills       drills (T-7)
 * @param learning     targeted learning 安全到岗 (T-5)
 * @param imports      spreadsheet imports
 * @param rates        publishing the towns' rates as events for reporting
 */
@ConfigurationProperties("liuhua.training")
public record TrainingProperties(PersonalData personalData, Induction induction, Sessions sessions,
                                 Certificates certificates, Exams exams, Drills drills, Learning learning,
                                 Imports imports, Rates rates) {

    public TrainingProperties {
        personalData = personalData == null ? new PersonalData(null) : personalData;
        induction = induction == null ? new Induction(null, null, null) : induction;
        sessions = sessions == null ? new Sessions(null, null, null) : sessions;
        certificates = certificates == null ? new Certificates(null, null, null, null, null) : certificates;
        exams = exams == null ? new Exams(null, null, null, null, null, null, null, null) : exams;
        drills = drills == null ? new Drills(null, null, null) : drills;
        learning = learning == null ? new Learning(null, null) : learning;
        imports = imports == null ? new Imports(null) : imports;
        rates = rates == null ? new Rates(null, null) : rates;
    }

    /**
     * @param idHashSecret key of the HMAC under which national ID numbers are kept (never in clear); set it per
     *                     installation ({@code LIUHUA_TRAINING_PERSONAL_DATA_ID_HASH_SECRET})
     */
    public record PersonalData(String idHashSecret) {
        public PersonalData {
            idHashSecret = blank(idHashSecret) ? "liuhua-local-id-secret" : idHashSecret;
        }
    }

    /**
     * @param minimumHours      least hours per level (COMPANY, WORKSHOP, TEAM); together the 24 学时 of 岗前安全培训
     *                          (《生产经营单位安全培训规定》第十三条)
     * @param passScore         least theory and least practical score to pass a level ("理论＋实操"双重考核)
     * @param reinductionLevels levels required again after a post or process change (rugao (十三) 41: all three)
     */
    public record Induction(Map<String, Double> minimumHours, Integer passScore, List<String> reinductionLevels) {
        public Induction {
            Map<String, Double> hours = new LinkedHashMap<>(Map.of("COMPANY", 8.0, "WORKSHOP", 8.0, "TEAM", 8.0));
            if (minimumHours != null) {
                hours.putAll(minimumHours);
            }
            minimumHours = Map.copyOf(hours);
            passScore = passScore == null ? 60 : passScore;
            reinductionLevels = reinductionLevels == null || reinductionLevels.isEmpty()
                    ? List.of("COMPANY", "WORKSHOP", "TEAM") : List.copyOf(reinductionLevels);
        }
    }

    /**
     * @param baseKinds              establishment kinds counted as "enterprises that file risk reports" (the base of
     *                               both session rates)
     * @param shiftBriefingTarget    share of those enterprises holding shift briefings (班前班后五分钟 ≥ 40 %)
     * @param quarterlyLectureTarget share delivering the principal's quarterly lecture (一季一课 ≥ 90 %)
     */
    public record Sessions(List<String> baseKinds, Double shiftBriefingTarget, Double quarterlyLectureTarget) {
        public Sessions {
            baseKinds = baseKinds == null || baseKinds.isEmpty() ? List.of("INDUSTRIAL") : List.copyOf(baseKinds);
            shiftBriefingTarget = shiftBriefingTarget == null ? 0.40 : shiftBriefingTarget;
            quarterlyLectureTarget = quarterlyLectureTarget == null ? 0.90 : quarterlyLectureTarget;
        }
    }

    /**
     * @param reminderDays     days before expiry at which the establishment is reminded, each once
     * @param reminderInterval how often the reminder job looks for due reminders
     * @param remindersEnabled whether the reminder job runs (one replica at a time, under a lease)
     * @param leaseTtl         how long one replica holds the reminder job's lease
     * @param onDutyTarget     share of on-duty certified-role staff with a valid certificate (持证上岗率 100 %)
     */
    public record Certificates(List<Integer> reminderDays, Duration reminderInterval, Boolean remindersEnabled,
                               Duration leaseTtl, Double onDutyTarget) {
        public Certificates {
            reminderDays = reminderDays == null || reminderDays.isEmpty() ? List.of(90, 60, 30, 7)
                    : reminderDays.stream().distinct().sorted(java.util.Comparator.reverseOrder()).toList();
            reminderInterval = reminderInterval == null ? Duration.ofHours(1) : reminderInterval;
            remindersEnabled = remindersEnabled == null || remindersEnabled;
            leaseTtl = leaseTtl == null ? Duration.ofMinutes(5) : leaseTtl;
            onDutyTarget = onDutyTarget == null ? 1.0 : onDutyTarget;
        }
    }

    /**
     * @param drawSecret        server secret the draw seed is derived from (HMAC of the inspection); set it per
     *                          installation ({@code LIUHUA_TRAINING_EXAMS_DRAW_SECRET})
     * @param examinees         staff drawn per spot exam when the request names no number
     * @param questionsPerPerson questions per paper when the request names no number
     * @param maxExaminees      most staff in one spot exam
     * @param maxQuestions      most questions in one paper
     * @param passScore         least score (of 100) that passes a paper
     * @param starterBank       the reviewed starter bank loaded at start-up (questions not yet in the bank)
     * @param loadStarterBank   whether it is loaded
     */
    public record Exams(String drawSecret, Integer examinees, Integer questionsPerPerson, Integer maxExaminees,
                        Integer maxQuestions, Integer passScore, String starterBank, Boolean loadStarterBank) {
        public Exams {
            drawSecret = blank(drawSecret) ? "liuhua-local-draw-secret" : drawSecret;
            examinees = examinees == null ? 3 : examinees;
            questionsPerPerson = questionsPerPerson == null ? 10 : questionsPerPerson;
            maxExaminees = maxExaminees == null ? 50 : maxExaminees;
            maxQuestions = maxQuestions == null ? 50 : maxQuestions;
            passScore = passScore == null ? 60 : passScore;
            starterBank = blank(starterBank) ? "classpath:starter/question-bank.json" : starterBank;
            loadStarterBank = loadStarterBank == null || loadStarterBank;
        }
    }

    /**
     * @param periodMonths  drills required at least once per this many months (每半年至少 1 次), counted in calendar
     *                      half-years when 6
     * @param requiredKinds establishment kinds that must drill (重点行业领域, 人员密集场所)
     * @param requiredFlags establishments with any of these flags must drill whatever their kind
     */
    public record Drills(Integer periodMonths, List<String> requiredKinds, List<String> requiredFlags) {
        public Drills {
            periodMonths = periodMonths == null ? 6 : periodMonths;
            requiredKinds = requiredKinds == null ? List.of("KEY_SECTOR", "MIXED_USE_BUILDING", "SMALL_VENUE")
                    : List.copyOf(requiredKinds);
            requiredFlags = requiredFlags == null ? List.of("HAZARDOUS_CHEMICALS", "METAL_SMELTING", "DUST_EXPLOSION",
                    "AMMONIA_REFRIGERATION") : List.copyOf(requiredFlags);
        }
    }

    /**
     * @param participationTarget share of establishments whose staff use the learning platform (≥ 80 %)
     * @param personTimesTarget   training person-times per year, city-wide (≥ 300,000)
     */
    public record Learning(Double participationTarget, Long personTimesTarget) {
        public Learning {
            participationTarget = participationTarget == null ? 0.80 : participationTarget;
            personTimesTarget = personTimesTarget == null ? 300_000L : personTimesTarget;
        }
    }

    /** @param maxRows most data rows in one spreadsheet import */
    public record Imports(Integer maxRows) {
        public Imports {
            maxRows = maxRows == null ? 5000 : maxRows;
        }
    }

    /**
     * @param publish  whether the towns' monthly rates are computed and published ({@code town-rates-computed})
     * @param interval how often (one replica at a time)
     */
    public record Rates(Boolean publish, Duration interval) {
        public Rates {
            publish = publish == null || publish;
            interval = interval == null ? Duration.ofHours(1) : interval;
        }
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
