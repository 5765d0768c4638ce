package org.liuhua.reporting.monthly.domain;

/**
 * The thirteen figure columns of the monthly progress table, in the order and with the headers of the attachment of
 * haimen-standards-year-2023 (企业安全生产标准规范"落实年"专项行动情况进度统计表): seven for the enterprises
 * (企业层面), six for the supervising authorities and towns (安全监管部门层面（含乡镇）). The first column of the form,
 * 地 区, is the town and is not a figure.
 */
public enum ProgressColumn {

    SELF_CHECK_ENTERPRISES("selfCheckEnterprises", Group.ENTERPRISE, "开展自查企业(家)"),
    SELF_CHECK_HAZARDS("selfCheckHazards", Group.ENTERPRISE, "自查发现隐患(条)"),
    SELF_CHECK_RECTIFIED("selfCheckRectified", Group.ENTERPRISE, "已整改(条)"),
    RULES_REVISING_ENTERPRISES("rulesRevisingEnterprises", Group.ENTERPRISE, "修订管理制度、操作规程企业(家)"),
    RULES_REVISED("rulesRevised", Group.ENTERPRISE, "涉及修订管理制度、操作规程(项)"),
    TRAINING_PERSON_TIMES("trainingPersonTimes", Group.ENTERPRISE, "开展安全生产教育和培训(人次)"),
    DRILLS("drills", Group.ENTERPRISE, "组织实施危险作业重点环节的生产安全事故应急救援演练(次)"),
    INSPECTION_GROUPS("inspectionGroups", Group.SUPERVISION, "成立检查组(个)"),
    ESTABLISHMENTS_INSPECTED("establishmentsInspected", Group.SUPERVISION, "检查单位(家次)"),
    HAZARDS_FOUND("hazardsFound", Group.SUPERVISION, "发现隐患(条)"),
    CASES_FILED("casesFiled", Group.SUPERVISION, "事前立案(件)"),
    PENALTY_TEN_THOUSAND_CNY("penaltyTenThousandCny", Group.SUPERVISION, "处罚金额(万元)"),
    WARNING_INTERVIEWS("warningInterviews", Group.SUPERVISION, "约谈警示(家)");

    /** The header groups of the form, merged above their columns. */
    public enum Group {
        ENTERPRISE("企业层面"),
        SUPERVISION("安全监管部门层面（含乡镇）");

        private final String header;

        Group(String header) {
            this.header = header;
        }

        public String header() {
            return header;
        }
    }

    /** The form's title. */
    public static final String TITLE = "企业安全生产标准规范“落实年”专项行动情况进度统计表";
    /** The header of the first column (the town), spaced as in the form. */
    public static final String REGION_HEADER = "地 区";
    /** The remark printed with the form. */
    public static final String REMARK = "备注：事前立案、处罚金额按照省执法系统据实填写。";
    /** The label of the totals row. */
    public static final String TOTALS_LABEL = "合计";

    private final String key;
    private final Group group;
    private final String header;

    ProgressColumn(String key, Group group, String header) {
        this.key = key;
        this.group = group;
        this.header = header;
    }

    /** The JSON field name. */
    public String key() {
        return key;
    }

    public Group group() {
        return group;
    }

    public String header() {
        return header;
    }

    /** Whether the column is an amount of money with two decimals (万元) rather than a count. */
    public boolean decimal() {
        return this == PENALTY_TEN_THOUSAND_CNY;
    }
}
