package org.liuhua.reporting.warnings.domain;

/**
 * The warning rules, named as the policy texts name what they warn about. zhangjiagang-liuhua-2024 附件4
 * （七）"开展巡查督查预警通报": "对上传数据量少、推进进度慢的地区进行预警通报" gives the first two;
 * zhangjiagang-liuhua-2024 （一） "网格化" (网格员配备, 巡查) and （四） "全员化" (参与度 ≥ 80 %), （六） "手册化", and
 * zhangjiagang-industrial-clusters-2022 ("通报批评 … 限期整改") give the others.
 */
public enum WarningRule {

    UPLOAD_VOLUME_LOW("上传数据量少", Level.YELLOW,
            "张家港市2024年“六化”工作方案附件4（七）：对上传数据量少、推进进度慢的地区进行预警通报"),
    CLOSURE_SLOW("隐患整改推进慢", Level.YELLOW,
            "张家港市2024年“六化”工作方案附件4（七）：对推进进度慢的地区进行预警通报；隐患闭环整改率目标100%"),
    OVERDUE_MAJOR("重大隐患逾期未整改", Level.RED,
            "重大事故隐患应按期整改闭环；张家港市工业集中区规范化管理方案（2022）：限期整改、挂牌督办"),
    PATROL_COVERAGE_LOW("网格巡查覆盖率未达标", Level.ORANGE,
            "张家港市2024年“六化”工作方案（一）“网格化”：网格员工作巡查信息化考核，月度巡查覆盖率不低于90%"),
    STAFFING_GAPS("网格员配备不到位", Level.ORANGE,
            "张家港市2024年“六化”工作方案（一）“网格化”：全面落实网格员配备，出现空缺及时补齐"),
    TRAINING_PARTICIPATION_LOW("全员化培训参与率未达标", Level.YELLOW,
            "张家港市2024年“六化”工作方案附件4“全员化”：确保全市工业企业参与度有效提升（不低于80%）"),
    HANDBOOK_ADOPTION_LOW("手册化推进慢", Level.YELLOW,
            "张家港市2024年“六化”工作方案（六）“手册化”：推动企业编制、使用岗位安全手册");

    /** 预警等级. */
    public enum Level {
        YELLOW("黄色预警"), ORANGE("橙色预警"), RED("红色预警");

        private final String title;

        Level(String title) {
            this.title = title;
        }

        public String title() {
            return title;
        }
    }

    private final String title;
    private final Level level;
    private final String basis;

    WarningRule(String title, Level level, String basis) {
        this.title = title;
        this.level = level;
        this.basis = basis;
    }

    public String title() {
        return title;
    }

    /** The level of a warning of this rule (a rule may raise it, e.g. a closure rate under the floor). */
    public Level level() {
        return level;
    }

    /** The policy text the rule follows. */
    public String basis() {
        return basis;
    }
}
