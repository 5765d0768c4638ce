package org.liuhua.grid.establishment;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The managed code sets of the establishment register (G-2), {@code liuhua.grid.code-sets.*}: the industry codes and
 * the risk flags an establishment may carry, each code with its Chinese name. A code outside its set is a 400 naming
 * {@code industry} or {@code flags} (with the code) (a typo must not silently switch a staffing rule off). A city adds codes by
 * configuration; the defaults cover the policy's industries and flags (zhangjiagang 2024, rugao 2026) and the demo city.
 */
@ConfigurationProperties("liuhua.grid.code-sets")
public record CodeSets(Map<String, String> industries, Map<String, String> flags) {

    public CodeSets {
        industries = industries == null || industries.isEmpty() ? defaultIndustries() : Map.copyOf(industries);
        flags = flags == null || flags.isEmpty() ? defaultFlags() : Map.copyOf(flags);
    }

    public boolean industry(String code) {
        return industries.containsKey(code);
    }

    public boolean flag(String code) {
        return flags.containsKey(code);
    }

    private static Map<String, String> defaultIndustries() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("METALLURGY", "冶金");
        m.put("CHEMICALS", "化工");
        m.put("HAZARDOUS_CHEMICALS", "危险化学品生产储存");
        m.put("TEXTILES", "纺织");
        m.put("MACHINERY", "机械制造");
        m.put("FOOD_PROCESSING", "食品加工");
        m.put("WOODWORKING", "木材加工");
        m.put("METAL_PRODUCTS", "金属制品");
        m.put("SHIPBUILDING", "船舶修造");
        m.put("ELECTRONICS", "电子");
        m.put("BUILDING_MATERIALS", "建材");
        m.put("LIGHT_INDUSTRY", "轻工");
        m.put("PLASTICS", "塑料制品");
        m.put("PRINTING", "印刷");
        m.put("PAPER", "造纸");
        m.put("CONSTRUCTION", "建筑施工");
        m.put("ROAD_TRANSPORT", "道路运输");
        m.put("WAREHOUSING", "仓储");
        m.put("LOGISTICS", "物流");
        m.put("PORT", "港口");
        m.put("CITY_GAS", "城镇燃气");
        m.put("POWER", "电力");
        m.put("SPECIAL_EQUIPMENT", "特种设备");
        m.put("HAZARDOUS_WASTE", "危废处置及辐射");
        m.put("LABORATORY", "科研实验室");
        m.put("CATERING", "餐饮");
        m.put("RETAIL", "零售");
        m.put("HOSPITALITY", "住宿");
        m.put("EDUCATION_TRAINING", "教育培训");
        m.put("SCHOOL", "学校");
        m.put("HEALTH_CLINIC", "医疗卫生");
        m.put("ELDERLY_CARE", "养老护理");
        m.put("ENTERTAINMENT", "文化娱乐");
        m.put("SHOPPING_MALL", "商场");
        m.put("FARMERS_MARKET", "农贸市场");
        m.put("TOURISM", "旅游");
        m.put("RELIGIOUS_SITE", "宗教活动场所");
        m.put("COMMERCIAL_BUILDING", "商业楼宇");
        m.put("RESIDENTIAL_COMPOUND", "住宅小区");
        m.put("AGRICULTURE", "农业农村");
        m.put("OTHER", "其他");
        return Map.copyOf(m);
    }

    private static Map<String, String> defaultFlags() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("DUST_EXPLOSION", "粉尘涉爆");
        m.put("AMMONIA_REFRIGERATION", "涉氨制冷");
        m.put("HAZARDOUS_CHEMICALS", "危险化学品");
        m.put("METAL_SMELTING", "金属冶炼");
        m.put("CONFINED_SPACE", "有限空间");
        m.put("MAJOR_HAZARD_SOURCE", "重大危险源");
        m.put("HOT_WORK", "动火作业");
        m.put("WORK_AT_HEIGHT", "高处作业");
        m.put("GAS_USE", "使用燃气");
        m.put("LITHIUM_BATTERY", "锂电池");
        m.put("COLD_STORAGE", "冷库");
        m.put("CROWDED_PLACE", "人员密集场所");
        m.put("FIRE_KEY_UNIT", "消防安全重点单位");
        m.put("RENTAL_FACTORY", "出租厂房（厂中厂）");
        m.put("MIXED_USE", "多业态混合");
        return Map.copyOf(m);
    }
}
