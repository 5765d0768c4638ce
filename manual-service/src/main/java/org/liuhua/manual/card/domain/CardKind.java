package org.liuhua.manual.card.domain;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The one-page cards (M-3) and the parts each must have. The post safety card is the "岗位安全四清楚卡" of the
 * zhangjiagang 2024 plan (operating procedure; hazards and protection; emergency response; protective equipment);
 * the risk-notice and emergency cards are the "两卡", and with the three lists, the four-colour map and the notice
 * board they make the "三单两卡一图一牌" of industrial clusters (zhangjiagang 2022).
 */
public enum CardKind {

    POST_SAFETY("岗位安全四清楚卡", false, part("operatingProcedure", "一、岗位操作规程"),
            part("hazardsAndProtection", "二、危险有害因素及防护措施"), part("emergencyResponse", "三、应急处置措施及流程"),
            part("protectiveEquipment", "四、劳动防护用品佩戴")),
    RISK_NOTICE("风险告知卡", false, part("hazards", "主要危险有害因素"), part("consequences", "可能导致的事故后果"),
            part("controls", "管控措施"), part("emergencyResponse", "应急处置")),
    EMERGENCY("应急处置卡", false, part("scenarios", "事故情形"), part("steps", "处置步骤"),
            part("contacts", "应急联系方式")),
    RISK_IDENTIFICATION_LIST("风险辨识清单", true, part("risks", "风险点及危险有害因素")),
    RISK_CONTROL_LIST("风险管控清单", true, part("controls", "管控措施、管控层级及责任人")),
    HAZARD_CHECK_LIST("隐患排查清单", true, part("checks", "排查内容、频次及责任人")),
    RISK_MAP("风险四色图", true, part("zones", "区域及风险等级（红橙黄蓝）")),
    RISK_NOTICE_BOARD("风险告知牌", true, part("riskPoint", "风险点"), part("hazards", "主要危险因素"),
            part("controls", "管控措施"), part("responsible", "责任人及联系方式"));

    private final String title;
    private final boolean forClusters;
    private final Map<String, String> parts;

    @SafeVarargs
    CardKind(String title, boolean forClusters, Map.Entry<String, String>... parts) {
        this.title = title;
        this.forClusters = forClusters;
        Map<String, String> ordered = new LinkedHashMap<>();
        for (Map.Entry<String, String> p : parts) {
            ordered.put(p.getKey(), p.getValue());
        }
        this.parts = ordered;
    }

    private static Map.Entry<String, String> part(String key, String heading) {
        return Map.entry(key, heading);
    }

    /** The printed name of the kind. */
    public String title() {
        return title;
    }

    /** One of the "三单两卡一图一牌" kinds a cluster (or an establishment) posts. */
    public boolean forClusters() {
        return forClusters;
    }

    /** Required part keys in printing order. */
    public List<String> partKeys() {
        return List.copyOf(parts.keySet());
    }

    public String heading(String part) {
        return parts.get(part);
    }
}
