package org.liuhua.reporting.names;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Names of the supervising departments ({@code liuhua.reporting.names.departments}: id → name). grid-service keeps
 * its department register as plain documents and publishes no event for it, so reporting cannot learn the names from
 * a topic; the default is the city's department register as grid-service's demo city seeds it.
 */
@ConfigurationProperties("liuhua.reporting.names")
public record NamesProperties(Map<String, String> departments) {

    public NamesProperties {
        if (departments == null) {
            Map<String, String> d = new LinkedHashMap<>();
            d.put("dept-industry", "工业和信息化局");
            d.put("dept-housing", "住房和城乡建设局");
            d.put("dept-transport", "交通运输局");
            d.put("dept-commerce", "商务局");
            d.put("dept-fire", "消防救援大队");
            d.put("dept-education", "教育局");
            d.put("dept-health", "卫生健康委员会");
            d.put("dept-culture-tourism", "文体广电和旅游局");
            d.put("dept-market", "市场监督管理局");
            d.put("dept-emergency", "应急管理局");
            departments = d;
        }
        departments = Map.copyOf(departments);
    }
}
